/** Pure helpers behind the metric charts: which keys to draw first, smoothing, and rows recharts can plot. */

export interface MetricPoint {
  step: number;
  value: number;
  wallTime: Date;
}

export type XAxisMode = "step" | "time";

// The first key present in each group becomes a default chart: the RL panels (reward, response length, KL, entropy),
// then the SFT ones (loss, learning rate, gradient norm).
const DEFAULT_PANELS: string[][] = [
  ["critic/score/mean", "critic/rewards/mean", "reward/mean", "train/reward"],
  ["response_length/mean", "response/length/mean"],
  ["actor/kl_loss", "actor/ppo_kl", "actor/kl"],
  ["actor/entropy", "actor/entropy_loss"],
  ["train/loss", "loss"],
  ["train/lr", "train/learning_rate", "learning_rate"],
  ["train/grad_norm", "grad_norm"],
];
const FALLBACK_CHART_COUNT = 4;

/** The known panels this run has, else its first keys. */
export function defaultChartKeys(keys: readonly string[]): string[] {
  const present = new Set(keys);
  const panels = DEFAULT_PANELS.map((group) => group.find((key) => present.has(key))).filter((key): key is string => key !== undefined);
  return panels.length > 0 ? panels : keys.slice(0, FALLBACK_CHART_COUNT);
}

/**
 * Exponential moving average with TensorBoard's debiasing (the first points are not pulled towards zero).
 * `weight` 0 returns the values; non-finite values (a nan loss) stay as they are and do not enter the average.
 */
export function smoothValues(values: readonly number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  let average = 0;
  let finiteCount = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    finiteCount++;
    average = average * weight + (1 - weight) * value;
    return average / (1 - weight ** finiteCount);
  });
}

/** Recharts cannot draw NaN or ±Infinity: they become gaps, counted so the chart can say so. */
export function plottable(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export interface ChartRow {
  x: number;
  step: number;
  raw: number | null;
  smooth: number | null;
}

export function chartRows(points: readonly MetricPoint[], weight: number, xAxis: XAxisMode): ChartRow[] {
  const smooth = smoothValues(points.map((p) => p.value), weight);
  return points.map((p, i) => ({ x: xAxis === "step" ? p.step : p.wallTime.getTime(), step: p.step, raw: plottable(p.value), smooth: plottable(smooth[i]) }));
}

/** Wall time is a meaningful axis only when the points were written at different times (an imported log's were not). */
export function hasWallTime(series: readonly { points: readonly MetricPoint[] }[]): boolean {
  const times = new Set<number>();
  for (const s of series) for (const p of s.points) if (times.add(p.wallTime.getTime()).size > 1) return true;
  return false;
}

/**
 * Several runs' series of one metric as rows keyed by x, one column per run (`run<id>`), for an overlay chart.
 * Each run is smoothed on its own points.
 */
export function overlayRows(series: readonly { runId: number; points: readonly MetricPoint[] }[], weight: number, xAxis: XAxisMode) {
  const rows = new Map<number, Record<string, number | null>>();
  for (const { runId, points } of series) {
    for (const row of chartRows(points, weight, xAxis)) {
      const merged = rows.get(row.x) ?? { x: row.x };
      merged[`run${runId}`] = row.smooth;
      rows.set(row.x, merged);
    }
  }
  return [...rows.values()].sort((a, b) => (a.x as number) - (b.x as number));
}

export function formatMetricValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e5 || size < 1e-3)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}
