import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLmmsEvalSampleLine, readLmmsEvalSamples, type SampleLineResult } from "./samples-file";

const folder = path.resolve(import.meta.dirname, "../../../tests/fixtures/lmms-eval/outputs/acme__vl-7b-rl");

async function readAll(file: string): Promise<SampleLineResult[]> {
  const results: SampleLineResult[] = [];
  for await (const result of readLmmsEvalSamples(path.join(folder, file))) results.push(result);
  return results;
}

describe("readLmmsEvalSamples", () => {
  it("yields each sample, reports malformed lines by number and carries on", async () => {
    const results = await readAll("20250314_091502_samples_mmmu_val.jsonl");
    expect(results.map((r) => [r.lineNumber, r.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
      [4, false],
      [6, false],
      [7, true],
    ]);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.error))).toEqual([
      "not valid JSON",
      "not a JSON object",
      "doc_id missing or not a number or string",
    ]);
  });

  it("normalises responses, targets and metrics", async () => {
    const samples = (await readAll("20250314_091502_samples_mmmu_val.jsonl")).flatMap((r) => (r.ok ? [r.sample] : []));
    expect(samples[0]).toEqual({
      docId: 0,
      target: "B",
      filteredResps: ["B"],
      resps: [["The answer is B."]],
      input: "<image 1> Which painting is older?\nA. left\nB. right",
      docHash: "aa01",
      metrics: { mmmu_acc: { id: "validation_Art_1", subdomain: "Art", answer: "B", parsed_pred: "B" } },
    });
    // No resps (lmms-eval drops it when equal to filtered_resps) and a bare-string filtered_resps.
    expect(samples[1]).not.toHaveProperty("resps");
    expect(samples[1].filteredResps).toEqual(["C"]);
    expect(samples[2].target).toBe("42");
    expect(samples[2].metrics.latency_s).toBeNaN();
  });
});

describe("parseLmmsEvalSampleLine", () => {
  it("uses lm-eval-harness's list of metric names when present", () => {
    const line = JSON.stringify({ doc_id: "q-9", target: "x", filtered_resps: ["x"], filter: "none", metrics: ["exact_match"], exact_match: 1, prompt_hash: "p" });
    expect(parseLmmsEvalSampleLine(line, 4)).toEqual({
      ok: true,
      lineNumber: 4,
      sample: { docId: "q-9", target: "x", filteredResps: ["x"], metrics: { exact_match: 1 } },
    });
  });

  it("keeps a metric named __proto__ as data", () => {
    const result = parseLmmsEvalSampleLine('{"doc_id": 1, "filtered_resps": ["a"], "__proto__": {"polluted": true}}', 1);
    expect(result.ok && Object.keys(result.sample.metrics)).toEqual(["__proto__"]);
    expect(result.ok && (result.sample.metrics as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("requires filtered_resps", () => {
    expect(parseLmmsEvalSampleLine('{"doc_id": 1, "target": "A"}', 9)).toEqual({ ok: false, lineNumber: 9, error: "filtered_resps missing" });
  });
});
