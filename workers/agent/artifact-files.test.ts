import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planArtifactCollection } from "./artifact-files";

const root = mkdtempSync(path.join(tmpdir(), "mmr-artifact-files-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const limits = { fileBytes: 100, runBytes: 150, files: 10 };

/** A run's working folder with `files` (path → content) and a secret beside it, outside. */
function workFolder(name: string, files: Record<string, string>): string {
  const folder = path.join(root, name, "work");
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), content);
  }
  writeFileSync(path.join(root, name, "secret.txt"), "do not ship");
  return folder;
}

describe("planArtifactCollection", () => {
  it("lists the collect folders' files by path relative to the working folder, once each, in order", async () => {
    const folder = workFolder("plain", { "out/m/b.json": "bb", "out/m/a.jsonl": "a", "out/x.txt": "", "other/no.txt": "no" });
    const plan = await planArtifactCollection(folder, ["out", "./out/m"], limits);
    expect(plan.files.map((f) => [f.path, f.bytes])).toEqual([
      ["out/m/a.jsonl", 1],
      ["out/m/b.json", 2],
      ["out/x.txt", 0],
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it("skips missing folders and folders outside the working folder, each with a line", async () => {
    const folder = workFolder("outside", { "out/a.txt": "a" });
    symlinkSync(path.join(root, "outside"), path.join(folder, "escape"));
    const plan = await planArtifactCollection(folder, ["gone", "../", "/etc", "escape", "out/a.txt"], limits);
    expect(plan.files).toEqual([]);
    expect(plan.skipped).toEqual([
      'collect "gone": no such folder; nothing collected from it.',
      `collect "../": not a folder inside the run's folder; skipped.`,
      `collect "/etc": not a folder inside the run's folder; skipped.`,
      `collect "escape": a link leading out of the run's folder; refused.`,
      'collect "out/a.txt": not a folder; skipped.',
    ]);
  });

  it("follows links to files inside the folder and refuses links leading out of it or to a folder", async () => {
    const folder = workFolder("links", { "out/real.txt": "real", "out/sub/deep.txt": "deep" });
    symlinkSync("real.txt", path.join(folder, "out/alias.txt"));
    symlinkSync(path.join(root, "links/secret.txt"), path.join(folder, "out/secret.txt"));
    symlinkSync("sub", path.join(folder, "out/sub-link"));
    const plan = await planArtifactCollection(folder, ["out"], limits);
    expect(plan.files.map((f) => [f.path, f.bytes])).toEqual([
      ["out/alias.txt", 4],
      ["out/real.txt", 4],
      ["out/sub/deep.txt", 4],
    ]);
    expect(plan.skipped).toEqual([expect.stringMatching(/^collect "out": refused 2 link\(s\) leading out of it or to a folder: (secret\.txt, sub-link|sub-link, secret\.txt)\.$/)]);
  });

  it("leaves out files over the per-file limit, and files past the run's byte or file budget", async () => {
    const folder = workFolder("limits", { "out/a.bin": "x".repeat(90), "out/b.bin": "x".repeat(101), "out/c.bin": "x".repeat(50), "out/d.bin": "x".repeat(20) });
    const plan = await planArtifactCollection(folder, ["out"], limits);
    expect(plan.files.map((f) => f.path)).toEqual(["out/a.bin", "out/c.bin"]);
    expect(plan.skipped).toEqual([
      "not uploaded, larger than 100 bytes each: out/b.bin.",
      "not uploaded, past the run's limit of 10 files or 150 bytes: out/d.bin.",
    ]);
    const counted = await planArtifactCollection(folder, ["out"], { ...limits, runBytes: 1_000, files: 1 });
    expect(counted.files.map((f) => f.path)).toEqual(["out/a.bin"]);
  });
});
