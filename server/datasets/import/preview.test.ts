import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTruncatedCopy, writeVerlParquet } from "@/tests/fixtures/datasets/write-parquet-fixtures";
import { formatRowError } from "./errors";
import { previewFile } from "./preview";

const fixtures = path.resolve(import.meta.dirname, "../../../tests/fixtures/datasets");
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mmr-preview-"));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("previewFile", () => {
  it("previews SFT JSONL: samples, the line that is not JSON, the row with no question, a missing image", async () => {
    const preview = await previewFile(path.join(fixtures, "sft_messages.jsonl"), { limit: 10 });
    expect(preview.container).toBe("jsonl");
    const [source] = preview.sources;
    expect(source.layout).toBe("openai-messages");
    expect(source.rowCount).toBeUndefined();
    expect(source.columns).toEqual([
      { name: "id", type: "string" },
      { name: "messages", type: "list<object>" },
    ]);
    expect(source.samples.map((sample) => sample.row)).toEqual([1, 2, 5, 6]);
    expect(source.rowErrors.map((error) => formatRowError(error))).toEqual([
      expect.stringMatching(/^row 3: not valid JSON \(/),
      "row 4 (line 5): no question (field 'messages[role=user][0].content' is empty)",
    ]);
    const [first, , withScript, withMissingImage] = source.samples;
    expect(first.sample).toMatchObject({
      externalId: "sft-001",
      question: "What colour is the square?",
      systemPrompt: "You are a helpful assistant. Think inside <think></think>, then answer inside <answer></answer>.",
      trace: "<think>The square is filled with one colour, a strong red.</think><answer>red</answer>",
      images: [{ kind: "path", path: "images/red-square.png" }],
      source: "sft_messages",
      extra: {},
    });
    expect(first.imageProblems).toEqual([]);
    expect(withScript.sample.question).toBe("Is <script>alert('x')</script> valid HTML?");
    expect(withMissingImage.imageProblems).toEqual([{ path: "images/missing-figure.png", reason: "missing" }]);
    expect(withMissingImage.sample.messages?.map((message) => message.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("previews question / answer rows with image problems and the empty question", async () => {
    const [source] = (await previewFile(path.join(fixtures, "k12_style_eval.json"))).sources;
    expect(source.rowErrors).toEqual([{ row: 3, line: 14, field: "question", reason: "no question (field 'question' is empty)" }]);
    expect(source.samples.map(({ row, sample, imageProblems }) => [row, sample.answer, imageProblems.map((problem) => problem.reason)])).toEqual([
      [1, "$$a^2$$", []],
      [2, "$-1$", ["missing"]],
      [4, "B", []],
      [5, "12", ["outside-data-folder"]],
    ]);
  });

  it("previews a verl parquet with its exact row count, DuckDB types and image bytes", async () => {
    const file = path.join(folder, "verl.parquet");
    await writeVerlParquet(file);
    const [source] = (await previewFile(file, { limit: 3 })).sources;
    expect(source.rowCount).toBe(5);
    expect(source.columns.find((column) => column.name === "reward_model")?.type).toBe("STRUCT(ground_truth VARCHAR, style VARCHAR)");
    expect(source.samples.map((sample) => sample.row)).toEqual([1, 2]);
    expect(source.samples[0].sample.images[0]).toMatchObject({ kind: "bytes", name: "square.png" });
    expect(source.samples[1].sample.images).toEqual([{ kind: "path", path: "images/red-square.png" }]);
    expect(source.samples[1].imageProblems).toEqual([{ path: "images/red-square.png", reason: "missing" }]);
    expect(source.rowErrors).toEqual([{ row: 3, field: "question", reason: "no question (field 'prompt[role=user][0].content' is empty)" }]);
  });

  it("applies a corrected mapping and still shows the suggestion", async () => {
    const file = path.join(fixtures, "vprm_style_traces.jsonl");
    const preview = await previewFile(file, { mappings: { vprm_style_traces: { question: "problem", trace: "response[0]" } } });
    const [source] = preview.sources;
    expect(source.suggestedMapping.question).toEqual(["problem", "problem_w_choices"]);
    expect(source.mapping).toEqual({ question: "problem", trace: "response[0]" });
    expect(source.rowErrors).toEqual([{ row: 2, line: 2, field: "question", reason: "no question (field 'problem' is empty)" }]);
    expect(source.samples[1].sample.trace).toMatch(/^<think>\nA square with side 3/);
    expect(source.samples[1].sample.extra).toMatchObject({ unfinished: true, answer: "12" });
  });

  it("previews every source of a dataset list, each with its own layout and source label", async () => {
    const preview = await previewFile(path.join(fixtures, "recipe_datasets.yaml"), { limit: 2 });
    expect(preview.container).toBe("dataset-list");
    expect(preview.sources.map((source) => [source.source.label, source.layout, source.samples[0].sample.source])).toEqual([
      ["sft_messages", "openai-messages", "sft_messages"],
      ["llava_conversations", "llava-conversations", "llava_conversations"],
      ["k12_style_eval", "question-answer", "k12_style_eval"],
    ]);
    const llava = preview.sources[1].samples[0].sample;
    expect(llava).toMatchObject({ question: "<image>\nWhat shape is shown?", answer: "A square.", images: [{ kind: "path", path: "images/red-square.png" }] });
    expect(preview.sources[1].samples[0].imageProblems).toEqual([]);
  });

  it("fails on a truncated parquet with an error naming the file", async () => {
    const source = path.join(folder, "whole.parquet");
    const truncated = path.join(folder, "cut.parquet");
    await writeVerlParquet(source);
    await writeTruncatedCopy(source, truncated, 300);
    await expect(previewFile(truncated)).rejects.toThrow(`${truncated}: not a readable parquet file: it is truncated or corrupt`);
  });
});
