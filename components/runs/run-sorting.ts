import { runDurationMs } from "./duration";

export const sortableColumns = ["id", "name", "kind", "state", "duration"] as const;
export type SortColumn = (typeof sortableColumns)[number];
export interface RunSort {
  column: SortColumn;
  descending: boolean;
}

interface SortableRun {
  id: number;
  name: string;
  kind: string;
  state: string;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** `?sort=duration` or `?sort=-duration` (descending); newest first by default, as the server lists them. */
export function readSort(value: string | null): RunSort {
  const descending = value?.startsWith("-") ?? true;
  const column = (value?.replace(/^-/, "") ?? "id") as SortColumn;
  return sortableColumns.includes(column) ? { column, descending: value === null ? true : descending } : { column: "id", descending: true };
}

export function writeSort(sort: RunSort): string | null {
  if (sort.column === "id" && sort.descending) return null;
  return `${sort.descending ? "-" : ""}${sort.column}`;
}

/** Sorts loaded runs; runs without a duration (not started) go last either way. */
export function sortRuns<Run extends SortableRun>(runs: readonly Run[], sort: RunSort, now: number): Run[] {
  const direction = sort.descending ? -1 : 1;
  const keyOf = (run: Run): number | string | null => {
    if (sort.column === "duration") return runDurationMs(run, now);
    return sort.column === "id" ? run.id : run[sort.column].toLowerCase();
  };
  return [...runs].sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    if (x === null || y === null) return x === y ? b.id - a.id : x === null ? 1 : -1;
    if (x === y) return b.id - a.id;
    return (x < y ? -1 : 1) * direction;
  });
}
