// Pure: the leaderboard page and the exports (server and CLI) derive the same table from the same data.

// A table of hundreds of models × dozens of benchmarks goes to the browser whole, so a cell holds only what varies:
// its evaluation is an index into the row's evaluations and its lmms-eval task is its benchmark's.
export interface LeaderboardCell {
  /** A fraction (0–1); tables show percent. */
  value: number;
  stderr: number | null;
  reproduced: boolean;
  /** Index of the evaluation the score comes from in the row's `evaluations`. */
  evaluation: number;
}

export interface LeaderboardData {
  benchmarks: { key: string; label: string; task: string; modality: string; higherIsBetter: boolean }[];
  rows: {
    model: {
      id: string;
      name: string;
      source: "evaluated" | "reference";
      sourceLabel: string;
      baseModel: string | null;
      sftData: string | null;
      rlData: string | null;
    };
    evaluations: { id: string; label: string }[];
    cells: Record<string, LeaderboardCell>;
  }[];
}

export interface LeaderboardView {
  columns: string[];
  /** The columns the average covers (a model missing one of them has no average). */
  averageOver: string[];
  baselineModelId?: string;
}

/** Percent with one decimal, as papers print it (0.795 → 79.5). */
export function percent(value: number): number {
  return Math.round(value * 1000) / 10;
}

export function bestByColumn(data: LeaderboardData, columns: string[]): Record<string, number> {
  const best: Record<string, number> = {};
  for (const key of columns) {
    const higher = data.benchmarks.find((b) => b.key === key)?.higherIsBetter ?? true;
    const values = data.rows.map((r) => r.cells[key]?.value).filter((v): v is number => v !== undefined).map(percent);
    if (values.length > 0) best[key] = higher ? Math.max(...values) : Math.min(...values);
  }
  return best;
}

export function averageOf(cells: Record<string, LeaderboardCell>, over: string[]): number | null {
  if (over.length === 0 || over.some((key) => !cells[key])) return null;
  return Math.round((over.reduce((sum, key) => sum + percent(cells[key].value), 0) / over.length) * 10) / 10;
}

/** Percentage points of a score over the baseline's in the same column (null where either side has no score). */
export function deltaVsBaseline(mine: LeaderboardCell | undefined, base: LeaderboardCell | undefined): number | null {
  if (!mine || !base) return null;
  return Math.round((percent(mine.value) - percent(base.value)) * 10) / 10;
}
