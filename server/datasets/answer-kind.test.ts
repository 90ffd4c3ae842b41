import { describe, expect, it } from "vitest";
import { classifyAnswer } from "./answer-kind";

describe("classifyAnswer", () => {
  it.each([
    [undefined, "none"],
    ["  ", "none"],
    ["B", "choice"],
    ["(c)", "choice"],
    ["42", "number"],
    ["-3.5e2", "number"],
    ["1,024", "number"],
    ["\\frac{1}{2}", "math"],
    ["x^2 + 1", "math"],
    ["$3\\sqrt{2}$", "math"],
    ["a red cube", "text"],
  ])("classifies %j as %s", (answer, kind) => {
    expect(classifyAnswer(answer)).toBe(kind);
  });
});
