import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanLmmsEvalOutput } from "./output-scanner";

const outputs = path.resolve(import.meta.dirname, "../../../tests/fixtures/lmms-eval/outputs");

describe("scanLmmsEvalOutput", () => {
  it("finds results files at any depth and pairs samples files by date id", async () => {
    const scan = await scanLmmsEvalOutput(outputs);
    const relative = (file: string) => path.relative(outputs, file);
    expect(scan.runs.map((run) => ({ ...run, resultsPath: relative(run.resultsPath), samples: run.samples.map((s) => [s.task, relative(s.path)]) }))).toEqual([
      {
        dateId: "20250314_091502",
        resultsPath: "acme__vl-7b-rl/20250314_091502_results.json",
        modelFolder: "acme__vl-7b-rl",
        samples: [
          ["mathvista_testmini", "acme__vl-7b-rl/20250314_091502_samples_mathvista_testmini.jsonl"],
          ["mmmu_val", "acme__vl-7b-rl/20250314_091502_samples_mmmu_val.jsonl"],
        ],
      },
      {
        dateId: "2025-03-15T08-30-00.123456",
        resultsPath: "nested/run-2/Qwen__Qwen2.5-VL-7B-Instruct/2025-03-15T08-30-00.123456_results.json",
        modelFolder: "Qwen__Qwen2.5-VL-7B-Instruct",
        samples: [],
      },
    ]);
    expect(scan.unpairedSamples.map((s) => [s.dateId, s.task, relative(s.path)])).toEqual([
      ["20250313_230000", "mmmu_val", "acme__vl-7b-rl/20250313_230000_samples_mmmu_val.jsonl"],
    ]);
  });

  it("rejects a root that does not exist", async () => {
    await expect(scanLmmsEvalOutput(path.join(outputs, "missing"))).rejects.toThrow(/ENOENT/);
  });
});
