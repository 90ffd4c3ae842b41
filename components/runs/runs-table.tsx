"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeAgo } from "@/components/ui/time";
import { formatDuration, runDurationMs } from "./duration";
import { activeRunStates, ProgressBar, RunStateBadge } from "./run-state-badge";
import { sortRuns, type RunSort, type SortColumn } from "./run-sorting";
import { useNow } from "./use-now";

type RunState = RouterOutputs["runs"]["get"]["state"];

export interface RunSelection {
  selected: ReadonlySet<number>;
  onToggle(runId: number): void;
}

interface RunsTableProps {
  states?: RunState[];
  kinds?: string[];
  pageSize?: number;
  /** With onSort, the headers sort the loaded runs; without, newest first. */
  sort?: RunSort;
  onSort?(sort: RunSort): void;
  /** Check boxes to pick runs (for the compare page). */
  selection?: RunSelection;
}

const defaultSort: RunSort = { column: "id", descending: true };

export function RunsTable({ states, kinds, pageSize = 50, sort = defaultSort, onSort, selection }: RunsTableProps) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(
      { project: project.slug, limit: pageSize, states, kinds },
      {
        getNextPageParam: (page) => page.nextCursor,
        // Poll while anything on screen is still moving.
        refetchInterval: (q) =>
          q.state.data?.pages.some((p) => p.items.some((r) => activeRunStates.includes(r.state))) ? 2_000 : false,
      },
    ),
  );
  const loaded = query.data?.pages.flatMap((p) => p.items) ?? [];
  const now = useNow(loaded.some((r) => r.state === "running"));
  const runs = sortRuns(loaded, sort, now);

  if (query.isPending) return <p className="text-sm text-zinc-500">Loading runs…</p>;
  if (query.error) return <p className="text-sm text-red-600">{query.error.message}</p>;
  if (runs.length === 0) {
    return (
      <EmptyState title={states || kinds ? "No runs match this filter." : "No runs yet."}>
        Runs appear here as jobs are queued: the demo seed, imports, and training runs on your workers.
      </EmptyState>
    );
  }
  const header = (column: SortColumn, label: string, className = "") => (
    <SortableHeader column={column} label={label} sort={sort} onSort={onSort} className={className} />
  );
  return (
    <div>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            {selection && <th className="w-8 py-2 pr-2 font-medium"><span className="sr-only">Compare</span></th>}
            {header("id", "#")}
            {header("name", "Name")}
            {header("kind", "Kind")}
            {header("state", "State")}
            <th className="w-48 py-2 pr-3 font-medium">Progress</th>
            {header("duration", "Duration")}
            <th className="py-2 pr-3 font-medium">Key metrics</th>
            <th className="py-2 font-medium">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {runs.map((run) => {
            const duration = runDurationMs(run, now);
            return (
              <tr key={run.id}>
                {selection && (
                  <td className="py-2 pr-2">
                    <input
                      type="checkbox"
                      aria-label={`Compare run ${run.id}`}
                      checked={selection.selected.has(run.id)}
                      onChange={() => selection.onToggle(run.id)}
                      className="accent-indigo-600"
                    />
                  </td>
                )}
                <td className="py-2 pr-3 tabular-nums text-zinc-500">{run.id}</td>
                <td className="py-2 pr-3">
                  <Link href={`/p/${project.slug}/runs/${run.id}`} className="font-medium hover:underline">
                    {run.name}
                  </Link>
                  {run.progressMessage && <p className="text-xs text-zinc-500">{run.progressMessage}</p>}
                </td>
                <td className="py-2 pr-3 font-mono text-xs">{run.kind}</td>
                <td className="py-2 pr-3">
                  <RunStateBadge state={run.state} />
                </td>
                <td className="py-2 pr-3">
                  <ProgressBar value={run.progress} label={`Progress of run ${run.id}`} />
                </td>
                <td className="py-2 pr-3 tabular-nums text-zinc-600 dark:text-zinc-300">{duration === null ? <span className="text-zinc-400">—</span> : formatDuration(duration)}</td>
                <td className="py-2 pr-3">
                  <KeyMetrics metrics={run.keyMetrics} />
                </td>
                <td className="py-2 text-zinc-500">
                  <TimeAgo date={run.createdAt} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {query.hasNextPage && (
        <div className="mt-3 flex items-center gap-3">
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            Load more
          </Button>
          {sort.column !== "id" && (
            <span className="text-xs text-zinc-500">Sorted among the {runs.length} runs loaded: load more to include older ones.</span>
          )}
        </div>
      )}
    </div>
  );
}

type RunKeyMetric = RouterOutputs["runs"]["list"]["items"][number]["keyMetrics"][number];

/** A run's headline metrics at their latest step, e.g. "reward 0.612 · response length 790 at step 120". */
function KeyMetrics({ metrics }: { metrics: RunKeyMetric[] }) {
  if (metrics.length === 0) return <span className="text-zinc-400">—</span>;
  const step = Math.max(...metrics.map((m) => m.step));
  return (
    <span className="text-xs tabular-nums text-zinc-600 dark:text-zinc-300" title={metrics.map((m) => `${m.key} = ${m.value} (step ${m.step})`).join("\n")}>
      {metrics.map((m) => `${m.label} ${formatMetric(m.value)}`).join(" · ")}
      <span className="text-zinc-400"> at step {step.toLocaleString("en")}</span>
    </span>
  );
}

function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function SortableHeader({ column, label, sort, onSort, className }: { column: SortColumn; label: string; sort: RunSort; onSort?(sort: RunSort): void; className: string }) {
  const active = sort.column === column;
  if (!onSort) return <th className={`py-2 pr-3 font-medium ${className}`}>{label}</th>;
  return (
    <th className={`py-2 pr-3 font-medium ${className}`} aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}>
      <button
        type="button"
        onClick={() => onSort({ column, descending: active ? !sort.descending : column === "duration" })}
        className={`inline-flex items-center gap-1 hover:text-zinc-800 dark:hover:text-zinc-200 ${active ? "text-zinc-800 dark:text-zinc-200" : ""}`}
      >
        {label}
        <span aria-hidden className="w-2">{active ? (sort.descending ? "↓" : "↑") : ""}</span>
      </button>
    </th>
  );
}
