import { describe, expect, it } from "vitest";
import { readLmmsEvalResultsFile, readLmmsEvalSamples, scanLmmsEvalOutput, type LmmsEvalSample } from "@/server/evaluations/lmms-eval";
import { fixturePath } from "./fixtures-dir";

const outputRoot = fixturePath("eval-outputs");
const llavaFolder = fixturePath("eval-outputs", "lmms-eval", "liuhaotian__llava-v1.5-7b");
const llavaResults = fixturePath("eval-outputs", "lmms-eval", "liuhaotian__llava-v1.5-7b", "20260218_234435_results.json");
const llavaSamples = fixturePath("eval-outputs", "lmms-eval", "liuhaotian__llava-v1.5-7b", "20260218_234435_samples_scienceqa_img.jsonl");
const qwenResults = fixturePath("eval-outputs", "lmms-eval", "Qwen__Qwen2.5-VL-3B-Instruct", "20260219_175810_results.json");

describe("real lmms-eval outputs", () => {
  it("the scanner finds both results files and pairs the scienceqa_img samples with the llava run", async () => {
    const scan = await scanLmmsEvalOutput(outputRoot);
    expect(scan.runs).toEqual([
      { dateId: "20260219_175810", resultsPath: qwenResults, modelFolder: "Qwen__Qwen2.5-VL-3B-Instruct", samples: [] },
      {
        dateId: "20260218_234435",
        resultsPath: llavaResults,
        modelFolder: "liuhaotian__llava-v1.5-7b",
        samples: [{ task: "scienceqa_img", path: llavaSamples }],
      },
    ]);
    expect(scan.unpairedSamples).toEqual([]);
  });

  it("llava results: pope and scienceqa_img rows, with the CLT stderr where the default one is N/A", async () => {
    const { rows } = await readLmmsEvalResultsFile(llavaResults);
    const popeClt = { filter: "none", stderr: 0.003550294134081839, stderrKind: "stderr_clt", higherIsBetter: true };
    expect(rows).toEqual([
      { task: "pope", metric: "pope_accuracy", value: 0.8695555555555555, ...popeClt },
      { task: "pope", metric: "pope_precision", value: 0.9380927291886196, ...popeClt },
      { task: "pope", metric: "pope_recall", value: 0.7913333333333333, ...popeClt },
      { task: "pope", metric: "pope_f1_score", value: 0.8584860173577628, ...popeClt },
      { task: "pope", metric: "pope_yes_ratio", value: 0.5, ...popeClt },
      {
        task: "scienceqa_img", metric: "exact_match", filter: "none", value: 0.6950917203767972,
        stderr: 0.010253222989229942, stderrKind: "stderr", higherIsBetter: true,
      },
    ]);
  });

  it("llava results: harness facts, sample counts and configs without function addresses", async () => {
    const { meta } = await readLmmsEvalResultsFile(llavaResults);
    expect(meta).toMatchObject({
      modelName: "liuhaotian/llava-v1.5-7b",
      modelNameSanitized: "liuhaotian__llava-v1.5-7b",
      modelSource: "llava",
      modelArgs: "pretrained=liuhaotian/llava-v1.5-7b,device_map=auto",
      dateId: "20260218_234435",
      startedAt: "2026-02-18T23:44:35",
      gitHash: "v0.6-9-g28c75891",
      lmmsEvalVersion: "0.6",
      totalEvaluationSeconds: 12942.721952355001,
    });
    expect(meta.tasks.map((t) => [t.task, t.nSamples, t.taskHash?.slice(0, 8), t.version, t.nShot])).toEqual([
      ["pope", { original: 9000, effective: 9000 }, "60c35fa4", "Yaml", 0],
      ["scienceqa_img", { original: 2017, effective: 2017 }, "2fc0facf", "Yaml", 0],
    ]);
    expect(meta.tasks[0].config).toMatchObject({
      doc_to_visual: "<function pope_doc_to_visual>",
      metric_list: [{ metric: "pope_accuracy", aggregation: "<function pope_aggregate_accuracy>" }, {}, {}, {}, {}],
      generation_kwargs: { max_new_tokens: 128, until: ["\n\n"] },
    });
    expect(JSON.stringify(meta.tasks.map((t) => t.config))).not.toMatch(/ at 0x[0-9a-f]+>/);
  });

  it("Qwen results: the object-valued accuracy_by_topic kept raw and bias_ratio lower-is-better", async () => {
    const { rows, meta } = await readLmmsEvalResultsFile(qwenResults);
    expect(rows.map((r) => [r.metric, r.value, r.stderr, r.higherIsBetter])).toEqual([
      ["accuracy", 0.19468390804597702, 0.007505707110995228, true],
      ["bias_ratio", 0.5107758620689655, 0.009475726517154748, false],
      ["accuracy_by_topic", null, null, true],
    ]);
    const byTopic = rows[2].raw as Record<string, number>;
    expect(Object.keys(byTopic)).toHaveLength(8);
    expect(byTopic).toMatchObject({ "Optical Illusion": 0.5113636363636364, "Chess Pieces": 0, overall: 0.19468390804597702 });
    expect(meta).toMatchObject({ modelName: "Qwen/Qwen2.5-VL-3B-Instruct", modelSource: "qwen2_5_vl", dateId: "20260219_175810" });
    expect(meta.tasks).toMatchObject([{ task: "vlms_are_biased", nSamples: { original: 2784, effective: 2784 }, taskHash: null, version: 1 }]);
  });

  it("scienceqa_img samples: 200 complete lines, doc ids 0–199, no resps, 136 exact matches", async () => {
    const samples: LmmsEvalSample[] = [];
    for await (const result of readLmmsEvalSamples(llavaSamples)) {
      if (!result.ok) throw new Error(`line ${result.lineNumber}: ${result.error}`);
      samples.push(result.sample);
    }
    expect(samples).toHaveLength(200);
    expect(samples.map((s) => s.docId)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(samples.every((s) => s.resps === undefined && s.filteredResps.length === 1 && typeof s.input === "string" && s.docHash?.length === 64)).toBe(true);
    expect(samples.every((s) => Object.keys(s.metrics).join() === "exact_match")).toBe(true);
    expect(samples.reduce((sum, s) => sum + (s.metrics.exact_match as number), 0)).toBe(136);
    expect(samples.slice(0, 5).map((s) => [s.target, s.filteredResps[0], s.metrics.exact_match])).toEqual([
      ["B", "B", 1],
      ["B", "B", 1],
      ["B", "B", 1],
      ["B", "E", 0],
      ["C", "A", 0],
    ]);
  });

  it("reads the samples' folder as an output root too", async () => {
    const scan = await scanLmmsEvalOutput(llavaFolder);
    expect(scan.runs.map((r) => [r.dateId, r.samples.map((s) => s.task)])).toEqual([["20260218_234435", ["scienceqa_img"]]]);
  });
});
