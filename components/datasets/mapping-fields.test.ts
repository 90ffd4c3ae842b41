import { describe, expect, it } from "vitest";
import { draftOf, mappingOf } from "./mapping-fields";

describe("mapping drafts", () => {
  it("shows lists of paths joined and reads them back", () => {
    const mapping = { question: ["problem", "problem_w_choices"], answer: "answer", messages: "conversations" };
    const draft = draftOf(mapping);
    expect(draft.question).toBe("problem | problem_w_choices");
    expect(draft.images).toBe("");
    expect(mappingOf(draft, mapping)).toEqual(mapping);
  });

  it("drops blank fields, trims paths and keeps the unedited messages column", () => {
    const draft = { ...draftOf({}), question: "  prompt[role=user][0].content ", trace: " | ", images: "img|  " };
    expect(mappingOf(draft, { messages: "prompt", answer: "old" })).toEqual({
      messages: "prompt",
      question: "prompt[role=user][0].content",
      images: "img",
    });
  });
});
