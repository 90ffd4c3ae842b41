"use client";
import { useQuery } from "@tanstack/react-query";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { TimeAgo } from "@/components/ui/time";

/** Checkpoints the run's log announced (verl's global_step_N folders, HF Trainer's checkpoint-N). */
export function CheckpointsPanel({ runId, live }: { runId: number; live: boolean }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const checkpoints = useQuery(trpc.runs.checkpoints.queryOptions({ project: project.slug, runId }, { refetchInterval: live ? 2_000 : false }));
  return (
    <Panel title="Checkpoints">
      <ErrorMessage error={checkpoints.error} />
      {checkpoints.data?.length === 0 && <p className="text-sm text-zinc-500">{live ? "No checkpoint saved yet." : "The log announced no checkpoint."}</p>}
      {checkpoints.data && checkpoints.data.length > 0 && (
        <div className="max-h-72 overflow-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Step</th>
              <th className="py-1 pr-3 font-medium">Path</th>
              <th className="py-1 font-medium">Recorded</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {checkpoints.data.map((c) => (
              <tr key={c.step}>
                <td className="py-1 pr-3 tabular-nums">{c.step.toLocaleString("en")}</td>
                <td className="break-all py-1 pr-3 font-mono text-xs">{c.path}</td>
                <td className="py-1 text-zinc-500">
                  <TimeAgo date={c.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </Panel>
  );
}
