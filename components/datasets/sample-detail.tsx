"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { ImageGallery, ImageZoom, type SampleImage } from "./image-gallery";
import { SafeMarkdown } from "./safe-markdown";
import { SampleCuration } from "./sample-curation";
import { VerdictBadge } from "./sample-summary";
import { answerKindLabels } from "./sample-view-params";
import { TraceView } from "./trace-view";
import { useSampleKeys } from "./use-sample-keys";
import { useSampleView } from "./use-sample-view";

/** One sample at its permalink; the query string carries the list's filter, so j / k walk the same list. */
export function SampleDetail({ datasetId, sampleId }: { datasetId: string; sampleId: number }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const router = useRouter();
  const { view, query } = useSampleView();
  const input = { project: project.slug, datasetId, sampleId };
  const sample = useQuery(trpc.samples.get.queryOptions(input));
  const neighbours = useQuery(trpc.samples.neighbours.queryOptions({ ...input, filter: view.filter, sort: view.sort }));
  const [zoomed, setZoomed] = useState<SampleImage | null>(null);

  const base = `/p/${project.slug}/datasets/${datasetId}`;
  const suffix = query ? `?${query}` : "";
  const listHref = `${base}${suffix}`;
  const { previousId, nextId } = neighbours.data ?? { previousId: null, nextId: null };
  const goTo = useCallback((id: number | null) => (id === null ? undefined : () => router.push(`${base}/samples/${id}${suffix}`)), [router, base, suffix]);
  const back = useCallback(() => router.push(listHref), [router, listHref]);
  useSampleKeys({ next: goTo(nextId), previous: goTo(previousId), back }, zoomed === null);
  const closeZoom = useCallback(() => setZoomed(null), []);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <Link href={listHref} className="text-sm text-indigo-600 hover:underline">
            ← Back to the list <kbd className="ml-1 text-xs text-zinc-400">Esc</kbd>
          </Link>
          <h1 className="mt-1 text-xl font-semibold">
            Sample <span className="font-mono">#{sampleId}</span>
          </h1>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" disabled={previousId === null} onClick={goTo(previousId)}>
            ← Previous <kbd className="text-xs text-zinc-400">k</kbd>
          </Button>
          <Button variant="secondary" disabled={nextId === null} onClick={goTo(nextId)}>
            Next <kbd className="text-xs text-zinc-400">j</kbd> →
          </Button>
        </div>
      </div>
      {sample.error && <ErrorMessage error={sample.error} />}
      {sample.isPending && <p className="text-sm text-zinc-500">Loading the sample…</p>}
      {sample.data && (
        <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
          <div className="min-w-0 space-y-4">
            {sample.data.images.length > 0 && (
              <Panel title="Images">
                <ImageGallery images={sample.data.images} onZoom={setZoomed} />
              </Panel>
            )}
            <Panel title="Question">
              <SafeMarkdown text={sample.data.question} />
            </Panel>
            <Panel title="Gold answer">
              {sample.data.answer ? <SafeMarkdown text={sample.data.answer} /> : <p className="text-sm text-zinc-500">This sample has no gold answer.</p>}
            </Panel>
            <Panel title="Reasoning trace">
              {sample.data.trace ? <TraceView trace={sample.data.trace} /> : <p className="text-sm text-zinc-500">This sample has no reasoning trace.</p>}
            </Panel>
            {sample.data.systemPrompt && (
              // Usually the same recipe prompt on every sample: folded away unless asked for.
              <details className="rounded-lg border border-zinc-200 bg-white px-4 py-2.5 dark:border-zinc-800 dark:bg-zinc-900">
                <summary className="cursor-pointer text-sm font-semibold">System prompt</summary>
                <p className="mt-2 whitespace-pre-wrap text-sm text-zinc-600 dark:text-zinc-400">{sample.data.systemPrompt}</p>
              </details>
            )}
          </div>
          <div className="space-y-4">
            <Panel title="Details">
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                <dt className="text-zinc-500">Source</dt>
                <dd className="truncate font-mono text-xs leading-5">{sample.data.sourceLabel}</dd>
                <dt className="text-zinc-500">Row</dt>
                <dd className="tabular-nums">{sample.data.rowNumber.toLocaleString("en")}</dd>
                {sample.data.externalId && (
                  <>
                    <dt className="text-zinc-500">Id</dt>
                    <dd className="truncate font-mono text-xs leading-5">{sample.data.externalId}</dd>
                  </>
                )}
                <dt className="text-zinc-500">Answer kind</dt>
                <dd>{answerKindLabels[sample.data.answerKind]}</dd>
                <dt className="text-zinc-500">Verdict</dt>
                <dd>{sample.data.verdict === null ? <span className="text-zinc-500">not judged</span> : <VerdictBadge verdict={sample.data.verdict} />}</dd>
                <dt className="text-zinc-500">Trace</dt>
                <dd className="tabular-nums">{sample.data.traceLength.toLocaleString("en")} chars</dd>
              </dl>
            </Panel>
            <Panel title="Curation">
              <SampleCuration project={project.slug} datasetId={datasetId} sample={sample.data} canEdit={project.role !== "viewer"} />
            </Panel>
          </div>
        </div>
      )}
      {zoomed && <ImageZoom image={zoomed} onClose={closeZoom} />}
    </>
  );
}
