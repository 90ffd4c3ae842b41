"use client";
import type { LeaderboardData, LeaderboardView } from "@/server/evaluations/leaderboard-view";
import { BenchmarkChecklist } from "./benchmark-checklist";
import type { LeaderboardParams } from "./leaderboard-params";
import { scoredBenchmarks } from "./leaderboard-rows";

const control = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950";

/** Filter, shown columns, the average's benchmarks and the pinned baseline; every change lands in the URL. */
export function LeaderboardToolbar({
  data,
  view,
  params,
  changeParams,
}: {
  data: LeaderboardData;
  view: LeaderboardView;
  params: LeaderboardParams;
  changeParams: (change: Partial<LeaderboardParams>) => void;
}) {
  const scored = new Set(scoredBenchmarks(data));
  const choices = data.benchmarks.map((b) => ({ key: b.key, label: b.label, scored: scored.has(b.key) }));
  const models = [...data.rows].sort((a, b) => a.model.name.localeCompare(b.model.name));
  return (
    <div role="toolbar" aria-label="Leaderboard view" className="mb-3 flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Filter models by name or source"
        placeholder="Filter by model or source…"
        defaultValue={params.filter}
        onChange={(event) => changeParams({ filter: event.target.value })}
        className={`${control} w-64`}
      />
      <BenchmarkChecklist label="Columns" choices={choices} selected={view.columns} onChange={(columns) => changeParams({ columns })} />
      <BenchmarkChecklist label="Average over" choices={choices} selected={view.averageOver} onChange={(averageOver) => changeParams({ averageOver })} />
      <label className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
        Baseline
        <select aria-label="Baseline" value={view.baselineModelId ?? ""} onChange={(event) => changeParams({ baseline: event.target.value || null })} className={control}>
          <option value="">None</option>
          {models.map((row) => (
            <option key={row.model.id} value={row.model.id}>
              {row.model.name}
              {row.model.source === "reference" ? " (reference)" : ""}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
