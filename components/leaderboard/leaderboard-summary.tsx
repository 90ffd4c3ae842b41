"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { parseLeaderboardParams } from "./leaderboard-params";
import { resolveView, shownRows } from "./leaderboard-rows";
import { importHref, leaderboardHref } from "./routes";

const topCount = 5;

/** The overview's glimpse of the leaderboard: the five best models by their average over the default benchmark set. */
export function LeaderboardSummary() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const board = useQuery(trpc.leaderboard.get.queryOptions({ project: project.slug }));
  if (board.isPending) return <p className="text-sm text-zinc-500">Loading the leaderboard…</p>;
  if (board.error) return <p className="text-sm text-red-600">{board.error.message}</p>;
  if (board.data.rows.length === 0) {
    return (
      <EmptyState title="No evaluation results yet.">
        {project.role === "viewer" ? (
          "Imported lmms-eval results appear here as a model × benchmark table beside the paper's reference rows."
        ) : (
          <>
            <Link href={importHref(project.slug)} className="text-indigo-600 hover:underline dark:text-indigo-400">
              Import lmms-eval results
            </Link>{" "}
            or load the OpenMMReasoner paper&apos;s table; the best models appear here.
          </>
        )}
      </EmptyState>
    );
  }
  const view = resolveView(board.data, parseLeaderboardParams(new URLSearchParams()));
  const { rows } = shownRows(board.data, view, { filter: "", sort: { key: "average", descending: true } });
  const top = rows.filter((r) => r.average !== null).slice(0, topCount);
  if (top.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        No model has a score on all {view.averageOver.length} benchmarks, so none has an average yet.{" "}
        <Link href={leaderboardHref(project.slug)} className="text-indigo-600 hover:underline dark:text-indigo-400">
          Open the leaderboard
        </Link>{" "}
        to choose the benchmarks the average covers.
      </p>
    );
  }
  return (
    <div>
      <p className="mb-2 text-xs text-zinc-500">Average over {view.averageOver.length} benchmarks; a model missing one of them has no average.</p>
      <ol aria-label="Top models" className="space-y-1.5">
        {top.map((r, index) => (
          <li key={r.row.model.id} className="grid grid-cols-[1.5rem_minmax(0,14rem)_minmax(0,1fr)_3rem] items-center gap-3 text-sm">
            <span className="text-right tabular-nums text-zinc-400">{index + 1}</span>
            <span className="truncate">
              {r.row.model.name}
              {r.row.model.source === "reference" && <span className="ml-1.5 text-xs text-zinc-400">reference</span>}
            </span>
            <span className="h-2 overflow-hidden rounded-full bg-zinc-100 dark:bg-zinc-800">
              <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${r.average}%` }} />
            </span>
            <span className={`text-right tabular-nums ${index === 0 ? "font-bold" : ""}`}>{r.average!.toFixed(1)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
