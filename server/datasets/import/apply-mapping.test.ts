import { describe, expect, it } from "vitest";
import { applyMapping, type MappedRow } from "./apply-mapping";
import { ColumnPathSyntaxError } from "./column-path";
import { formatRowError } from "./errors";
import type { ColumnMapping, NormalisedSample, RawRow, RowError } from "./types";

function sampleOf(result: MappedRow): NormalisedSample {
  if (!result.ok) throw new Error(`expected a sample, got: ${result.error.reason}`);
  return result.sample;
}

function errorOf(result: MappedRow): RowError {
  if (result.ok) throw new Error("expected a row error");
  return result.error;
}

const png = new Uint8Array([1, 2, 3]);
const verlMapping: ColumnMapping = {
  messages: "prompt",
  question: "prompt[role=user][0].content",
  systemPrompt: "prompt[role=system][0].content",
  answer: "reward_model.ground_truth",
  images: "images",
  source: "data_source",
};
const verlRow: RawRow = {
  data_source: "geo3k",
  prompt: [
    { role: "system", content: "Reason first." },
    { role: "user", content: "<image>Find x." },
  ],
  images: [{ bytes: png, path: "fig.png" }],
  ability: "math",
  reward_model: { ground_truth: "3", style: "rule" },
  extra_info: { index: 7, split: "train" },
};

describe("applyMapping", () => {
  it("maps a verl row and keeps everything the mapping did not take whole in extra", () => {
    const sample = sampleOf(applyMapping({ row: 1, values: verlRow }, verlMapping));
    expect(sample).toEqual({
      question: "<image>Find x.",
      answer: "3",
      systemPrompt: "Reason first.",
      source: "geo3k",
      images: [{ kind: "bytes", bytes: png, name: "fig.png" }],
      messages: [
        { role: "system", content: [{ type: "text", text: "Reason first." }] },
        { role: "user", content: [{ type: "image" }, { type: "text", text: "Find x." }] },
      ],
      extra: { ability: "math", reward_model: { style: "rule" }, extra_info: { index: 7, split: "train" } },
    });
    expect(verlRow.reward_model).toEqual({ ground_truth: "3", style: "rule" });
  });

  it("reports a row with no question as 'row N: no question (field ... is empty)'", () => {
    const error = errorOf(applyMapping({ row: 17, values: { question: "  ", answer: "4" } }, { question: "question", answer: "answer" }));
    expect(error).toEqual({ row: 17, field: "question", reason: "no question (field 'question' is empty)" });
    expect(formatRowError(error)).toBe("row 17: no question (field 'question' is empty)");
    expect(formatRowError({ ...error, line: 19 }, "k12.json")).toBe("k12.json row 17 (line 19): no question (field 'question' is empty)");
  });

  it("says whether the question columns are missing or empty, and when nothing is mapped", () => {
    const mapping = { question: ["problem", "problem_w_choices"] };
    expect(errorOf(applyMapping({ row: 2, values: { id: "x" } }, mapping)).reason).toBe("no question (fields 'problem', 'problem_w_choices' are missing)");
    expect(errorOf(applyMapping({ row: 3, values: { problem: "" } }, mapping)).reason).toBe("no question (fields 'problem', 'problem_w_choices' are empty)");
    expect(errorOf(applyMapping({ row: 4, values: { text: "hi" } }, {})).reason).toBe("no question (no column is mapped to 'question')");
  });

  it("takes the first non-empty of several columns", () => {
    const mapping = { question: ["problem", "problem_w_choices"], answer: ["answer", "answer_w_choices"] };
    const values = { problem: "", problem_w_choices: "Pick one.\nA. 1 B. 2", answer: "", answer_w_choices: "B" };
    const sample = sampleOf(applyMapping({ row: 1, values }, mapping));
    expect(sample.question).toBe("Pick one.\nA. 1 B. 2");
    expect(sample.answer).toBe("B");
    expect(sample.extra).toEqual({});
  });

  it("keeps <script> and LaTeX verbatim: sanitising is the renderer's job", () => {
    const question = "Is <script>alert(1)</script> run? $\\frac{1}{2}$";
    expect(sampleOf(applyMapping({ row: 1, values: { question } }, { question: "question" })).question).toBe(question);
  });

  it("names the field and column when a value has the wrong shape", () => {
    const error = errorOf(applyMapping({ row: 5, line: 6, values: { ...verlRow } }, { ...verlMapping, answer: "reward_model" }));
    expect(error.field).toBe("answer");
    expect(error.line).toBe(6);
    expect(error.reason).toBe("answer: field 'reward_model' is an object with keys ground_truth, style, not text; map one of its fields (e.g. 'column.ground_truth')");
    const imageError = errorOf(applyMapping({ row: 6, values: { q: "x", img: "http://host/a.png" } }, { question: "q", images: "img" }));
    expect(imageError).toMatchObject({ row: 6, field: "images", reason: "images: field 'img' holds a remote image URL, which is not imported ('http://host/a.png')" });
  });

  it("reads a judge's verdict, and names the row and column of one it cannot read", () => {
    const mapping = { question: "q", verdict: "judgment" };
    expect(sampleOf(applyMapping({ row: 1, values: { q: "x", judgment: "1" } }, mapping)).verdict).toBe(true);
    expect(sampleOf(applyMapping({ row: 2, values: { q: "x", judgment: 0 } }, mapping)).verdict).toBe(false);
    expect(sampleOf(applyMapping({ row: 3, values: { q: "x", judgment: "" } }, mapping))).not.toHaveProperty("verdict");
    expect(errorOf(applyMapping({ row: 4, line: 4, values: { q: "x", judgment: "maybe" } }, mapping))).toEqual({
      row: 4,
      line: 4,
      field: "verdict",
      reason: "verdict: field 'judgment' holds \"maybe\", not a verdict (1 / 0, true / false, correct / incorrect)",
    });
  });

  it("fills source from the source label when no column gives one", () => {
    const values = { question: "q", origin: "" };
    expect(sampleOf(applyMapping({ row: 1, values }, { question: "question", source: "origin" }, { sourceLabel: "k12" })).source).toBe("k12");
    expect(sampleOf(applyMapping({ row: 1, values: { question: "q", origin: "web" } }, { question: "question", source: "origin" }, { sourceLabel: "k12" })).source).toBe("web");
  });

  it("turns numeric ids into text and keeps unmapped binary columns in extra", () => {
    const sample = sampleOf(applyMapping({ row: 1, values: { id: 12, q: "x", thumbnail: png } }, { externalId: "id", question: "q" }));
    expect(sample.externalId).toBe("12");
    expect(sample.extra).toEqual({ thumbnail: png });
  });

  it("throws on a malformed column path rather than blaming the row", () => {
    expect(() => applyMapping({ row: 1, values: { q: "x" } }, { question: "q[" })).toThrow(ColumnPathSyntaxError);
  });
});
