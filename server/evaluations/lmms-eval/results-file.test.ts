import path from "node:path";
import { describe, expect, it } from "vitest";
import { LmmsEvalFormatError, parseLmmsEvalResults, readLmmsEvalResultsFile } from "./results-file";

const outputs = path.resolve(import.meta.dirname, "../../../tests/fixtures/lmms-eval/outputs");
const acmeResults = path.join(outputs, "acme__vl-7b-rl/20250314_091502_results.json");

describe("readLmmsEvalResultsFile", () => {
  it("normalises every metric and filter, pairing stderr estimates and keeping odd values raw", async () => {
    const { rows } = await readLmmsEvalResultsFile(acmeResults);
    const row = (task: string, metric: string, filter = "none") => rows.find((r) => r.task === task && r.metric === metric && r.filter === filter);
    expect(rows).toHaveLength(9);
    // The default stderr is "N/A": the CLT estimate stands in, and says so.
    expect(row("mathvista_testmini", "gpt_eval_score")).toEqual({
      task: "mathvista_testmini", metric: "gpt_eval_score", filter: "none", value: 0.712, stderr: 0.0143, stderrKind: "stderr_clt", higherIsBetter: true,
    });
    expect(row("mmmu_val", "mmmu_acc")).toMatchObject({ value: 0.523, stderr: 0.0166, stderrKind: "stderr" });
    expect(row("charxiv_reasoning", "acc", "flexible-extract")).toMatchObject({ value: 0.41, stderr: null, stderrKind: null });
    expect(row("charxiv_reasoning", "acc", "strict-match")).toMatchObject({ value: 0.39, raw: "0.39", stderr: 0.02 });
    expect(row("charxiv_reasoning", "accuracy_by_category")).toMatchObject({ value: null, raw: { counting: 0.5, overall: 0.41 }, stderr: null });
    expect(row("charxiv_reasoning", "latency")).toMatchObject({ value: null, raw: "NaN" });
    expect(row("charxiv_reasoning", "hallucination_rate")).toMatchObject({ value: 0.12, higherIsBetter: false, stderr: null });
    expect(row("charxiv_reasoning", "judge_model")).toMatchObject({ value: null, raw: "gpt-4o" });
    expect(row("charxiv", "acc", "strict-match")).toMatchObject({ value: 0.39, higherIsBetter: true });
    expect(rows.some((r) => r.metric.includes("stderr") || r.metric === "alias")).toBe(false);
  });

  it("collects the harness facts, taking the model name from model_args when model_name is empty", async () => {
    const { meta } = await readLmmsEvalResultsFile(acmeResults);
    expect(meta).toMatchObject({
      modelName: "acme/vl-7b-rl",
      modelNameSanitized: "acme__vl-7b-rl",
      modelSource: "qwen2_5_vl",
      modelArgs: "max_pixels=12845056,pretrained=acme/vl-7b-rl,attn_implementation=flash_attention_2",
      dateId: "20250314_091502",
      startedAt: "2025-03-14T09:15:02",
      lmmsEvalVersion: "0.7.1",
      gitHash: "3f9c2ab",
      totalEvaluationSeconds: 5321.25,
    });
    expect(meta.tasks.map((t) => t.task)).toEqual(["mathvista_testmini", "mmmu_val", "charxiv", "charxiv_reasoning"]);
    const [mathvista, mmmu, charxiv] = meta.tasks;
    expect(mmmu).toMatchObject({ nSamples: { original: 900, effective: 50 }, taskHash: "9d1e0c5a7b", version: 0, nShot: 0 });
    expect(charxiv).toMatchObject({ subtasks: ["charxiv_reasoning"], nSamples: null, config: null });
    expect(mathvista.config).toMatchObject({
      doc_to_visual: "<function mathvista_doc_to_visual>",
      metric_list: [{ aggregation: "<function mathvista_aggregate_results>" }],
      generation_kwargs: { max_new_tokens: 28696 },
    });
  });

  it("reads lm-eval-harness style date ids, model_args objects and the version from git describe", async () => {
    const file = path.join(outputs, "nested/run-2/Qwen__Qwen2.5-VL-7B-Instruct/2025-03-15T08-30-00.123456_results.json");
    const { meta, rows } = await readLmmsEvalResultsFile(file);
    expect(meta).toMatchObject({ modelName: "Qwen/Qwen2.5-VL-7B-Instruct", dateId: "2025-03-15T08-30-00.123456", startedAt: "2025-03-15T08:30:00.123456", lmmsEvalVersion: "0.5" });
    expect(rows).toEqual([{ task: "ai2d", metric: "exact_match", filter: "flexible-extract", value: 0.815, stderr: 0.0069, stderrKind: "stderr", higherIsBetter: true }]);
  });
});

describe("parseLmmsEvalResults", () => {
  it("names the file when there is no results object", () => {
    expect(() => parseLmmsEvalResults({ configs: {} }, "out/x_results.json")).toThrow(new LmmsEvalFormatError("out/x_results.json", 'no "results" object'));
    expect(() => parseLmmsEvalResults([1], "y.json")).toThrow("y.json: not a JSON object");
    expect(() => parseLmmsEvalResults({ results: { pope: 0.5 } }, "z.json")).toThrow("z.json: results.pope is not an object");
  });

  it("falls back to the folder name for the model and to the JSON date for the date id", () => {
    const { meta } = parseLmmsEvalResults({ results: {}, date: "20250101_000000" }, "r.json", { folderName: "org__model" });
    expect(meta).toMatchObject({ modelName: "org/model", modelNameSanitized: "org__model", dateId: "20250101_000000", lmmsEvalVersion: null, tasks: [] });
  });
});
