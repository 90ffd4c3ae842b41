"use client";
import type { XAxisMode } from "./series";

const select = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-950";

/** Smoothing and x-axis choice, shared by the run page's charts and the compare page's overlay. */
export function ChartControls({
  smoothing,
  onSmoothing,
  xAxis,
  onXAxis,
  wallTimeAvailable,
}: {
  smoothing: number;
  onSmoothing(weight: number): void;
  xAxis: XAxisMode;
  onXAxis(mode: XAxisMode): void;
  wallTimeAvailable: boolean;
}) {
  return (
    <div className="flex items-center gap-3 text-xs text-zinc-600 dark:text-zinc-300">
      <label className="flex items-center gap-2">
        Smoothing
        <input
          type="range"
          min={0}
          max={0.99}
          step={0.01}
          value={smoothing}
          onChange={(event) => onSmoothing(Number(event.target.value))}
          className="w-28 accent-indigo-600"
        />
        <span className="w-8 tabular-nums">{smoothing.toFixed(2)}</span>
      </label>
      <label className="flex items-center gap-1.5">
        X axis
        <select aria-label="X axis" value={xAxis} onChange={(event) => onXAxis(event.target.value as XAxisMode)} className={select}>
          <option value="step">step</option>
          <option value="time" disabled={!wallTimeAvailable} title={wallTimeAvailable ? undefined : "Every point was written at the same time (an imported log carries no times)."}>
            wall time
          </option>
        </select>
      </label>
    </div>
  );
}

/** Reads the chart settings from the URL: `smooth` (0–0.99, default 0.6, TensorBoard's) and `x` (step | time). */
export function chartSettingsOf(params: URLSearchParams): { smoothing: number; xAxis: XAxisMode } {
  const smooth = Number(params.get("smooth") ?? "0.6");
  return {
    smoothing: Number.isFinite(smooth) ? Math.min(0.99, Math.max(0, smooth)) : 0.6,
    xAxis: params.get("x") === "time" ? "time" : "step",
  };
}
