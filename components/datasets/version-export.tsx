"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { exportFormatOptions, type ExportFormat } from "./export-formats";
import { ExportProgress } from "./export-progress";

/** The export form of one version: pick a trainer format and start the export run, then follow it. */
export function VersionExport({ project, datasetId, version, onClose }: { project: string; datasetId: string; version: { id: string; number: number }; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const name = useId();
  const [format, setFormat] = useState<ExportFormat>("lmms-engine-sft");
  const start = useMutation(
    trpc.datasetExports.startExport.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.datasetExports.list.queryKey() }) }),
  );

  return (
    <section aria-label={`Export v${version.number}`} className="mt-2 space-y-2 rounded-md border border-zinc-200 p-2.5 dark:border-zinc-800">
      {start.data ? (
        <ExportProgress project={project} datasetId={datasetId} runId={start.data.runId} />
      ) : (
        <form
          className="space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate({ project, datasetId, versionId: version.id, format });
          }}
        >
          <fieldset className="space-y-1.5">
            <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Format</legend>
            {exportFormatOptions.map((option) => (
              <label key={option.value} className="flex items-start gap-2 text-sm">
                <input type="radio" name={name} className="mt-1 accent-indigo-600" value={option.value} checked={format === option.value} onChange={() => setFormat(option.value)} />
                <span>
                  {option.label}
                  <span className="block text-xs text-zinc-500">{option.description}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <ErrorMessage error={start.error} />
          <div className="flex gap-2">
            <Button type="submit" disabled={start.isPending}>
              Start export
            </Button>
            <Button type="button" variant="ghost" onClick={onClose}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      {start.data && (
        <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" onClick={onClose}>
          Close
        </Button>
      )}
    </section>
  );
}
