import { describe, expect, it } from "vitest";
import { mathMatch, readChoice, ruleMatch } from "./recipe-stages";

describe("the recipe's rule stage", () => {
  it("matches a choice letter however the answer writes it", () => {
    for (const answer of ["C", "(C)", "C.", "C) 14 apples", "option C", "The answer is C"]) {
      expect(ruleMatch("C", `<think>…</think><answer>${answer}</answer>`)).toMatchObject({ match: true, stage: "choice", predExtracted: "C" });
    }
    expect(ruleMatch("C", "<answer>D</answer>")).toMatchObject({ match: false, stage: "choice", reason: "D is not choice C" });
  });

  it("does not read a capitalised word as a choice", () => {
    expect(readChoice("Because the sides are equal")).toBeNull();
    expect(readChoice("Definitely")).toBeNull();
  });

  it("matches relaxed exact text, ignoring case, spacing, a final period and \\text{}", () => {
    expect(ruleMatch("Blue triangle", "<answer>blue  triangle.</answer>")).toMatchObject({ match: true, stage: "exact" });
    expect(ruleMatch("\\text{north}", "<answer>North</answer>")).toMatchObject({ match: true, stage: "exact" });
    expect(ruleMatch("1234567890", "<answer>12345678901</answer>")).toMatchObject({ match: true, stage: "exact" });
    expect(ruleMatch("red", "<answer>The circle is red.</answer>")).toMatchObject({ match: false, stage: "exact" });
  });

  it("takes the first <answer>, else the last box, else the last number", () => {
    expect(ruleMatch("7", "<answer>7</answer> later <answer>8</answer>").match).toBe(true);
    expect(ruleMatch("9", "first \\boxed{4} then \\boxed{9}").match).toBe(true);
    expect(ruleMatch("12", "so there are\n12").match).toBe(true);
    expect(ruleMatch("12", "no digits here,\nnor on this line")).toMatchObject({ match: false, stage: "none", reason: "no answer found in the prediction" });
    expect(ruleMatch("yes", "no")).toMatchObject({ match: false, stage: "exact", predExtracted: "no" });
  });
});

describe("the recipe's math stage", () => {
  it("proves numbers and expressions equivalent, saying how", () => {
    expect(mathMatch("0.25", "<answer>\\frac{1}{4}</answer>")).toMatchObject({ match: true, stage: "numeric" });
    expect(mathMatch("x^2-1", "<answer>(x-1)(x+1)</answer>")).toMatchObject({ match: true, stage: "symbolic" });
    expect(mathMatch("7", "<answer>8</answer>")).toMatchObject({ match: false });
  });

  it("reads a bare LaTeX gold, which the recipe itself cannot", () => {
    expect(mathMatch("\\sqrt{8}", "<answer>2\\sqrt{2}</answer>").match).toBe(true);
  });

  it("finds the number inside a sentence answer, and reads an untagged response whole", () => {
    expect(mathMatch("42", "<answer>The final answer is $42$.</answer>").match).toBe(true);
    expect(mathMatch("42", "Thinking it through, the final answer is $\\boxed{42}$.").match).toBe(true);
  });

  it("stays bounded on a gold that does not parse and on 100 KB of LaTeX", () => {
    expect(mathMatch("\\frac{", "<answer>2</answer>")).toMatchObject({ match: false });
    const huge = "\\frac{1}{2}+".repeat(9_000) + "1";
    const result = mathMatch("3", `<answer>${huge}</answer>`);
    expect(result.match).toBe(false);
    expect(result.reason.length).toBeLessThan(400);
  });
});
