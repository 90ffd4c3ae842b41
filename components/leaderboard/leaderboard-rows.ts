import { averageOf, bestByColumn, deltaVsBaseline, percent, type LeaderboardData, type LeaderboardView } from "@/server/evaluations/leaderboard-view";
import type { LeaderboardParams } from "./leaderboard-params";

export type LeaderboardRow = LeaderboardData["rows"][number];

export interface ShownCell {
  percent: number;
  /** The standard error in percentage points, when the harness or the per-sample scores give one. */
  stderr: number | null;
  best: boolean;
  reproduced: boolean;
  /** Percentage points over the pinned baseline (null for the baseline itself or without one). */
  delta: number | null;
  evaluationId: string;
  task: string;
}

export interface ShownRow {
  row: LeaderboardRow;
  cells: Record<string, ShownCell | undefined>;
  average: number | null;
  averageDelta: number | null;
  bestAverage: boolean;
}

/** Benchmarks in catalog order that at least one model has a score for. */
export function scoredBenchmarks(data: LeaderboardData): string[] {
  return data.benchmarks.filter((b) => data.rows.some((r) => r.cells[b.key])).map((b) => b.key);
}

/** The URL's view made concrete: defaults filled in, keys and models that no longer exist dropped. */
export function resolveView(data: LeaderboardData, params: LeaderboardParams): LeaderboardView {
  const known = new Set(data.benchmarks.map((b) => b.key));
  const columns = (params.columns ?? scoredBenchmarks(data)).filter((key) => known.has(key));
  const averageOver = (params.averageOver ?? columns).filter((key) => known.has(key));
  const baseline = data.rows.find((r) => r.model.id === params.baseline);
  return { columns, averageOver, baselineModelId: baseline?.model.id };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

interface ViewContext {
  view: LeaderboardView;
  best: Record<string, number>;
  taskOf: Map<string, string>;
  baseline: LeaderboardRow | undefined;
  baselineAverage: number | null;
}

function shownRow(row: LeaderboardRow, { view, best, taskOf, baseline: pinned, baselineAverage }: ViewContext): Omit<ShownRow, "bestAverage"> {
  const baseline = row === pinned ? undefined : pinned;
  const cells: ShownRow["cells"] = {};
  for (const key of view.columns) {
    const cell = row.cells[key];
    if (!cell) continue;
    const value = percent(cell.value);
    cells[key] = {
      percent: value,
      stderr: cell.stderr === null ? null : round1(cell.stderr * 100),
      best: best[key] === value,
      reproduced: cell.reproduced,
      delta: baseline ? deltaVsBaseline(cell, baseline.cells[key]) : null,
      evaluationId: row.evaluations[cell.evaluation].id,
      task: taskOf.get(key)!,
    };
  }
  const average = averageOf(row.cells, view.averageOver);
  const averageDelta = baseline && average !== null && baselineAverage !== null ? round1(average - baselineAverage) : null;
  return { row, cells, average, averageDelta };
}

/** Every model's row of the view: percents, bests, averages and deltas vs the baseline, in the data's order. */
export function viewRows(data: LeaderboardData, view: LeaderboardView): ShownRow[] {
  const baseline = data.rows.find((r) => r.model.id === view.baselineModelId);
  const context: ViewContext = {
    view,
    best: bestByColumn(data, view.columns),
    taskOf: new Map(data.benchmarks.map((b) => [b.key, b.task])),
    baseline,
    baselineAverage: baseline ? averageOf(baseline.cells, view.averageOver) : null,
  };
  const all = data.rows.map((row) => shownRow(row, context));
  const averages = all.map((r) => r.average).filter((a): a is number => a !== null);
  const topAverage = averages.length > 0 ? Math.max(...averages) : null;
  return all.map((r) => ({ ...r, bestAverage: r.average !== null && r.average === topAverage }));
}

function compareRows(key: string, descending: boolean) {
  const valueOf = (r: ShownRow): number | null => (key === "average" ? r.average : (r.cells[key]?.percent ?? null));
  return (a: ShownRow, b: ShownRow): number => {
    if (key === "model") return (descending ? -1 : 1) * a.row.model.name.localeCompare(b.row.model.name);
    const x = valueOf(a);
    const y = valueOf(b);
    // Missing scores go last whichever way the column is sorted.
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return descending ? y - x : x - y;
  };
}

const matches = (row: LeaderboardRow, filter: string) => {
  const needle = filter.trim().toLowerCase();
  if (!needle) return true;
  const source = row.model.source === "evaluated" ? "evaluated here" : `reference ${row.model.sourceLabel}`;
  return row.model.name.toLowerCase().includes(needle) || source.toLowerCase().includes(needle);
};

/**
 * The view's rows as shown: the baseline pinned apart, the other rows filtered by name or source (and to those with a
 * score in a shown column) and sorted. Best per column is over every model, filtered out or not, as the paper marks it.
 */
export function arrangeRows(all: ShownRow[], view: LeaderboardView, params: Pick<LeaderboardParams, "filter" | "sort">) {
  const baseline = all.find((r) => r.row.model.id === view.baselineModelId) ?? null;
  // A model with no score in any shown column would be a row of dashes; the "N of M models" title counts it out.
  const others = all.filter((r) => r !== baseline && matches(r.row, params.filter) && view.columns.some((key) => r.cells[key]));
  if (params.sort) others.sort(compareRows(params.sort.key, params.sort.descending));
  return { baseline, rows: others };
}

export function shownRows(data: LeaderboardData, view: LeaderboardView, params: Pick<LeaderboardParams, "filter" | "sort">) {
  return arrangeRows(viewRows(data, view), view, params);
}
