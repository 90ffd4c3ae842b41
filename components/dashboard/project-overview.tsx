"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { DatasetTable } from "@/components/datasets/dataset-table";
import { LeaderboardSummary } from "@/components/leaderboard/leaderboard-summary";
import { RunsTable } from "@/components/runs/runs-table";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";

export function ProjectOverview() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const details = useQuery(trpc.projects.get.queryOptions({ project: project.slug }));
  const base = `/p/${project.slug}`;
  return (
    <>
      <PageHeader title={project.name} description={details.data?.description || undefined} />
      <div className="grid gap-4 xl:grid-cols-2">
        <div className="xl:col-span-2">
          <Panel title="Recent runs" action={<Link href={`${base}/runs`} className="text-xs text-indigo-600 hover:underline">All runs</Link>}>
            <RunsTable pageSize={5} />
          </Panel>
        </div>
        <Panel title="Datasets" action={<Link href={`${base}/datasets`} className="text-xs text-indigo-600 hover:underline">All datasets</Link>}>
          <DatasetTable limit={5} />
        </Panel>
        <Panel title="Workers">
          <EmptyState title="No GPU workers connected.">
            Create a worker token in <Link href={`${base}/settings`} className="text-indigo-600 hover:underline">Settings</Link> and start the agent on each GPU machine with it.
          </EmptyState>
        </Panel>
        <div className="xl:col-span-2">
          <Panel title="Leaderboard" action={<Link href={`${base}/leaderboard`} className="text-xs text-indigo-600 hover:underline">Full leaderboard</Link>}>
            <LeaderboardSummary />
          </Panel>
        </div>
      </div>
    </>
  );
}
