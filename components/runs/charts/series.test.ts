import { describe, expect, it } from "vitest";
import { chartRows, defaultChartKeys, formatMetricValue, hasWallTime, overlayRows, smoothValues } from "./series";

const at = (seconds: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, seconds));

describe("metric chart helpers", () => {
  it("opens an RL run on reward, response length, KL and entropy, in that order", () => {
    const keys = ["actor/entropy", "actor/kl_loss", "actor/pg_loss", "actor/ppo_kl", "critic/score/mean", "response_length/mean", "timing_s/gen"];
    expect(defaultChartKeys(keys)).toEqual(["critic/score/mean", "response_length/mean", "actor/kl_loss", "actor/entropy"]);
  });

  it("opens an HF Trainer run on loss, learning rate and gradient norm, and any other run on its first keys", () => {
    expect(defaultChartKeys(["epoch", "grad_norm", "learning_rate", "loss"])).toEqual(["loss", "learning_rate", "grad_norm"]);
    expect(defaultChartKeys(["a", "b", "c", "d", "e"])).toEqual(["a", "b", "c", "d"]);
    expect(defaultChartKeys([])).toEqual([]);
  });

  it("smooths with a debiased moving average that skips nan and leaves it in place", () => {
    expect(smoothValues([1, 2, 3], 0)).toEqual([1, 2, 3]);
    const smoothed = smoothValues([10, 10, Number.NaN, 10], 0.9);
    expect(smoothed[0]).toBeCloseTo(10);
    expect(smoothed[1]).toBeCloseTo(10);
    expect(smoothed[2]).toBeNaN();
    expect(smoothed[3]).toBeCloseTo(10);
    const [, second] = smoothValues([0, 1], 0.5);
    // (0.5·0 + 0.5·1) / (1 − 0.25)
    expect(second).toBeCloseTo(2 / 3);
  });

  it("plots steps or wall time, with nan as a gap", () => {
    const points = [
      { step: 1, value: 2, wallTime: at(10) },
      { step: 2, value: Number.NaN, wallTime: at(20) },
    ];
    expect(chartRows(points, 0, "step")).toEqual([
      { x: 1, step: 1, raw: 2, smooth: 2 },
      { x: 2, step: 2, raw: null, smooth: null },
    ]);
    expect(chartRows(points, 0, "time").map((r) => r.x)).toEqual([at(10).getTime(), at(20).getTime()]);
  });

  it("offers wall time only when points were written at different times", () => {
    expect(hasWallTime([{ points: [{ step: 1, value: 1, wallTime: at(0) }, { step: 2, value: 1, wallTime: at(0) }] }])).toBe(false);
    expect(hasWallTime([{ points: [{ step: 1, value: 1, wallTime: at(0) }] }, { points: [{ step: 1, value: 1, wallTime: at(5) }] }])).toBe(true);
  });

  it("overlays runs by step, leaving a run's column empty where it has no point", () => {
    const rows = overlayRows(
      [
        { runId: 1, points: [{ step: 1, value: 0.5, wallTime: at(0) }, { step: 2, value: 0.6, wallTime: at(1) }] },
        { runId: 7, points: [{ step: 2, value: 0.9, wallTime: at(0) }] },
      ],
      0,
      "step",
    );
    expect(rows).toEqual([
      { x: 1, run1: 0.5 },
      { x: 2, run1: 0.6, run7: 0.9 },
    ]);
  });

  it("prints values short: four significant digits, exponents for the very small and large", () => {
    expect(formatMetricValue(0.123456)).toBe("0.1235");
    expect(formatMetricValue(812.5)).toBe("812.5");
    expect(formatMetricValue(5e-6)).toBe("5.00e-6");
    expect(formatMetricValue(0)).toBe("0");
    expect(formatMetricValue(Number.NaN)).toBe("NaN");
  });
});
