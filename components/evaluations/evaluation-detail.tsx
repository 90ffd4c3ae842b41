"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { compareHref, evaluationHref, leaderboardHref } from "@/components/leaderboard/routes";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { EvaluationFacts } from "./evaluation-facts";
import { EvaluationSampleList } from "./evaluation-sample-list";

const numberFormat = new Intl.NumberFormat("en");

/** One evaluation: its harness facts, its scores per task, and the per-sample results of the task in the URL (?task=). */
export function EvaluationDetail({ evaluationId }: { evaluationId: string }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const evaluation = useQuery(trpc.evaluations.get.queryOptions({ project: project.slug, evaluationId }));
  const requestedTask = useSearchParams().get("task");

  if (evaluation.error) return <ErrorMessage error={evaluation.error} />;
  if (evaluation.isPending) return <p className="text-sm text-zinc-500">Loading the evaluation…</p>;
  const e = evaluation.data;
  const { scores, samples } = e;
  const tasks = [...new Set([...Object.keys(samples), ...scores.map((s) => s.task)])].sort((a, b) => (samples[b] ?? 0) - (samples[a] ?? 0) || a.localeCompare(b));
  const task = requestedTask && tasks.includes(requestedTask) ? requestedTask : tasks[0];
  const taskScores = scores.filter((s) => s.task === task);

  return (
    <>
      <div className="mb-4">
        <Link href={leaderboardHref(project.slug)} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
          ← Leaderboard
        </Link>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-semibold">{e.model}</h1>
            <p className="text-sm text-zinc-500">
              {e.format === "table" ? `Reference figures from ${e.label}` : `lmms-eval run of ${e.startedAt?.replace("T", " ") ?? e.dateId ?? "an unknown date"}`}
            </p>
          </div>
          {task && samples[task] && (
            <ButtonLink href={compareHref(project.slug, { a: evaluationId, task })} variant="secondary">
              Compare on {task} with another model
            </ButtonLink>
          )}
        </div>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          {tasks.length > 1 && (
            <nav aria-label="Tasks" className="flex flex-wrap gap-1">
              {tasks.map((t) => (
                <Link
                  key={t}
                  href={evaluationHref(project.slug, evaluationId, t)}
                  aria-current={t === task ? "page" : undefined}
                  className={`rounded-md px-2.5 py-1 font-mono text-xs ${t === task ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
                >
                  {t}
                  {samples[t] !== undefined && <span className="ml-1 text-zinc-400">{numberFormat.format(samples[t])}</span>}
                </Link>
              ))}
            </nav>
          )}
          {task ? (
            <Panel title={`Samples of ${task}${samples[task] ? ` (${numberFormat.format(samples[task])})` : ""}`}>
              <EvaluationSampleList project={project.slug} evaluationId={evaluationId} task={task} />
            </Panel>
          ) : (
            <EmptyState title="This evaluation has no tasks.">Import the lmms-eval output again; its results file lists no task.</EmptyState>
          )}
        </div>
        <div className="space-y-4">
          {taskScores.length > 0 && (
            <Panel title={`Scores of ${task}`}>
              <table className="w-full text-sm">
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {taskScores.map((s) => (
                    <tr key={`${s.metric},${s.filter}`}>
                      <td className="py-1 pr-2 font-mono text-xs">
                        {s.metric}
                        {s.filter !== "none" && <span className="text-zinc-400">,{s.filter}</span>}
                      </td>
                      <td className="py-1 text-right tabular-nums">{s.value === null ? <span className="text-zinc-400">n/a</span> : `${Math.round(s.value * 10000) / 10000}${s.reproduced ? "†" : ""}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Panel>
          )}
          <Panel title="Harness">
            <EvaluationFacts project={project.slug} evaluation={e} />
          </Panel>
        </div>
      </div>
    </>
  );
}
