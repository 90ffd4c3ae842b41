import type { XAxisMode } from "./series";

/** Tick and tooltip text for the x axis: the step, or the wall-clock time (with the date when the range spans days). */
export function xTickFormatter(mode: XAxisMode, spanMs: number): (x: number) => string {
  if (mode === "step") return (x) => x.toLocaleString("en");
  const withDate = spanMs > 24 * 3600 * 1000;
  return (x) => {
    const date = new Date(x);
    const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
    return withDate ? `${date.toLocaleDateString("en-GB", { day: "2-digit", month: "short" })} ${time}` : time;
  };
}

export function xLabel(mode: XAxisMode, x: number): string {
  return mode === "step" ? `step ${x.toLocaleString("en")}` : new Date(x).toLocaleString("en-GB");
}
