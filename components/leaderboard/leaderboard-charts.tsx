"use client";
import { memo } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
  type TooltipContentProps,
  type TooltipValueType,
} from "recharts";
import { Panel } from "@/components/ui/panel";
import type { LeaderboardData, LeaderboardView } from "@/server/evaluations/leaderboard-view";
import type { ShownRow } from "./leaderboard-rows";

// Tailwind's indigo-500, indigo-300 and amber-500: evaluated here, reference figures, the pinned baseline.
const colours = { evaluated: "#6366f1", reference: "#a5b4fc", baseline: "#f59e0b" };
const mostBars = 30;
const tick = { fill: "currentColor", fontSize: 11 };
const select = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs dark:border-zinc-700 dark:bg-zinc-950";

function ChartTooltip({ active, payload, label }: TooltipContentProps<TooltipValueType, string | number>) {
  if (!active || !payload?.length) return null;
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs shadow dark:border-zinc-700 dark:bg-zinc-900">
      <p className="font-medium">{label}</p>
      {payload.map((entry) => (
        <p key={String(entry.name)} className="tabular-nums text-zinc-600 dark:text-zinc-300">
          {entry.name}: {Number(entry.value).toFixed(1)}
        </p>
      ))}
    </div>
  );
}

interface ChartsProps {
  data: LeaderboardData;
  view: LeaderboardView;
  /** The rows the table shows (baseline first), so the charts follow the filter. */
  rows: ShownRow[];
  benchmark: string | null;
  model: string | null;
  onBenchmark: (key: string) => void;
  onModel: (modelId: string) => void;
}

/**
 * A bar chart of one benchmark across models and a radar of one model across benchmarks. Memoised: the page renders
 * the table first and hands the charts the new rows a moment later.
 */
export const LeaderboardCharts = memo(function LeaderboardCharts(props: ChartsProps) {
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-2">
      <BenchmarkBars {...props} />
      <ModelRadar {...props} />
    </div>
  );
});

function BenchmarkBars({ data, view, rows, benchmark, onBenchmark }: ChartsProps) {
  const key = benchmark && view.columns.includes(benchmark) ? benchmark : view.columns[0];
  const label = data.benchmarks.find((b) => b.key === key)?.label ?? key;
  const bars = rows
    .filter((r) => key && r.cells[key])
    .map((r) => ({
      name: r.row.model.name,
      value: r.cells[key]!.percent,
      colour: r.row.model.id === view.baselineModelId ? colours.baseline : colours[r.row.model.source],
    }))
    .sort((a, b) => b.value - a.value);
  const shown = bars.slice(0, mostBars);
  const picker = (
    <select aria-label="Benchmark of the bar chart" value={key ?? ""} onChange={(event) => onBenchmark(event.target.value)} className={select}>
      {view.columns.map((column) => (
        <option key={column} value={column}>
          {data.benchmarks.find((b) => b.key === column)?.label ?? column}
        </option>
      ))}
    </select>
  );
  return (
    <Panel title="One benchmark across models" action={picker}>
      {shown.length === 0 ? (
        <p className="text-sm text-zinc-500">No model shown has a score on {label ?? "this benchmark"}: pick another benchmark or clear the filter.</p>
      ) : (
        <div className="text-zinc-500 dark:text-zinc-400" role="img" aria-label={`Bar chart of ${label}`}>
          <BarChart layout="vertical" data={shown} responsive style={{ width: "100%", height: 40 + shown.length * 26 }} margin={{ left: 8, right: 16 }}>
            <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis type="number" domain={[0, 100]} tick={tick} stroke="currentColor" strokeOpacity={0.3} />
            <YAxis type="category" dataKey="name" width={170} tick={tick} stroke="currentColor" strokeOpacity={0.3} interval={0} />
            <Tooltip content={ChartTooltip} cursor={{ fill: "currentColor", fillOpacity: 0.06 }} />
            <Bar dataKey="value" name={label} isAnimationActive={false} shape={(bar: BarShapeProps) => <Rectangle {...bar} fill={(bar.payload as { colour: string }).colour} radius={[0, 3, 3, 0]} />} />
          </BarChart>
          <ChartKey baseline={view.baselineModelId !== undefined} />
          {bars.length > shown.length && <p className="mt-1 text-xs">The best {mostBars} of {bars.length} models.</p>}
        </div>
      )}
    </Panel>
  );
}

function ChartKey({ baseline }: { baseline: boolean }) {
  const entries = [
    ["evaluated here", colours.evaluated],
    ["reference", colours.reference],
    ...(baseline ? [["baseline", colours.baseline]] : []),
  ];
  return (
    <p className="mt-1 flex gap-3 text-xs">
      {entries.map(([name, colour]) => (
        <span key={name} className="inline-flex items-center gap-1">
          <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: colour }} />
          {name}
        </span>
      ))}
    </p>
  );
}

function ModelRadar({ data, view, rows, model, onModel }: ChartsProps) {
  const row = rows.find((r) => r.row.model.id === model) ?? rows[0];
  const baseline = rows.find((r) => r.row.model.id === view.baselineModelId);
  const axes = row ? view.columns.filter((key) => row.cells[key]) : [];
  // The baseline is drawn only where it covers every axis; a missing score would read as zero.
  const overlay = baseline && baseline !== row && axes.every((key) => baseline.cells[key]) ? baseline : null;
  const points = axes.map((key) => ({
    benchmark: data.benchmarks.find((b) => b.key === key)?.label ?? key,
    model: row!.cells[key]!.percent,
    baseline: overlay?.cells[key]?.percent,
  }));
  const picker = (
    <select aria-label="Model of the radar chart" value={row?.row.model.id ?? ""} onChange={(event) => onModel(event.target.value)} className={`${select} max-w-56`}>
      {rows.map((r) => (
        <option key={r.row.model.id} value={r.row.model.id}>
          {r.row.model.name}
        </option>
      ))}
    </select>
  );
  return (
    <Panel title="One model across benchmarks" action={picker}>
      {!row || axes.length < 3 ? (
        <p className="text-sm text-zinc-500">
          A radar needs scores on at least three shown benchmarks; {row ? `${row.row.model.name} has ${axes.length}` : "no model is shown"}. Pick another model or show more columns.
        </p>
      ) : (
        <div className="text-zinc-500 dark:text-zinc-400" role="img" aria-label={`Radar chart of ${row.row.model.name}`}>
          <RadarChart data={points} responsive style={{ width: "100%", height: 340 }} outerRadius="72%">
            <PolarGrid stroke="currentColor" strokeOpacity={0.2} />
            <PolarAngleAxis dataKey="benchmark" tick={tick} />
            <PolarRadiusAxis domain={[0, 100]} tick={{ ...tick, fontSize: 9 }} angle={90} stroke="currentColor" strokeOpacity={0.2} />
            <Radar name={row.row.model.name} dataKey="model" stroke={colours.evaluated} fill={colours.evaluated} fillOpacity={0.25} isAnimationActive={false} />
            {overlay && <Radar name={`${overlay.row.model.name} (baseline)`} dataKey="baseline" stroke={colours.baseline} fill={colours.baseline} fillOpacity={0.1} isAnimationActive={false} />}
            <Tooltip content={ChartTooltip} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
          </RadarChart>
        </div>
      )}
    </Panel>
  );
}
