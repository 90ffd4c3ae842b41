"use client";
import { useQuery } from "@tanstack/react-query";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { SelectField, TextField } from "@/components/ui/field";

export type ImportTarget = { datasetId: string } | { newDatasetName: string };

/** A new dataset (named here) or one of the project's datasets, which the import adds a source to. */
export function ImportTargetFields({ target, onChange }: { target: ImportTarget; onChange: (target: ImportTarget) => void }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const datasets = useQuery(trpc.datasets.list.queryOptions({ project: project.slug }));
  const existing = datasets.data ?? [];
  const intoNew = "newDatasetName" in target;
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">Target dataset</legend>
      <div className="flex gap-4 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="radio" name="target" checked={intoNew} onChange={() => onChange({ newDatasetName: "" })} />
          New dataset
        </label>
        <label className={`flex items-center gap-1.5 ${existing.length === 0 ? "text-zinc-400" : ""}`}>
          <input
            type="radio"
            name="target"
            checked={!intoNew}
            disabled={existing.length === 0}
            onChange={() => onChange({ datasetId: existing[0]?.id ?? "" })}
          />
          Existing dataset
        </label>
      </div>
      <div className="max-w-md">
        {"newDatasetName" in target ? (
          <TextField label="Dataset name" value={target.newDatasetName} required maxLength={120} onChange={(e) => onChange({ newDatasetName: e.target.value })} />
        ) : (
          <SelectField label="Dataset" value={target.datasetId} onChange={(e) => onChange({ datasetId: e.target.value })}>
            {existing.map((dataset) => (
              <option key={dataset.id} value={dataset.id}>
                {dataset.name} ({dataset.sampleCount.toLocaleString("en")} samples)
              </option>
            ))}
          </SelectField>
        )}
      </div>
    </fieldset>
  );
}
