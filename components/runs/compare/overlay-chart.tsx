"use client";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { xLabel, xTickFormatter } from "../charts/axis-format";
import { chartTick } from "../charts/metric-chart";
import { formatMetricValue, overlayRows, type MetricPoint, type XAxisMode } from "../charts/series";
import { runColour } from "./run-colours";

export interface RunSeries {
  runId: number;
  name: string;
  points: MetricPoint[];
}

/** One metric of several runs on one chart, each smoothed on its own points. */
export function OverlayChart({ metric, series, smoothing, xAxis }: { metric: string; series: RunSeries[]; smoothing: number; xAxis: XAxisMode }) {
  const rows = overlayRows(series, smoothing, xAxis);
  const span = rows.length > 1 ? (rows[rows.length - 1].x as number) - (rows[0].x as number) : 0;
  if (rows.length === 0) return <p className="py-16 text-center text-sm text-zinc-500">None of these runs has {metric}.</p>;
  return (
    <div className="text-zinc-500 dark:text-zinc-400" role="img" aria-label={`Overlay of ${metric}`}>
      <LineChart data={rows} responsive style={{ width: "100%", height: 340 }} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
        <XAxis dataKey="x" type="number" domain={["dataMin", "dataMax"]} tick={chartTick} stroke="currentColor" strokeOpacity={0.3} tickFormatter={xTickFormatter(xAxis, span)} />
        <YAxis width={60} domain={["auto", "auto"]} tick={chartTick} stroke="currentColor" strokeOpacity={0.3} tickFormatter={formatMetricValue} />
        <Tooltip
          labelFormatter={(x) => xLabel(xAxis, Number(x))}
          formatter={(value) => formatMetricValue(Number(value))}
          contentStyle={{ fontSize: 12, borderRadius: 6 }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((s, position) => (
          <Line key={s.runId} dataKey={`run${s.runId}`} name={`#${s.runId} ${s.name}`} stroke={runColour(position)} strokeWidth={1.75} dot={false} connectNulls isAnimationActive={false} />
        ))}
      </LineChart>
    </div>
  );
}
