"use client";
import Link from "next/link";
import { RunStateBadge } from "@/components/runs/run-state-badge";
import { ErrorMessage } from "@/components/ui/field";
import { TimeAgo } from "@/components/ui/time";
import { ExportFiles } from "./export-files";
import { exportFormatLabel } from "./export-formats";
import { recentExportLimit, useDatasetExports } from "./use-dataset-exports";

/** The dataset's recent exports, newest first, each with its version, format, state and files. */
export function ExportsList({ project, datasetId, versionNumbers }: { project: string; datasetId: string; versionNumbers: Map<string, number> }) {
  const exports = useDatasetExports(project, datasetId);
  return (
    <section aria-label="Exports" className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">Exports</h3>
      <ErrorMessage error={exports.error} />
      {exports.data?.items.length === 0 && <p className="text-xs text-zinc-500">No exports yet: export a version to the format a trainer reads.</p>}
      {exports.data && exports.data.items.length > 0 && (
        <ul aria-label="Recent exports" className="space-y-3">
          {exports.data.items.map((item) => (
            <li key={item.runId} className="space-y-1">
              <div className="flex items-center justify-between gap-2 text-sm">
                <span className="min-w-0 truncate">
                  <span className="text-zinc-400">v{versionNumbers.get(item.versionId) ?? "?"}</span> {exportFormatLabel(item.format)}
                </span>
                <RunStateBadge state={item.state} />
              </div>
              <p className="text-xs text-zinc-500">
                <Link href={`/p/${project}/runs/${item.runId}`} className="hover:underline">
                  run #{item.runId}
                </Link>{" "}
                · <TimeAgo date={item.createdAt} />
              </p>
              {item.outcome && <ExportFiles format={item.format} outcome={item.outcome} />}
              {item.error && <p className="text-xs text-red-700 dark:text-red-400">{item.error}</p>}
            </li>
          ))}
        </ul>
      )}
      {exports.data?.nextCursor && <p className="text-xs text-zinc-500">Older exports are on the Runs page (the {recentExportLimit} most recent are shown).</p>}
    </section>
  );
}
