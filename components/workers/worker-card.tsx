import Link from "next/link";
import type { RouterOutputs } from "@/components/trpc/client";
import { TimeAgo } from "@/components/ui/time";
import { GpuMeter } from "./gpu-meter";
import { gpuUsageOf } from "./gpu-usage";

type Worker = RouterOutputs["workers"]["list"][number];

const chip = "rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

/** One agent: online (a heartbeat in the last minute) or when it was last seen, what it offers, what it runs. */
export function WorkerCard({ worker, projectSlug }: { worker: Worker; projectSlug: string }) {
  const gpus = gpuUsageOf(worker);
  return (
    <section aria-label={`Worker ${worker.hostname}`} className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <header className="flex items-start justify-between gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <div>
          <h2 className="font-mono text-sm font-semibold">{worker.hostname}</h2>
          <p className="mt-0.5 text-xs text-zinc-500">
            last seen <TimeAgo date={worker.lastSeenAt} />
          </p>
        </div>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${worker.online ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"}`}
        >
          {worker.online ? "online" : "offline"}
        </span>
      </header>
      <div className="space-y-3 p-4 text-sm">
        <dl className="grid grid-cols-[max-content_1fr] items-center gap-x-4 gap-y-1.5">
          <dt className="text-zinc-500">Current run</dt>
          <dd>
            {worker.currentRunId ? (
              <Link href={`/p/${projectSlug}/runs/${worker.currentRunId}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
                Run #{worker.currentRunId}
              </Link>
            ) : (
              <span className="text-zinc-400">idle</span>
            )}
          </dd>
          <dt className="text-zinc-500">Executors</dt>
          <dd className="flex flex-wrap gap-1">{worker.executors.map((e) => <span key={e} className={chip}>{e}</span>)}</dd>
          <dt className="text-zinc-500">Labels</dt>
          <dd className="flex flex-wrap gap-1">
            {worker.labels.length === 0 ? <span className="text-zinc-400">none</span> : worker.labels.map((l) => <span key={l} className={chip}>{l}</span>)}
          </dd>
        </dl>
        {gpus.length === 0 ? (
          <p className="text-zinc-500">No GPU reported: this machine takes only runs that ask for none.</p>
        ) : (
          <ul className="space-y-3" aria-label="GPUs">
            {gpus.map((gpu) => (
              <GpuMeter key={gpu.index} gpu={gpu} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
