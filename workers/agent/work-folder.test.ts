import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareWorkFolder } from "./work-folder";

const workDir = path.join(mkdtempSync(path.join(tmpdir(), "mmr-work-folder-")), "runs");
afterAll(() => rmSync(path.dirname(workDir), { recursive: true, force: true }));

describe("prepareWorkFolder", () => {
  it("writes the spec's files, nested folders included, into a fresh folder per attempt", () => {
    const first = prepareWorkFolder(workDir, 7, [
      { path: "train.sh", content: "echo hi\n" },
      { path: "configs/sft.yaml", content: "trainer_type: sft\n" },
    ]);
    expect(path.dirname(first)).toBe(workDir);
    expect(path.basename(first)).toMatch(/^run-7-/);
    expect(readFileSync(path.join(first, "configs/sft.yaml"), "utf8")).toBe("trainer_type: sft\n");
    const second = prepareWorkFolder(workDir, 7, []);
    expect(second).not.toBe(first);
    expect(readdirSync(second)).toEqual([]);
  });

  it("refuses file paths outside the run's folder", () => {
    for (const escape of ["../escape.sh", "/etc/passwd", "a/../../escape.sh", "."]) {
      expect(() => prepareWorkFolder(workDir, 8, [{ path: escape, content: "" }]), escape).toThrow(/not a path inside the run's folder/);
    }
    expect(readdirSync(path.dirname(workDir))).toEqual(["runs"]);
  });
});
