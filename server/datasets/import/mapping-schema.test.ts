import { describe, expect, it } from "vitest";
import { columnMappingSchema } from "./mapping-schema";

describe("columnMappingSchema", () => {
  it("accepts single paths, fallback lists and a messages column", () => {
    const mapping = { question: ["problem", "problem_w_choices"], answer: "reward_model.ground_truth", messages: "prompt", trace: "response[0]" };
    expect(columnMappingSchema.parse(mapping)).toEqual(mapping);
  });

  it("refuses malformed paths with the parser's reason, unknown fields and empty lists", () => {
    const malformed = columnMappingSchema.safeParse({ question: "prompt[role=user" });
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues.map((issue) => issue.message)).toContain("column path 'prompt[role=user': unexpected '[role=user'");
    expect(columnMappingSchema.safeParse({ question: "q", caption: "c" }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ question: [] }).success).toBe(false);
    expect(columnMappingSchema.safeParse({ messages: ["a", "b"] }).success).toBe(false);
  });
});
