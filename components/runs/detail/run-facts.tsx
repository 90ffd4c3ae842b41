"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { TimeAgo } from "@/components/ui/time";
import { formatDuration, runDurationMs } from "../duration";
import { ProgressBar } from "../run-state-badge";

type Run = RouterOutputs["runs"]["get"];

/** Progress and the reproducibility facts of a run: when, how long, where, and how it ended. */
export function RunFacts({ run, now }: { run: Run; now: number }) {
  const duration = runDurationMs(run, now);
  return (
    <>
      <ProgressBar value={run.progress} label="Run progress" />
      {run.progressMessage && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{run.progressMessage}</p>}
      {run.error && <p className="mt-2 whitespace-pre-wrap break-words text-sm text-red-600 dark:text-red-400">{run.error}</p>}
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-zinc-500">Created</dt>
        <dd><TimeAgo date={run.createdAt} /></dd>
        <dt className="text-zinc-500">Started</dt>
        <dd><TimeAgo date={run.startedAt} /></dd>
        <dt className="text-zinc-500">Finished</dt>
        <dd><TimeAgo date={run.finishedAt} /></dd>
        <dt className="text-zinc-500">Duration</dt>
        <dd className="tabular-nums">{duration === null ? <span className="text-zinc-400">—</span> : formatDuration(duration)}</dd>
        <dt className="text-zinc-500">Attempts</dt>
        <dd>{run.attempts}</dd>
        <dt className="text-zinc-500">Exit code</dt>
        <dd className="font-mono">{run.exitCode ?? <span className="text-zinc-400">—</span>}</dd>
        <dt className="text-zinc-500">Worker</dt>
        <dd>{run.workerId ? <WorkerName workerId={run.workerId} /> : <span className="text-zinc-400">—</span>}</dd>
        <dt className="text-zinc-500">Queue</dt>
        <dd className="font-mono text-xs leading-5">{run.queue}</dd>
      </dl>
    </>
  );
}

function WorkerName({ workerId }: { workerId: string }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const workers = useQuery(trpc.workers.list.queryOptions({ project: project.slug }));
  const worker = workers.data?.find((w) => w.id === workerId);
  return (
    <Link href={`/p/${project.slug}/workers`} className="hover:underline">
      {worker?.hostname ?? (workers.isPending ? "…" : "a removed worker")}
    </Link>
  );
}
