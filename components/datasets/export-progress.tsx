"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { activeRunStates, ProgressBar, RunStateBadge } from "@/components/runs/run-state-badge";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { ExportFiles } from "./export-files";
import { useDatasetExports } from "./use-dataset-exports";

/** An export run, polled until it ends, then its files with download links. */
export function ExportProgress({ project, datasetId, runId }: { project: string; datasetId: string; runId: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { project, runId };
  const run = useQuery(
    trpc.runs.get.queryOptions(input, {
      refetchInterval: (q) => (q.state.data && !activeRunStates.includes(q.state.data.state) ? false : 1_000),
    }),
  );
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey(input) }) }));
  const exports = useDatasetExports(project, datasetId);
  const state = run.data?.state;
  // The files are listed with the dataset's exports: reload that list once the run has ended.
  useEffect(() => {
    if (state && !activeRunStates.includes(state)) void queryClient.invalidateQueries({ queryKey: trpc.datasetExports.list.queryKey() });
  }, [state, queryClient, trpc]);

  if (run.isPending) return <p className="text-xs text-zinc-500">Starting the export…</p>;
  if (run.error) return <ErrorMessage error={run.error} />;
  const r = run.data;
  const active = activeRunStates.includes(r.state);
  const finished = exports.data?.items.find((item) => item.runId === runId && item.outcome);

  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2 text-xs">
        <RunStateBadge state={r.state} />
        <Link href={`/p/${project}/runs/${r.id}`} className="text-zinc-500 hover:underline">
          run #{r.id}
        </Link>
        {active && !r.cancelRequested && (
          <Button variant="ghost" className="ml-auto px-2 py-0.5 text-xs" onClick={() => cancel.mutate(input)} disabled={cancel.isPending}>
            Cancel
          </Button>
        )}
      </div>
      {active && <ProgressBar value={r.progress} label="Export progress" />}
      {active && r.progressMessage && <p className="text-xs text-zinc-600 dark:text-zinc-400">{r.progressMessage}</p>}
      <ErrorMessage error={cancel.error} />
      {(r.state === "failed" || r.state === "lost") && <ErrorMessage error={{ message: `The export failed and left no files: ${r.error ?? "no reason given"}` }} />}
      {r.state === "cancelled" && <p className="text-xs text-zinc-600 dark:text-zinc-400">Cancelled: the export left no files.</p>}
      {r.state === "succeeded" && (finished?.outcome ? <ExportFiles format={finished.format} outcome={finished.outcome} /> : <p className="text-xs text-zinc-500">Listing the files…</p>)}
    </div>
  );
}
