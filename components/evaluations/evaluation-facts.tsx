import Link from "next/link";
import type { RouterOutputs } from "@/components/trpc/client";
import { TimeAgo } from "@/components/ui/time";

type Evaluation = RouterOutputs["evaluations"]["get"];

/** The harness facts kept with an evaluation: where, when and with what it was produced. */
export function EvaluationFacts({ project, evaluation }: { project: string; evaluation: Evaluation }) {
  const facts: [string, React.ReactNode][] = [
    ["Format", evaluation.format === "table" ? "results table" : evaluation.format],
    ["Started", evaluation.startedAt?.replace("T", " ") ?? evaluation.dateId],
    ["lmms-eval", evaluation.lmmsEvalVersion],
    ["Git hash", evaluation.gitHash && <span className="font-mono text-xs">{evaluation.gitHash}</span>],
    [
      "Run",
      evaluation.runId && (
        <Link href={`/p/${project}/runs/${evaluation.runId}`} className="text-indigo-600 hover:underline dark:text-indigo-400">
          #{evaluation.runId}
        </Link>
      ),
    ],
    ["Imported", <TimeAgo key="imported" date={evaluation.createdAt} />],
  ];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-500">{label}</dt>
              <dd className="min-w-0 truncate">{value}</dd>
            </div>
          ))}
      </dl>
      {evaluation.modelArgs != null && <JsonDetails summary="Model arguments" value={evaluation.modelArgs} />}
      <JsonDetails summary="Harness facts (task hashes, configs, sample counts)" value={evaluation.harness} />
    </div>
  );
}

/** JSON as escaped text, folded away until asked for. */
export function JsonDetails({ summary, value, open = false }: { summary: string; value: unknown; open?: boolean }) {
  return (
    <details open={open} className="text-sm">
      <summary className="cursor-pointer text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100">{summary}</summary>
      <pre className="mt-1 max-h-80 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs leading-5 dark:bg-zinc-950">{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
