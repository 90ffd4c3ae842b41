import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listLmmsEvalFiles } from "./lmms-eval-files";

const folder = mkdtempSync(path.join(tmpdir(), "mmr-cli-lmms-eval-files-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(relative: string, content = "{}"): string {
  const file = path.join(folder, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe("listLmmsEvalFiles", () => {
  it("finds results and samples files at any depth, under a folder named like DIR, and nothing else", async () => {
    write("out/run-1/org__model/20250101_000000_results.json");
    write("out/run-1/org__model/20250101_000000_samples_mmmu_val.jsonl", "");
    write("out/run-1/org__model/rank0.log", "log");
    write("out/run-1/org__model/20250101_000000_results.json.bak");
    write("out/20250102_000000_samples_chartqa.jsonl", "");
    const shared = write("elsewhere/20250103_000000_results.json", '{"results": {}}');
    symlinkSync(shared, path.join(folder, "out/20250103_000000_results.json"));
    symlinkSync(path.join(folder, "out"), path.join(folder, "out/run-1/loop"));

    const upload = await listLmmsEvalFiles(path.join(folder, "out"));
    expect(upload.folder).toBe("out");
    expect(upload.files.map((file) => [file.uploadPath, path.relative(folder, file.localPath), file.bytes]).sort()).toEqual([
      ["out/20250102_000000_samples_chartqa.jsonl", "out/20250102_000000_samples_chartqa.jsonl", 0],
      ["out/20250103_000000_results.json", "out/20250103_000000_results.json", 15],
      ["out/run-1/org__model/20250101_000000_results.json", "out/run-1/org__model/20250101_000000_results.json", 2],
      ["out/run-1/org__model/20250101_000000_samples_mmmu_val.jsonl", "out/run-1/org__model/20250101_000000_samples_mmmu_val.jsonl", 0],
    ]);
  });

  it("refuses a folder without a results file, and a path that is not a folder", async () => {
    write("samples-only/20250101_000000_samples_mmmu_val.jsonl", "");
    await expect(listLmmsEvalFiles(path.join(folder, "samples-only"))).rejects.toThrow(/holds no lmms-eval results file/);
    const file = write("single/20250101_000000_results.json");
    await expect(listLmmsEvalFiles(file)).rejects.toThrow(/is not a folder/);
    await expect(listLmmsEvalFiles(path.join(folder, "missing"))).rejects.toThrow(/does not exist/);
  });
});
