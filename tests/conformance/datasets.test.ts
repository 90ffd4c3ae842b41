import { describe, expect, it } from "vitest";
import {
  applyMapping,
  checkImagePaths,
  listDatasetSources,
  previewFile,
  readSourceRows,
  type ColumnMapping,
  type ImageProblem,
  type NormalisedSample,
  type RowError,
} from "@/server/datasets/import";
import { fixturePath } from "./fixtures-dir";

const verlParquet = fixturePath("datasets", "verl_math_lighteval_test.parquet");
const k12Json = fixturePath("datasets", "mm_eureka_k12_eval.json");
const vprmJsonl = fixturePath("datasets", "vprm_mathvision_qwen25vl7b_reasoning_traces.jsonl");
const bagelJson = fixturePath("datasets", "lmms_engine_bagel_minimal.json");

/** Reads a whole file the way an import does: every row through the mapping, collecting skipped rows. */
async function mapWholeFile(path: string, mapping: ColumnMapping) {
  const [source] = await listDatasetSources(path);
  const samples: NormalisedSample[] = [];
  const errors: RowError[] = [];
  const imageProblems: ImageProblem[] = [];
  for await (const record of readSourceRows(source)) {
    if (record.kind === "invalid") {
      errors.push({ row: record.row, reason: record.reason });
      continue;
    }
    const mapped = applyMapping(record, mapping, { sourceLabel: source.label });
    if (!mapped.ok) errors.push(mapped.error);
    else {
      samples.push(mapped.sample);
      imageProblems.push(...(await checkImagePaths(mapped.sample.images, source.dataFolder)));
    }
  }
  return { samples, errors, imageProblems };
}

async function suggested(path: string) {
  const [source] = (await previewFile(path, { limit: 5 })).sources;
  return source;
}

describe("real datasets", () => {
  it("verl MATH-lighteval parquet: 5,000 RL rows with prompt, ground truth and source", async () => {
    const preview = await suggested(verlParquet);
    expect(preview.source.container).toBe("parquet");
    expect(preview.layout).toBe("verl-rl");
    expect(preview.rowCount).toBe(5000);
    expect(preview.mapping).toEqual({
      source: "data_source",
      messages: "prompt",
      question: "prompt[role=user][0].content",
      answer: "reward_model.ground_truth",
    });
    const { samples, errors, imageProblems } = await mapWholeFile(verlParquet, preview.mapping);
    expect(errors).toEqual([]);
    expect(imageProblems).toEqual([]);
    expect(samples).toHaveLength(5000);
    expect(samples.every((sample) => sample.question.trim() !== "" && sample.question.includes("\\boxed{}"))).toBe(true);
    expect(samples.every((sample) => (sample.answer ?? "").trim() !== "")).toBe(true);
    expect(new Set(samples.map((sample) => sample.source))).toEqual(new Set(["DigitalLearningGmbH/MATH-lighteval"]));
    expect(samples[0]).toMatchObject({
      question: expect.stringMatching(/^How many vertical asymptotes does the graph of \$y=\\frac\{2\}\{x\^2\+x-6\}\$ have\?/),
      answer: "2",
      images: [],
      messages: [{ role: "user", content: [{ type: "text", text: expect.any(String) }] }],
      extra: { level: "Level 3", type: "Algebra", ability: "math", reward_model: { style: "rule" }, extra_info: { index: 0, split: "test" } },
    });
    expect(samples.map((sample) => (sample.extra.extra_info as { index: number }).index)).toEqual(samples.map((_, index) => index));
  });

  it("MM-Eureka K12 JSON: 500 question / answer rows whose relative images are reported missing", async () => {
    const preview = await suggested(k12Json);
    expect(preview.source.container).toBe("json");
    expect(preview.layout).toBe("question-answer");
    expect(preview.mapping).toEqual({ externalId: "id", question: "question", answer: "answer", images: "image_path" });
    const { samples, errors, imageProblems } = await mapWholeFile(k12Json, preview.mapping);
    expect(errors).toEqual([]);
    expect(samples).toHaveLength(500);
    expect(samples.every((sample) => sample.question.trim() !== "" && (sample.answer ?? "").trim() !== "")).toBe(true);
    expect(samples.every((sample) => sample.images.length === 1 && sample.images[0].kind === "path" && sample.images[0].path === `images/${sample.externalId}.png`)).toBe(true);
    expect(samples.filter((sample) => sample.answer?.includes("$")).length).toBe(297);
    expect(samples[0]).toMatchObject({ externalId: "4d613249-84c9-401f-bd27-ac6869e87a8b", answer: "$2\\sin (2x-\\frac{\\pi }{6})$", extra: {} });
    expect(imageProblems).toHaveLength(500);
    expect(imageProblems.every((problem) => problem.reason === "missing")).toBe(true);
  });

  it("vprm MathVision traces JSONL: 303 rows, questions from alternating columns, traces kept verbatim", async () => {
    const preview = await suggested(vprmJsonl);
    expect(preview.source.container).toBe("jsonl");
    expect(preview.layout).toBe("reasoning-trace");
    expect(preview.mapping).toEqual({
      externalId: "id",
      images: "image",
      question: ["problem", "problem_w_choices"],
      answer: ["answer", "answer_w_choices"],
      trace: "response[0]",
    });
    const { samples, errors } = await mapWholeFile(vprmJsonl, preview.mapping);
    expect(errors).toEqual([]);
    expect(samples).toHaveLength(303);
    expect(samples.every((sample) => sample.question.trim() !== "" && (sample.answer ?? "").trim() !== "")).toBe(true);
    expect(samples.every((sample) => sample.images.length === 1 && sample.images[0].kind === "path" && sample.images[0].path === `images/${sample.externalId}.jpg`)).toBe(true);
    const traces = samples.map((sample) => sample.trace ?? "");
    expect(traces.filter((trace) => trace.includes("<think>"))).toHaveLength(284);
    expect(traces.filter((trace) => trace.includes("<answer>"))).toHaveLength(281);
    expect(traces.filter((trace) => trace.includes("<think>") && !trace.includes("</think>"))).toHaveLength(35);
    expect(traces.filter((trace) => trace.includes("\\boxed"))).toHaveLength(41);
    expect(samples[0]).toMatchObject({ externalId: "4", question: "How many different digits can you find in this picture?\n<image1>", answer: "6" });
    expect(samples[0].trace).toMatch(/^<think>\nTo determine how many different digits[\s\S]*<\/think>\n<answer>1<\/answer>$/);
    expect(Object.keys(samples[0].extra).sort()).toEqual(["prompt", "unfinished"]);
  });

  it("lmms-engine bagel minimal JSON: one text-only OpenAI-style messages sample", async () => {
    const preview = await suggested(bagelJson);
    expect(preview.source.container).toBe("json");
    expect(preview.layout).toBe("openai-messages");
    const { samples, errors } = await mapWholeFile(bagelJson, preview.mapping);
    expect(errors).toEqual([]);
    expect(samples).toEqual([
      {
        question: "Hello, please respond with 'Hi!'.",
        answer: "Hi!",
        images: [],
        source: "lmms_engine_bagel_minimal",
        messages: [
          { role: "user", content: [{ type: "text", text: "Hello, please respond with 'Hi!'." }] },
          { role: "assistant", content: [{ type: "text", text: "Hi!" }] },
        ],
        extra: {},
      },
    ]);
  });
});
