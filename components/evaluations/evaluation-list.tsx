"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { evaluationHref } from "@/components/leaderboard/routes";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeAgo } from "@/components/ui/time";

/**
 * Every evaluation of the project with its tasks and sample counts, catalogued or not: a task outside the catalog
 * has no leaderboard column but is listed here, and its samples open from here.
 */
export function EvaluationList({ project }: { project: string }) {
  const trpc = useTRPC();
  const evaluations = useQuery(trpc.evaluations.list.queryOptions({ project }));
  if (evaluations.isPending) return <p className="text-sm text-zinc-500">Loading evaluations…</p>;
  if (evaluations.error) return <p className="text-sm text-red-600">{evaluations.error.message}</p>;
  const harnessRuns = evaluations.data.filter((e) => e.format !== "table");
  const tables = evaluations.data.length - harnessRuns.length;
  if (harnessRuns.length === 0) {
    return (
      <EmptyState title="No lmms-eval output imported yet.">
        Upload an output folder above{tables > 0 ? `; the ${tables} reference rows from tables are on the leaderboard` : ""}.
      </EmptyState>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-zinc-500">
        <tr>
          <th className="py-2 pr-3 font-medium">Evaluation</th>
          <th className="py-2 pr-3 font-medium">Tasks (samples)</th>
          <th className="w-36 py-2 font-medium">Imported</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {harnessRuns.map((e) => {
          const tasks = [...new Set(e.scores.map((s) => s.task))];
          return (
            <tr key={e.id}>
              <td className="py-2 pr-3">
                <Link href={evaluationHref(project, e.id)} className="font-medium hover:underline">
                  {e.model}
                </Link>
                <p className="text-xs text-zinc-500">
                  {e.dateId}
                  {e.lmmsEvalVersion && ` · lmms-eval ${e.lmmsEvalVersion}`}
                </p>
              </td>
              <td className="py-2 pr-3">
                <ul className="flex flex-wrap gap-1">
                  {tasks.map((task) => (
                    <li key={task}>
                      <Link href={evaluationHref(project, e.id, task)} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs hover:bg-zinc-200 dark:bg-zinc-800 dark:hover:bg-zinc-700">
                        {task}
                        {e.samples[task] !== undefined && <span className="text-zinc-500"> ({e.samples[task].toLocaleString("en")})</span>}
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="py-2 text-zinc-500">
                <TimeAgo date={e.createdAt} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
