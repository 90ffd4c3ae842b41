import { z } from "zod";
import { CliError } from "../errors";
import { plural, withoutControlCharacters } from "../output";

// The eval-import job's result (server/evaluations/import-lmms-eval.ts, EvalImportResult), checked rather than
// trusted: the CLI may talk to a server of another version.
const importedEvaluationSchema = z.object({
  evaluationId: z.string(),
  model: z.string(),
  tasks: z.array(z.string()),
  scores: z.number(),
  samples: z.record(z.string(), z.number()),
  skippedLines: z.array(z.string()),
  replaced: z.boolean(),
});
const evalImportResultSchema = z.object({ evaluations: z.array(importedEvaluationSchema), unpairedSamples: z.array(z.string()) });
export type EvalImportResult = z.infer<typeof evalImportResultSchema>;

export function parseEvalImportResult(runId: number, result: unknown): EvalImportResult {
  const parsed = evalImportResultSchema.safeParse(result);
  if (!parsed.success) throw new CliError(`Import run ${runId} succeeded, but its result is not one this mmr understands: is the CLI older than the server?`);
  return parsed.data;
}

/** The text summary: one paragraph per evaluation, then the samples files that were left out. */
export function formatEvalImportSummary(runId: number, result: EvalImportResult): string {
  const lines = [`Imported ${plural(result.evaluations.length, "evaluation")} (run ${runId}):`];
  for (const evaluation of result.evaluations) {
    // Sorted by task: the run's result is stored as jsonb, which does not keep the order of keys.
    const samples = Object.entries(evaluation.samples)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([task, count]) => `${task} ${count.toLocaleString("en")}`);
    lines.push(
      `  ${evaluation.model}: ${plural(evaluation.scores, "score")} over ${plural(evaluation.tasks.length, "task")} (${evaluation.tasks.join(", ")}); ` +
        `samples: ${samples.length > 0 ? samples.join(", ") : "none"}.`,
      `    evaluation ${evaluation.evaluationId}${evaluation.replaced ? ", replacing the earlier import of the same results file" : ""}`,
    );
    if (evaluation.skippedLines.length > 0) {
      lines.push(`    sample lines skipped:`, ...evaluation.skippedLines.map((line) => `      ${line}`));
    }
  }
  if (result.unpairedSamples.length > 0) {
    lines.push(`Not imported, no results file of the same date beside them: ${result.unpairedSamples.join(", ")}.`);
  }
  return lines.map(withoutControlCharacters).join("\n");
}
