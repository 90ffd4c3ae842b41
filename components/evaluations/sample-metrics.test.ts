import { describe, expect, it } from "vitest";
import { extractedAnswerOf, verdictOf } from "./sample-metrics";

describe("extractedAnswerOf", () => {
  it("reads a top-level extracted answer", () => {
    expect(extractedAnswerOf({ acc_score: 1, extracted_answer: "42" })).toBe("42");
  });

  it("reads MMMU's parsed prediction one object deep", () => {
    expect(extractedAnswerOf({ mmmu_acc: { id: "validation_Art_1", answer: "B", parsed_pred: "D" } })).toBe("D");
  });

  it("keeps a structured prediction as its JSON text", () => {
    expect(extractedAnswerOf({ mmmu_acc: { answer: ["1"], parsed_pred: ["1", "2"] } })).toBe('["1","2"]');
  });

  it("says nothing when the metrics hold only numbers", () => {
    expect(extractedAnswerOf({ acc_score: 0, format_score: 1 })).toBeNull();
    expect(extractedAnswerOf(null)).toBeNull();
    expect(extractedAnswerOf({ extracted_answer: "" })).toBeNull();
  });
});

describe("verdictOf", () => {
  it("splits scores where the server's comparison does", () => {
    expect(verdictOf(1)).toBe("right");
    expect(verdictOf(0.5)).toBe("right");
    expect(verdictOf(0.1)).toBe("wrong");
    expect(verdictOf(null)).toBe("unscored");
  });
});
