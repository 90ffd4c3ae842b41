"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SafeMarkdown } from "@/components/datasets/safe-markdown";
import { TraceView } from "@/components/datasets/trace-view";
import { evaluationHref } from "@/components/leaderboard/routes";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { JsonDetails } from "./evaluation-facts";
import { extractedAnswerOf } from "./sample-metrics";
import { ScoreMark } from "./score-mark";

export type EvaluationSample = RouterOutputs["evaluations"]["sample"];

/** Model output rendered as a trace (think / answer sections, markdown, LaTeX), all as untrusted text. */
export function SampleResponse({ sample }: { sample: EvaluationSample }) {
  return sample.response ? <TraceView trace={sample.response} /> : <p className="text-sm text-zinc-500">The model gave an empty response.</p>;
}

/** Score, extracted answer and target: what decides whether a response counts as right. */
export function SampleVerdict({ sample }: { sample: EvaluationSample }) {
  const extracted = extractedAnswerOf(sample.metrics);
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] items-center gap-x-3 gap-y-1 text-sm">
      <dt className="text-zinc-500">Score</dt>
      <dd className="flex items-center gap-2">
        <ScoreMark score={sample.score} />
        {sample.score !== null && <span className="tabular-nums text-zinc-500">{sample.score}</span>}
      </dd>
      <dt className="text-zinc-500">Extracted</dt>
      <dd className="truncate font-mono text-xs" title={extracted ?? undefined}>
        {extracted ?? <span className="font-sans text-zinc-400">not recorded in the metrics</span>}
      </dd>
      <dt className="text-zinc-500">Target</dt>
      <dd className="truncate font-mono text-xs" title={sample.target ?? undefined}>
        {sample.target ?? <span className="font-sans text-zinc-400">none</span>}
      </dd>
    </dl>
  );
}

/** One sample of an evaluation: the question, the target, the full response with its trace rendered, and its metrics. */
export function EvaluationSampleView({ evaluationId, sampleId }: { evaluationId: string; sampleId: number }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const sample = useQuery(trpc.evaluations.sample.queryOptions({ project: project.slug, evaluationId, sampleId }));
  const evaluation = useQuery(trpc.evaluations.get.queryOptions({ project: project.slug, evaluationId }));

  if (sample.error) return <ErrorMessage error={sample.error} />;
  if (sample.isPending) return <p className="text-sm text-zinc-500">Loading the sample…</p>;
  const s = sample.data;
  return (
    <>
      <div className="mb-4">
        <Link href={evaluationHref(project.slug, evaluationId, s.task)} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          ← Samples of {s.task}
        </Link>
        <h1 className="mt-1 text-xl font-semibold">
          Document <span className="font-mono">{s.docId}</span>
          <span className="ml-2 text-base font-normal text-zinc-500">{evaluation.data?.model}</span>
        </h1>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <Panel title="Question">
            {s.input ? <SafeMarkdown text={s.input} /> : <p className="text-sm text-zinc-500">lmms-eval logged no input for this sample.</p>}
          </Panel>
          <Panel title="Target">
            {s.target ? <SafeMarkdown text={s.target} /> : <p className="text-sm text-zinc-500">This sample has no target.</p>}
          </Panel>
          <Panel title="Response">
            <SampleResponse sample={s} />
          </Panel>
        </div>
        <div className="space-y-4">
          <Panel title="Verdict">
            <SampleVerdict sample={s} />
          </Panel>
          <Panel title="Details">
            <div className="space-y-2">
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                <dt className="text-zinc-500">Task</dt>
                <dd className="truncate font-mono text-xs leading-5">{s.task}</dd>
                {s.docHash && (
                  <>
                    <dt className="text-zinc-500">Doc hash</dt>
                    <dd className="truncate font-mono text-xs leading-5" title={s.docHash}>
                      {s.docHash}
                    </dd>
                  </>
                )}
              </dl>
              <JsonDetails summary="Per-sample metrics" value={s.metrics} open />
              {s.resps != null && <JsonDetails summary="Raw responses (before filtering)" value={s.resps} />}
            </div>
          </Panel>
        </div>
      </div>
    </>
  );
}
