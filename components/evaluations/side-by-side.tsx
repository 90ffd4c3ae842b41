"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { SafeMarkdown } from "@/components/datasets/safe-markdown";
import { compareHref, evaluationSampleHref } from "@/components/leaderboard/routes";
import { useTRPC } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { SampleResponse, SampleVerdict } from "./evaluation-sample-view";

/** One evaluation's sample of a document: the samples query finds its id by doc id, then the sample loads whole. */
function useSampleOfDoc(project: string, evaluationId: string, task: string, docId: string) {
  const trpc = useTRPC();
  const found = useQuery(trpc.evaluations.samples.queryOptions({ project, evaluationId, task, docIds: [docId], limit: 1 }));
  const sampleId = found.data?.items[0]?.id;
  const sample = useQuery(trpc.evaluations.sample.queryOptions({ project, evaluationId, sampleId: sampleId ?? 0 }, { enabled: sampleId !== undefined }));
  const missing = found.isSuccess && sampleId === undefined;
  return { sample: sample.data, error: found.error ?? sample.error, missing };
}

/** The same document answered by A and by B: question and target once, the two responses beside each other. */
export function SideBySide({ project, a, b, task, docId, nameA, nameB }: { project: string; a: string; b: string; task: string; docId: string; nameA: string; nameB: string }) {
  const left = useSampleOfDoc(project, a, task, docId);
  const right = useSampleOfDoc(project, b, task, docId);
  const question = left.sample ?? right.sample;
  // Opened from a list further down the page: bring the two responses into view.
  const section = useRef<HTMLElement>(null);
  useEffect(() => section.current?.scrollIntoView({ block: "start", behavior: "smooth" }), []);
  return (
    <section ref={section} aria-label={`Document ${docId} side by side`} className="space-y-4 rounded-lg border-2 border-indigo-200 p-4 dark:border-indigo-900">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-base font-semibold">
          Document <span className="font-mono">{docId}</span>
        </h2>
        <Link href={compareHref(project, { a, b, task })} scroll={false} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          Close
        </Link>
      </div>
      {question && (
        <Panel title="Question">
          {question.input ? <SafeMarkdown text={question.input} /> : <p className="text-sm text-zinc-500">lmms-eval logged no input for this sample.</p>}
        </Panel>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {[
          { side: "A", name: nameA, evaluationId: a, found: left },
          { side: "B", name: nameB, evaluationId: b, found: right },
        ].map(({ side, name, evaluationId, found }) => (
          <section key={side} aria-label={`Response of ${side}`} className="min-w-0 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
            <header className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
              <h3 className="truncate text-sm font-semibold">
                {side}: {name}
              </h3>
              {found.sample && (
                <Link href={evaluationSampleHref(project, evaluationId, found.sample.id, task)} className="shrink-0 text-xs text-indigo-600 hover:underline dark:text-indigo-400">
                  Open sample
                </Link>
              )}
            </header>
            <div className="space-y-3 p-4">
              <ErrorMessage error={found.error} />
              {found.missing && <p className="text-sm text-zinc-500">This evaluation has no sample for document {docId}.</p>}
              {found.sample ? (
                <>
                  <SampleVerdict sample={found.sample} />
                  <div className="border-t border-zinc-100 pt-3 dark:border-zinc-800">
                    <SampleResponse sample={found.sample} />
                  </div>
                </>
              ) : (
                !found.missing && !found.error && <p className="text-sm text-zinc-500">Loading…</p>
              )}
            </div>
          </section>
        ))}
      </div>
    </section>
  );
}
