"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";

/** The project's judge jobs, newest first, each with its verdict counts by stage and tokens. */
export function JudgeJobs({ project }: { project: string }) {
  const trpc = useTRPC();
  const runs = useQuery(trpc.runs.list.queryOptions({ project, kinds: ["judge"], limit: 20 }, { refetchInterval: 3_000 }));
  const items = runs.data?.items ?? [];
  return (
    <Panel title="Judge jobs">
      {items.length === 0 ? (
        <EmptyState title="No judge jobs yet.">Run a judge over a dataset or an evaluation below.</EmptyState>
      ) : (
        <table className="w-full text-sm" aria-label="Judge jobs">
          <thead className="text-left text-xs text-zinc-500">
            <tr>
              <th className="py-1">Job</th>
              <th>Status</th>
              <th>Verdicts</th>
              <th>By stage</th>
              <th>Tokens</th>
            </tr>
          </thead>
          <tbody>
            {items.map((run) => (
              <JudgeJobRow key={run.id} project={project} run={run} />
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

function JudgeJobRow({ project, run }: { project: string; run: { id: number; name: string | null; state: string; progress: number | null } }) {
  const trpc = useTRPC();
  const summary = useQuery(trpc.verdicts.runSummary.queryOptions({ project, runId: run.id }, { refetchInterval: run.state === "running" || run.state === "queued" ? 3_000 : false }));
  const { refetch } = summary;
  // The last poll may land before the final verdicts: read the summary once more when the run's state changes.
  useEffect(() => {
    void refetch();
  }, [run.state, refetch]);
  const s = summary.data;
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800">
      <td className="py-1">
        <Link className="text-blue-700 hover:underline dark:text-blue-400" href={`/p/${project}/runs/${run.id}`}>
          {run.name ?? `Judge run #${run.id}`}
        </Link>
      </td>
      <td>
        {run.state}
        {run.state === "running" && run.progress !== null && ` · ${Math.round(run.progress * 100)}%`}
      </td>
      <td>{s ? `${s.matched} / ${s.verdicts} match` : "…"}</td>
      <td className="text-xs">{s ? Object.entries(s.byStage).map(([stage, count]) => `${stage} ${count}`).join(", ") : ""}</td>
      <td className="text-xs">{s ? `${s.tokens.prompt} + ${s.tokens.completion}` : ""}</td>
    </tr>
  );
}
