import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { benchmarks, evaluationSamples, evaluationScores, evaluations, models } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { listBenchmarks } from "./catalog";
import { exportLeaderboard, type ExportFormat } from "./leaderboard-export";
import type { LeaderboardCell, LeaderboardData } from "./leaderboard-view";

/**
 * Models × catalog benchmarks. Where a model has several evaluations with a score for a benchmark, the newest counts
 * unless `chosenEvaluations` names one for that model. Standard errors come from the harness, else from per-sample scores.
 */
export async function getLeaderboard(db: Database, projectId: string, options: { chosenEvaluations?: Record<string, string> } = {}): Promise<LeaderboardData> {
  const catalog = await listBenchmarks(db, projectId);
  const evaluationRows = await db
    .select({ id: evaluations.id, modelId: evaluations.modelId, label: evaluations.label, createdAt: evaluations.createdAt })
    .from(evaluations)
    .where(eq(evaluations.projectId, projectId));
  // One row per score: a narrow one, as a project's table runs to tens of thousands of scores.
  const scoreRows = await db
    .select({
      evaluationId: evaluationScores.evaluationId,
      key: benchmarks.key,
      task: evaluationScores.task,
      value: evaluationScores.value,
      stderr: evaluationScores.stderr,
      reproduced: evaluationScores.reproduced,
    })
    .from(evaluationScores)
    .innerJoin(evaluations, eq(evaluations.id, evaluationScores.evaluationId))
    .innerJoin(
      benchmarks,
      and(eq(benchmarks.projectId, evaluations.projectId), eq(benchmarks.task, evaluationScores.task), eq(benchmarks.metric, evaluationScores.metric), eq(benchmarks.filter, evaluationScores.filter)),
    )
    .where(and(eq(evaluations.projectId, projectId), sql`${evaluationScores.value} is not null`));

  const sampleStderrs = await perSampleStandardErrors(db, [...new Set(scoreRows.map((r) => r.evaluationId))]);
  const evaluationOf = new Map(evaluationRows.map((e) => [e.id, e]));
  const scoresByModel = new Map<string, (typeof scoreRows)[number][]>();
  for (const row of scoreRows) {
    const modelId = evaluationOf.get(row.evaluationId)!.modelId;
    const mine = scoresByModel.get(modelId);
    if (mine) mine.push(row);
    else scoresByModel.set(modelId, [row]);
  }
  const modelRows = await db.select().from(models).where(eq(models.projectId, projectId)).orderBy(asc(models.name));
  const rows = modelRows.map((model) => {
    const mine = scoresByModel.get(model.id) ?? [];
    // A choice naming an evaluation this model does not have (an old link) is ignored, not an empty row.
    const requested = options.chosenEvaluations?.[model.id];
    const chosen = requested && mine.some((r) => r.evaluationId === requested) ? requested : undefined;
    const evaluationsOfModel = [...new Set(mine.map((r) => r.evaluationId))].map((id) => ({ id, label: evaluationOf.get(id)!.label }));
    const evaluationIndex = new Map(evaluationsOfModel.map((e, index) => [e.id, index]));
    const cells: Record<string, LeaderboardCell> = {};
    const cellDates: Record<string, Date> = {};
    for (const row of mine) {
      if (chosen && row.evaluationId !== chosen) continue;
      const { createdAt } = evaluationOf.get(row.evaluationId)!;
      const newest = cellDates[row.key];
      if (newest && newest >= createdAt) continue;
      cellDates[row.key] = createdAt;
      cells[row.key] = {
        value: row.value!,
        stderr: row.stderr ?? sampleStderrs.get(`${row.evaluationId}/${row.task}`) ?? null,
        reproduced: row.reproduced,
        evaluation: evaluationIndex.get(row.evaluationId)!,
      };
    }
    return {
      model: { id: model.id, name: model.name, source: model.source, sourceLabel: model.sourceLabel, baseModel: model.baseModel, sftData: model.sftData, rlData: model.rlData },
      evaluations: evaluationsOfModel,
      cells,
    };
  });
  return {
    benchmarks: catalog.map((b) => ({ key: b.key, label: b.label, task: b.task, modality: b.modality, higherIsBetter: b.higherIsBetter })),
    rows: rows.filter((r) => Object.keys(r.cells).length > 0),
  };
}

/** The standard error of each evaluation task's per-sample scores, by "<evaluation>/<task>". */
async function perSampleStandardErrors(db: Database, evaluationIds: string[]): Promise<Map<string, number | null>> {
  if (evaluationIds.length === 0) return new Map();
  const stats = await db
    .select({
      evaluationId: evaluationSamples.evaluationId,
      task: evaluationSamples.task,
      stderr: sql<number | null>`stddev_samp(${evaluationSamples.score}) / sqrt(nullif(count(${evaluationSamples.score}), 0))`,
    })
    .from(evaluationSamples)
    .where(inArray(evaluationSamples.evaluationId, evaluationIds))
    .groupBy(evaluationSamples.evaluationId, evaluationSamples.task);
  return new Map(stats.map((s) => [`${s.evaluationId}/${s.task}`, s.stderr === null ? null : Number(s.stderr)]));
}

/**
 * The leaderboard as text. Columns default to the catalog benchmarks that have a score; the baseline is named by
 * model name or id.
 */
export async function exportProjectLeaderboard(
  db: Database,
  projectId: string,
  options: { format: ExportFormat; columns?: string[]; averageOver?: string[]; baselineModel?: string; chosenEvaluations?: Record<string, string> },
): Promise<string> {
  const data = await getLeaderboard(db, projectId, { chosenEvaluations: options.chosenEvaluations });
  const known = new Set(data.benchmarks.map((b) => b.key));
  const unknown = [...(options.columns ?? []), ...(options.averageOver ?? [])].filter((key) => !known.has(key));
  if (unknown.length > 0) throw new DomainError("BAD_REQUEST", `Unknown benchmark keys: ${unknown.join(", ")}. Known: ${[...known].join(", ")}.`);
  const columns = options.columns ?? data.benchmarks.filter((b) => data.rows.some((r) => r.cells[b.key])).map((b) => b.key);
  const baseline = data.rows.find((r) => r.model.name === options.baselineModel || r.model.id === options.baselineModel);
  if (options.baselineModel && !baseline) throw new DomainError("NOT_FOUND", `No model named "${options.baselineModel}" on this leaderboard.`);
  return exportLeaderboard(data, { columns, averageOver: options.averageOver ?? [], baselineModelId: baseline?.model.id }, options.format);
}
