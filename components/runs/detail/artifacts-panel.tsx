"use client";
import { useQuery } from "@tanstack/react-query";
import { formatFileSize } from "@/components/datasets/export-formats";
import { DownloadList } from "@/components/ui/download-list";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";

/** The files the agent uploaded from the run's `collect` folders when the command ended, as download links. */
export function ArtifactsPanel({ runId, live }: { runId: number; live: boolean }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  // The agent uploads after the command exits and before the run ends, so a live run is polled for them.
  const artifacts = useQuery(trpc.runs.artifacts.queryOptions({ project: project.slug, runId }, { refetchInterval: live ? 5_000 : false }));
  const data = artifacts.data;
  return (
    <Panel title="Collected files">
      <ErrorMessage error={artifacts.error} />
      {data?.total === 0 && (
        <p className="text-sm text-zinc-500">{live ? "The agent uploads the collected folders when the command ends." : "Nothing was collected."}</p>
      )}
      {data && data.total > 0 && (
        <div className="max-h-72 space-y-1 overflow-auto">
          <DownloadList label="Collected files" files={data.files} />
          <p className="text-xs text-zinc-500">
            {data.total.toLocaleString("en")} file{data.total === 1 ? "" : "s"}, {formatFileSize(data.totalBytes)}
            {data.files.length < data.total && ` (the first ${data.files.length.toLocaleString("en")} shown)`}.
          </p>
        </div>
      )}
    </Panel>
  );
}
