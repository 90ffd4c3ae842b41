"use client";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, type TooltipContentProps, type TooltipValueType } from "recharts";
import { xLabel, xTickFormatter } from "./axis-format";
import { chartRows, formatMetricValue, type MetricPoint, type XAxisMode } from "./series";

// Tailwind's indigo-500 for the smoothed line, indigo-300 for the raw values behind it.
const colours = { smooth: "#6366f1", raw: "#a5b4fc" };
export const chartTick = { fill: "currentColor", fontSize: 11 };

function MetricTooltip({ active, payload, label, xAxis, smoothed }: TooltipContentProps<TooltipValueType, string | number> & { xAxis: XAxisMode; smoothed: boolean }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload as { raw: number | null; smooth: number | null };
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">{xLabel(xAxis, Number(label))}</p>
      <p className="tabular-nums">value {row.raw === null ? "nan" : formatMetricValue(row.raw)}</p>
      {smoothed && row.smooth !== null && <p className="tabular-nums text-zinc-500">smoothed {formatMetricValue(row.smooth)}</p>}
    </div>
  );
}

/** One metric of one run: raw values faint, their moving average on top; nan and infinities are gaps, counted below. */
export function MetricChart({ metric, points, smoothing, xAxis }: { metric: string; points: MetricPoint[]; smoothing: number; xAxis: XAxisMode }) {
  const rows = chartRows(points, smoothing, xAxis);
  const gaps = rows.filter((r) => r.raw === null).length;
  const smoothed = smoothing > 0;
  const span = rows.length > 1 ? rows[rows.length - 1].x - rows[0].x : 0;
  if (rows.length === 0) return <p className="py-12 text-center text-xs text-zinc-500">No points yet.</p>;
  return (
    <div className="text-zinc-500 dark:text-zinc-400" role="img" aria-label={`Chart of ${metric}`} data-points={rows.length}>
      <LineChart data={rows} responsive style={{ width: "100%", height: 180 }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
        <XAxis dataKey="x" type="number" domain={["dataMin", "dataMax"]} tick={chartTick} stroke="currentColor" strokeOpacity={0.3} tickFormatter={xTickFormatter(xAxis, span)} />
        <YAxis width={56} domain={["auto", "auto"]} tick={chartTick} stroke="currentColor" strokeOpacity={0.3} tickFormatter={formatMetricValue} />
        <Tooltip content={(props) => <MetricTooltip {...props} xAxis={xAxis} smoothed={smoothed} />} />
        {smoothed && <Line dataKey="raw" stroke={colours.raw} strokeOpacity={0.5} dot={false} isAnimationActive={false} />}
        <Line dataKey={smoothed ? "smooth" : "raw"} stroke={colours.smooth} strokeWidth={1.75} dot={rows.length < 3} isAnimationActive={false} />
      </LineChart>
      {gaps > 0 && <p className="text-xs text-amber-600 dark:text-amber-400">{gaps === 1 ? "1 value is" : `${gaps} values are`} nan or infinite: not drawn.</p>}
    </div>
  );
}
