"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { WorkerCard } from "./worker-card";

const POLL_MS = 2_000;
const noSubscription = () => () => {};

/** The GPU machines whose agents registered with this project's worker tokens, refreshed every 2 seconds. */
export function WorkersPage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const workers = useQuery(trpc.workers.list.queryOptions({ project: project.slug }, { refetchInterval: POLL_MS }));
  // The address this page was served from is the one agents reach; the server render has none, so it shows a placeholder.
  const serverUrl = useSyncExternalStore(noSubscription, () => window.location.origin, () => "https://mmr.example.org");
  const online = workers.data?.filter((w) => w.online).length ?? 0;
  return (
    <>
      <PageHeader
        title="Workers"
        description="GPU machines that run this project's SFT, RL and evaluation jobs (locally, on Slurm or on Ray). Each runs the MMR agent with a worker token."
      />
      <ErrorMessage error={workers.error} />
      {workers.isPending && <p className="text-sm text-zinc-500">Loading workers…</p>}
      {workers.data?.length === 0 && (
        <EmptyState title="No GPU workers connected.">
          <p>On each GPU machine, start the agent with a worker token of this project:</p>
          <pre className="mx-auto mt-2 w-fit rounded-md bg-zinc-100 px-3 py-2 text-left font-mono text-xs text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
            mmr worker --server {serverUrl} --token T
          </pre>
          <p className="mt-2">
            An admin creates worker tokens under{" "}
            <Link href={`/p/${project.slug}/settings`} className="text-indigo-600 hover:underline dark:text-indigo-400">
              Settings
            </Link>
            . A worker appears here within seconds of starting.
          </p>
        </EmptyState>
      )}
      {workers.data && workers.data.length > 0 && (
        <>
          <p className="mb-3 text-sm text-zinc-500">
            {online} of {workers.data.length} online
          </p>
          <div className="grid gap-4 lg:grid-cols-2">
            {workers.data.map((worker) => (
              <WorkerCard key={worker.id} worker={worker} projectSlug={project.slug} />
            ))}
          </div>
        </>
      )}
    </>
  );
}
