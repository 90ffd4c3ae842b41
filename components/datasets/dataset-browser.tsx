"use client";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { BulkActions } from "./bulk-actions";
import { LayoutToggle } from "./layout-toggle";
import { SampleFilters } from "./sample-filters";
import { SampleResults } from "./sample-results";
import { SourcesList } from "./sources-list";
import { useInvalidateSamples } from "./use-invalidate-samples";
import { useSampleView } from "./use-sample-view";
import { VersionsPanel } from "./versions-panel";

/** One dataset: its samples under the URL's filter (list or grid), bulk curation, sources and versions. */
export function DatasetBrowser({ datasetId }: { datasetId: string }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const { view, query, changeView } = useSampleView();
  const input = { project: project.slug, datasetId };
  // While a source imports, poll: its samples appear all at once when it is ready.
  const dataset = useQuery(
    trpc.datasets.get.queryOptions(input, { refetchInterval: (q) => (q.state.data?.sources.some((s) => s.status === "importing") ? 2_000 : false) }),
  );
  const count = useQuery(trpc.samples.count.queryOptions({ ...input, filter: view.filter }));
  const canEdit = project.role !== "viewer";
  const base = `/p/${project.slug}/datasets/${datasetId}`;
  const sampleHref = useCallback((id: number) => `${base}/samples/${id}${query ? `?${query}` : ""}`, [base, query]);
  const sources = useMemo(() => dataset.data?.sources ?? [], [dataset.data]);
  const sourceLabels = useMemo(() => new Map(sources.map((source) => [source.id, source.label])), [sources]);
  useRefreshWhenSourcesChange(sources);

  if (dataset.error) return <ErrorMessage error={dataset.error} />;
  const countLabel = count.data
    ? `${count.data.exact ? "" : "~"}${count.data.count.toLocaleString("en")} sample${count.data.count === 1 ? "" : "s"}`
    : "…";

  return (
    <>
      <PageHeader
        title={dataset.data?.name ?? "Dataset"}
        description={dataset.data ? `${dataset.data.sampleCount.toLocaleString("en")} samples${dataset.data.description ? ` · ${dataset.data.description}` : ""}` : undefined}
        action={
          canEdit && (
            <ButtonLink href={`/p/${project.slug}/datasets/import?dataset=${datasetId}`} variant="secondary">
              Import more data
            </ButtonLink>
          )
        }
      />
      <div className="grid items-start gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-3">
          <Panel title="Filters">
            <SampleFilters project={project.slug} datasetId={datasetId} sources={sources} />
          </Panel>
          <section aria-label="Samples" className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <header className="space-y-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
              <div className="flex items-center justify-between gap-3">
                <h2 className="text-sm font-semibold" aria-live="polite" data-testid="sample-count">
                  {countLabel}
                </h2>
                <LayoutToggle layout={view.layout} onChange={(layout) => changeView((current) => ({ ...current, layout }))} />
              </div>
              {canEdit && <BulkActions project={project.slug} datasetId={datasetId} filter={view.filter} countLabel={countLabel} />}
            </header>
            <SampleResults project={project.slug} datasetId={datasetId} view={view} sampleHref={sampleHref} sourceLabels={sourceLabels} />
          </section>
        </div>
        <div className="space-y-4">
          <Panel title="Sources">
            <SourcesList project={project.slug} sources={sources} />
          </Panel>
          <VersionsPanel project={project.slug} datasetId={datasetId} filter={view.filter} canEdit={canEdit} sampleHref={sampleHref} />
        </div>
      </div>
    </>
  );
}

/** Samples of a source become visible when its import finishes: reload the lists and counts then. */
function useRefreshWhenSourcesChange(sources: { id: string; status: string }[]) {
  const invalidate = useInvalidateSamples();
  const readySources = sources.filter((source) => source.status === "ready").map((source) => source.id).join(",");
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (seen.current !== null && seen.current !== readySources) void invalidate();
    seen.current = readySources;
  }, [readySources, invalidate]);
}
