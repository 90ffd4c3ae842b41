import { describe, expect, it } from "vitest";
import { mcnemarExactP, pairedBootstrapInterval } from "./paired-statistics";

describe("paired statistics", () => {
  it("gives McNemar's exact two-sided p from the discordant pairs", () => {
    expect(mcnemarExactP(0, 0)).toBe(1);
    // 1 vs 9 discordant: 2 · P(X ≤ 1), X ~ Bin(10, ½) = 2 · 11/1024.
    expect(mcnemarExactP(1, 9)).toBeCloseTo(22 / 1024, 10);
    expect(mcnemarExactP(9, 1)).toBeCloseTo(22 / 1024, 10);
    expect(mcnemarExactP(5, 5)).toBe(1);
  });

  it("brackets the mean paired difference, the same way every time", () => {
    const a = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const b = a.map((score, i) => (i % 10 === 1 ? 1 : score));
    const interval = pairedBootstrapInterval(a, b);
    expect(interval.difference).toBeCloseTo(0.1, 10);
    expect(interval.low).toBeGreaterThan(0.04);
    expect(interval.low).toBeLessThan(0.1);
    expect(interval.high).toBeGreaterThan(0.1);
    expect(interval.high).toBeLessThan(0.16);
    expect(pairedBootstrapInterval(a, b)).toEqual(interval);
  });

  it("is exactly zero-width when nothing differs", () => {
    expect(pairedBootstrapInterval([1, 0, 1], [1, 0, 1])).toEqual({ difference: 0, low: 0, high: 0 });
  });
});
