import { describe, expect, it } from "vitest";
import { classifyAnswer } from "@/server/datasets/answer-kind";
import { groupBy } from "@/server/group-by";
import { demoDatasetSeed, generateDemoSamples } from "./generate";

const samples = generateDemoSamples();

describe("generateDemoSamples", () => {
  it("makes the same dataset from the same seed, and another from another seed", () => {
    expect(generateDemoSamples(demoDatasetSeed)).toEqual(samples);
    const other = generateDemoSamples(demoDatasetSeed + 1);
    expect(other.map((s) => s.externalId)).toEqual(samples.map((s) => s.externalId));
    expect(other.filter((s, i) => s.question === samples[i].question && s.figure.svg === samples[i].figure.svg).length).toBeLessThan(30);
  });

  it("makes three hundred distinct samples, spread over the demo sources", () => {
    expect(samples).toHaveLength(300);
    expect(new Set(samples.map((s) => s.externalId)).size).toBe(300);
    // A figure may recur (two clocks at the same time) but never with the same question: the store would merge them.
    expect(new Set(samples.map((s) => JSON.stringify([s.question, s.figure.svg]))).size).toBe(300);
    expect(new Set(samples.map((s) => s.figure.svg)).size).toBeGreaterThan(250);
    const perSource = groupBy(samples, (s) => s.source);
    expect([...perSource.keys()].sort()).toEqual(["demo/bar-charts", "demo/clocks", "demo/counting", "demo/function-plots", "demo/geometry"]);
    for (const group of perSource.values()) expect(group.length).toBeGreaterThanOrEqual(40);
  });

  it("mixes multiple-choice, integer, LaTeX and short-text answers", () => {
    const kinds = groupBy(samples, (s) => classifyAnswer(s.answer));
    expect([...kinds.keys()].sort()).toEqual(["choice", "math", "number", "text"]);
    for (const group of kinds.values()) expect(group.length).toBeGreaterThanOrEqual(30);
    expect(kinds.get("math")!.some((s) => s.answer.includes("\\sqrt{"))).toBe(true);
    expect(kinds.get("math")!.some((s) => s.answer.includes("\\frac{"))).toBe(true);
  });

  it("writes traces in the recipe's <think>…</think><answer>…</answer> format, some ending on a matching \\boxed{}", () => {
    for (const sample of samples) {
      const match = /^<think>\n([\s\S]+)\n<\/think>\n<answer>(.+)<\/answer>$/.exec(sample.trace);
      expect([sample.externalId, match?.[2]]).toEqual([sample.externalId, sample.answer]);
      const boxed = /\\boxed\{(.+)\}\$\.$/.exec(match![1]);
      if (boxed) expect(boxed[1]).toBe(sample.answer);
    }
    const boxedCount = samples.filter((s) => s.trace.includes("\\boxed{")).length;
    expect(boxedCount).toBeGreaterThan(50);
    expect(boxedCount).toBeLessThan(250);
    expect(samples.filter((s) => /\$[^$]+\$/.test(s.trace)).length).toBeGreaterThan(150);
  });

  it("tags every sample, and marks multiple-choice questions as such", () => {
    for (const sample of samples) {
      expect(sample.tags.length).toBeGreaterThan(0);
      expect(sample.tags.includes("multiple-choice")).toBe(sample.choices !== undefined);
    }
  });
});
