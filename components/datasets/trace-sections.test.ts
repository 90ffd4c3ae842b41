import { describe, expect, it } from "vitest";
import { normaliseMathDelimiters, splitTrace } from "./trace-sections";

describe("splitTrace", () => {
  it("splits a well-formed trace into thinking and answer", () => {
    expect(splitTrace("<think>Area is $\\frac{1}{2}bh$.</think>\n<answer>6</answer>")).toEqual([
      { kind: "think", content: "Area is $\\frac{1}{2}bh$.", closed: true },
      { kind: "answer", content: "6", closed: true },
    ]);
  });

  it("keeps text outside the tags as plain sections", () => {
    expect(splitTrace("Let me see. <think>hmm</think> So: <answer>B</answer> done")).toEqual([
      { kind: "text", content: "Let me see.", closed: true },
      { kind: "think", content: "hmm", closed: true },
      { kind: "text", content: "So:", closed: true },
      { kind: "answer", content: "B", closed: true },
      { kind: "text", content: "done", closed: true },
    ]);
  });

  it("shows an unclosed <think> as a thinking section running to the end", () => {
    expect(splitTrace("<think>first step\nsecond step")).toEqual([{ kind: "think", content: "first step\nsecond step", closed: false }]);
  });

  it("shows an unclosed <answer> as an answer section", () => {
    expect(splitTrace("<think>x</think><answer>4")).toEqual([
      { kind: "think", content: "x", closed: true },
      { kind: "answer", content: "4", closed: false },
    ]);
  });

  it("reads text before a stray </think> as thinking (the template opened it)", () => {
    expect(splitTrace("reasoning here</think><answer>C</answer>")).toEqual([
      { kind: "think", content: "reasoning here", closed: true },
      { kind: "answer", content: "C", closed: true },
    ]);
  });

  it("matches tags case-insensitively and leaves other markup in the text", () => {
    expect(splitTrace("<THINK><script>x</script></Think>")).toEqual([{ kind: "think", content: "<script>x</script>", closed: true }]);
  });

  it("returns one text section for a trace without tags, and nothing for blank text", () => {
    expect(splitTrace("The answer is 42.")).toEqual([{ kind: "text", content: "The answer is 42.", closed: true }]);
    expect(splitTrace("  \n ")).toEqual([]);
  });
});

describe("normaliseMathDelimiters", () => {
  it("rewrites \\( \\) and \\[ \\] to dollar delimiters", () => {
    expect(normaliseMathDelimiters("so \\(x^2\\) and \\[\\frac{1}{2}\\]")).toBe("so $x^2$ and \n$$\n\\frac{1}{2}\n$$\n");
  });

  it("leaves dollar math and plain text alone", () => {
    expect(normaliseMathDelimiters("$a$ costs $5")).toBe("$a$ costs $5");
  });
});
