import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/routers/_app";
import type { Column } from "../output";

type RouterOutputs = inferRouterOutputs<AppRouter>;
export type Evaluation = RouterOutputs["evaluations"]["list"][number];
type Benchmark = RouterOutputs["evaluations"]["benchmarks"][number];
type Score = Evaluation["scores"][number];

/** One line of `mmr eval list`: an evaluation's task with its main score. */
export interface EvaluationTaskRow {
  model: string;
  date: string;
  source: string;
  task: string;
  score: Score | null;
  samples: number | null;
}

export const evaluationTaskColumns: Column<EvaluationTaskRow>[] = [
  { header: "MODEL", value: (row) => row.model },
  { header: "DATE", value: (row) => row.date },
  { header: "SOURCE", value: (row) => row.source },
  { header: "TASK", value: (row) => row.task },
  { header: "METRIC", value: (row) => (row.score ? metricName(row.score) : "–") },
  { header: "SCORE %", value: (row) => (row.score?.value == null ? "–" : `${(row.score.value * 100).toFixed(1)}${row.score.reproduced ? "†" : ""}`) },
  { header: "SAMPLES", value: (row) => (row.samples === null ? "–" : row.samples.toLocaleString("en")) },
];

/** What `--json` prints: the server's evaluations, each with the list of its tasks (from its scores and its samples). */
export function evaluationsJson(evaluations: Evaluation[]) {
  return evaluations.map((evaluation) => ({ ...evaluation, tasks: tasksOf(evaluation) }));
}

/**
 * The evaluations task by task. A task's main score is the metric the benchmark catalog reads for it, else the first
 * metric with a value in the order the results file gives them; lmms-eval reports several per task (filters, rates).
 */
export function evaluationTaskRows(evaluations: Evaluation[], catalog: Benchmark[]): EvaluationTaskRow[] {
  return evaluations.flatMap((evaluation): EvaluationTaskRow[] => {
    const shared = { model: evaluation.model, date: evaluationDate(evaluation), source: evaluation.format === "table" ? evaluation.label : evaluation.format };
    const tasks = tasksOf(evaluation);
    if (tasks.length === 0) return [{ ...shared, task: "–", score: null, samples: null }];
    return tasks.map((task) => {
      const scores = evaluation.scores.filter((score) => score.task === task);
      const catalogued = catalog.find((benchmark) => benchmark.task === task);
      const main =
        scores.find((score) => catalogued && score.metric === catalogued.metric && score.filter === catalogued.filter) ??
        scores.find((score) => score.value !== null) ??
        null;
      return { ...shared, task, score: main, samples: evaluation.samples[task] ?? null };
    });
  });
}

function tasksOf(evaluation: Evaluation): string[] {
  return [...new Set([...evaluation.scores.map((score) => score.task), ...Object.keys(evaluation.samples)])].sort();
}

function metricName(score: Score): string {
  return score.filter === "none" ? score.metric : `${score.metric} (${score.filter})`;
}

// lmms-eval's date ids: `YYYYMMDD_HHMMSS`, or lm-eval-harness's ISO time with '-' for ':'.
const dateIdPattern = /^(\d{4})-?(\d{2})-?(\d{2})[_T](\d{2})-?(\d{2})/;

/** When the evaluation ran (the machine's local time, from its date id); for a table, when it was imported. */
function evaluationDate(evaluation: Evaluation): string {
  const match = evaluation.dateId ? dateIdPattern.exec(evaluation.dateId) : null;
  if (match) return `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}`;
  return evaluation.createdAt.toISOString().slice(0, 16).replace("T", " ");
}
