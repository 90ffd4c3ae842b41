"use client";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import type { ColumnMapping } from "@/server/datasets/import";
import type { ImportLocation } from "@/server/datasets/import-location";
import { ImportPreview } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { ImportSourceForm } from "./import-source-form";
import { ImportTargetFields, type ImportTarget } from "./import-target-fields";

const previewRows = 10;

/** Data → preview with an editable mapping → target dataset → the import run. `?dataset=<id>` preselects a dataset. */
export function ImportPage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const presetDataset = useSearchParams().get("dataset");
  const [chosen, setChosen] = useState<{ location: ImportLocation; label: string } | null>(null);
  const [mappings, setMappings] = useState<Record<string, ColumnMapping>>({});
  const [dirtySources, setDirtySources] = useState<string[]>([]);
  const [target, setTarget] = useState<ImportTarget>(presetDataset ? { datasetId: presetDataset } : { newDatasetName: "" });

  const edited = Object.keys(mappings).length > 0 ? mappings : undefined;
  const preview = useQuery(
    trpc.datasets.preview.queryOptions(chosen ? { project: project.slug, location: chosen.location, mappings: edited, limit: previewRows } : skipToken, {
      staleTime: Infinity,
    }),
  );
  const start = useMutation(
    trpc.datasets.startImport.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.datasets.list.queryKey() }) }),
  );

  const choose = (location: ImportLocation, label: string) => {
    setChosen({ location, label });
    setMappings({});
    setDirtySources([]);
    if ("newDatasetName" in target && !target.newDatasetName) setTarget({ newDatasetName: label.replace(/^.*\//, "").replace(/\.[^.]+$/, "") });
  };
  const targetReady = "datasetId" in target ? target.datasetId !== "" : target.newDatasetName.trim() !== "";

  if (project.role === "viewer") {
    return (
      <>
        <PageHeader title="Import data" />
        <EmptyState title="Importing needs the member role.">
          You are a viewer in {project.name}: ask an admin of the project to make you a member, or browse the{" "}
          <Link href={`/p/${project.slug}/datasets`} className="text-indigo-600 hover:underline">
            datasets
          </Link>{" "}
          already here.
        </EmptyState>
      </>
    );
  }

  if (start.data) {
    return (
      <>
        <PageHeader title="Importing" description={`From ${chosen?.label ?? "your data"}.`} />
        <Panel title="Import progress">
          <ImportProgress runId={start.data.runId} datasetId={start.data.datasetId} />
        </Panel>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Import data"
        description="Upload a data file with its images, or read one already on the server; check the preview, correct the column mapping, then import."
        action={<Link href={`/p/${project.slug}/datasets`} className="text-sm text-indigo-600 hover:underline">Back to datasets</Link>}
      />
      <div className="space-y-4">
        <Panel
          title="1. Data"
          action={chosen && <Button variant="ghost" onClick={() => setChosen(null)}>Choose other data</Button>}
        >
          {chosen ? (
            <p className="text-sm">
              <span className="text-zinc-500">{chosen.location.kind === "upload" ? "Uploaded" : "Server path"}:</span>{" "}
              <span className="font-mono">{chosen.label}</span>
            </p>
          ) : (
            <ImportSourceForm onLocation={choose} />
          )}
        </Panel>
        {chosen && (
          <Panel title="2. Preview and column mapping">
            {preview.isFetching && <p className="mb-3 text-sm text-zinc-500">Reading the first rows…</p>}
            <ErrorMessage error={preview.error} />
            {preview.data && (
              <ImportPreview
                preview={preview.data}
                onApplyMapping={(source, mapping) => {
                  setMappings({ ...mappings, [source]: mapping });
                  setDirtySources(dirtySources.filter((s) => s !== source));
                }}
                onDirty={(source, dirty) => setDirtySources((current) => (dirty ? [...new Set([...current, source])] : current.filter((s) => s !== source)))}
              />
            )}
          </Panel>
        )}
        {chosen && preview.data && (
          <Panel title="3. Import into">
            <form
              className="space-y-4"
              onSubmit={(event) => {
                event.preventDefault();
                start.mutate({ project: project.slug, location: chosen.location, mappings: edited, target });
              }}
            >
              <ImportTargetFields target={target} onChange={setTarget} />
              {dirtySources.length > 0 && (
                <p className="text-sm text-amber-700 dark:text-amber-400">
                  Re-run the preview of {dirtySources.join(", ")} to apply your mapping edits before importing.
                </p>
              )}
              <ErrorMessage error={start.error} />
              <Button type="submit" disabled={!targetReady || dirtySources.length > 0 || start.isPending}>
                Import
              </Button>
            </form>
          </Panel>
        )}
      </div>
    </>
  );
}
