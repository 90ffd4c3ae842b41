"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { TimeAgo } from "@/components/ui/time";
import { ExportsList } from "./exports-list";
import type { SampleView } from "./sample-view-params";
import { VersionCompare } from "./version-compare";
import { VersionExport } from "./version-export";

/** Frozen versions of the dataset, freezing the current selection, exporting a version, and comparing two versions. */
export function VersionsPanel({
  project,
  datasetId,
  filter,
  canEdit,
  sampleHref,
}: {
  project: string;
  datasetId: string;
  filter: SampleView["filter"];
  canEdit: boolean;
  sampleHref: (id: number) => string;
}) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.datasetVersions.list.queryOptions({ project, datasetId }));
  // One version's export form is open at a time.
  const [exportingId, setExportingId] = useState<string | null>(null);
  return (
    <Panel title="Versions">
      <div className="space-y-4">
        {versions.error && <ErrorMessage error={versions.error} />}
        {versions.data?.length === 0 && (
          <p className="text-sm text-zinc-500">
            No version yet. {canEdit ? "Freeze one below: it keeps the included samples of the current view, unchanged by later curation." : "A member freezes one when the data is ready to train on."}
          </p>
        )}
        {versions.data && versions.data.length > 0 && (
          <ul aria-label="Versions" className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {versions.data.map((version) => (
              <li key={version.id} className="py-2 first:pt-0">
                <div className="flex items-baseline justify-between gap-2">
                  <span className="min-w-0 truncate font-medium">
                    <span className="text-zinc-400">v{version.number}</span> {version.name}
                  </span>
                  <span className="shrink-0 text-xs text-zinc-500">
                    <TimeAgo date={version.createdAt} />
                  </span>
                </div>
                <div className="flex items-center justify-between gap-2">
                  <p className="text-xs text-zinc-500">
                    {version.sampleCount.toLocaleString("en")} samples ·{" "}
                    <span className="font-mono" title={`sha256 ${version.contentHash}`}>
                      {version.contentHash.slice(0, 12)}
                    </span>
                  </p>
                  {canEdit && exportingId !== version.id && (
                    <Button variant="ghost" className="shrink-0 px-2 py-0.5 text-xs" aria-label={`Export v${version.number}…`} onClick={() => setExportingId(version.id)}>
                      Export…
                    </Button>
                  )}
                </div>
                {exportingId === version.id && <VersionExport project={project} datasetId={datasetId} version={version} onClose={() => setExportingId(null)} />}
              </li>
            ))}
          </ul>
        )}
        {versions.data && versions.data.length > 0 && (
          <ExportsList project={project} datasetId={datasetId} versionNumbers={new Map(versions.data.map((version) => [version.id, version.number]))} />
        )}
        {canEdit && <FreezeForm project={project} datasetId={datasetId} filter={filter} />}
        {versions.data && versions.data.length >= 2 && <VersionCompare key={versions.data[0].id} project={project} datasetId={datasetId} versions={versions.data} sampleHref={sampleHref} />}
      </div>
    </Panel>
  );
}

function FreezeForm({ project, datasetId, filter }: { project: string; datasetId: string; filter: SampleView["filter"] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  // A version holds included samples only, whatever the status filter says.
  const included = useQuery(trpc.samples.count.queryOptions({ project, datasetId, filter: { ...filter, status: filter.status === "excluded" ? "excluded" : "included" } }));
  const freezable = filter.status === "excluded" ? 0 : included.data?.count;
  const create = useMutation(
    trpc.datasetVersions.create.mutationOptions({
      onSuccess: () => {
        setName("");
        return queryClient.invalidateQueries({ queryKey: trpc.datasetVersions.list.queryKey() });
      },
    }),
  );
  return (
    <form
      className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ project, datasetId, name, filter });
      }}
    >
      <TextField label="Version name" value={name} required maxLength={120} placeholder="e.g. sft-v1 cleaned" onChange={(e) => setName(e.target.value)} />
      <p className="text-xs text-zinc-500">
        {freezable === undefined
          ? "Counting the included samples of this view…"
          : `Freezes the ${freezable.toLocaleString("en")} included sample${freezable === 1 ? "" : "s"} of the current view${included.data?.exact === false ? " (estimated)" : ""}.`}
      </p>
      <ErrorMessage error={create.error} />
      {create.data && (
        <p className="text-sm text-emerald-700 dark:text-emerald-400">
          Froze v{create.data.number} with {create.data.sampleCount.toLocaleString("en")} samples.
        </p>
      )}
      <Button type="submit" disabled={!name.trim() || create.isPending || freezable === 0}>
        Freeze version
      </Button>
    </form>
  );
}
