"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { evaluationHref, leaderboardHref } from "@/components/leaderboard/routes";
import { activeRunStates, ProgressBar, RunStateBadge } from "@/components/runs/run-state-badge";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import type { EvalImportResult } from "@/server/evaluations/import-lmms-eval";

/** The `eval-import` run, polled until it ends; then what it imported, or why it failed. */
export function EvalImportProgress({ project, runId }: { project: string; runId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery(
    trpc.runs.get.queryOptions({ project, runId }, { refetchInterval: (q) => (q.state.data && !activeRunStates.includes(q.state.data.state) ? false : 1_000) }),
  );
  const succeeded = run.data?.state === "succeeded";
  useEffect(() => {
    if (!succeeded) return;
    void queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() });
  }, [succeeded, queryClient, trpc]);

  if (run.isPending) return <p className="text-sm text-zinc-500">Starting the import…</p>;
  if (run.error) return <ErrorMessage error={run.error} />;
  const r = run.data;
  const active = activeRunStates.includes(r.state);
  // The eval-import job's handler returns an EvalImportResult; the run stores it as JSON.
  const result = succeeded ? (r.result as EvalImportResult | null) : null;
  return (
    <section className="space-y-3" aria-label="Import of the lmms-eval output">
      <div className="flex items-center gap-2 text-sm">
        <RunStateBadge state={r.state} />
        <Link href={`/p/${project}/runs/${r.id}`} className="text-zinc-500 hover:underline">
          run #{r.id}
        </Link>
      </div>
      <ProgressBar value={r.progress} label="Import progress" />
      {active && r.progressMessage && <p className="text-sm text-zinc-600 dark:text-zinc-400">{r.progressMessage}</p>}
      {(r.state === "failed" || r.state === "lost") && <ErrorMessage error={{ message: `The import failed and nothing was stored: ${r.error ?? "no reason given"}` }} />}
      {r.state === "cancelled" && <p className="text-sm text-zinc-500">Cancelled: nothing was stored.</p>}
      {result && <EvalImportSummary project={project} result={result} />}
    </section>
  );
}

function EvalImportSummary({ project, result }: { project: string; result: EvalImportResult }) {
  return (
    <div className="space-y-3">
      {result.evaluations.map((e) => (
        <div key={e.evaluationId} className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
          <p className="flex flex-wrap items-center gap-2">
            <Link href={evaluationHref(project, e.evaluationId)} className="font-medium hover:underline">
              {e.model}
            </Link>
            <span className="text-zinc-500">
              {e.scores} score{e.scores === 1 ? "" : "s"} over {e.tasks.length} task{e.tasks.length === 1 ? "" : "s"}
            </span>
            {e.replaced && <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-800 dark:bg-amber-950 dark:text-amber-300">replaced an earlier import</span>}
          </p>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            {e.tasks.map((task) => (
              <li key={task}>
                <span className="font-mono">{task}</span>: {e.samples[task] === undefined ? "no samples file" : `${e.samples[task].toLocaleString("en")} samples`}
              </li>
            ))}
          </ul>
          {e.skippedLines.length > 0 && (
            <div className="mt-2">
              <p className="text-xs font-medium text-amber-700 dark:text-amber-400">Sample lines skipped (the first {e.skippedLines.length}):</p>
              <ul className="list-disc pl-5 font-mono text-xs text-zinc-600 dark:text-zinc-400">
                {e.skippedLines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      ))}
      {result.unpairedSamples.length > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Left out, with no results file of the same date beside them: <span className="font-mono text-xs">{result.unpairedSamples.join(", ")}</span>
        </p>
      )}
      <ButtonLink href={leaderboardHref(project)}>Open the leaderboard</ButtonLink>
    </div>
  );
}
