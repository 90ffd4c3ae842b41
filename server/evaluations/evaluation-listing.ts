import "server-only";
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { evaluationSamples, evaluationScores, evaluations, models } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { groupBy } from "@/server/group-by";
import { DomainError } from "@/server/errors";

/** Every evaluation of a project with its model, metric values and per-task sample counts. */
export async function listEvaluations(db: Database, projectId: string) {
  const rows = await db
    .select({
      id: evaluations.id,
      label: evaluations.label,
      format: evaluations.format,
      model: models.name,
      modelSource: models.source,
      dateId: evaluations.dateId,
      lmmsEvalVersion: evaluations.lmmsEvalVersion,
      gitHash: evaluations.gitHash,
      runId: evaluations.runId,
      createdAt: evaluations.createdAt,
    })
    .from(evaluations)
    .innerJoin(models, eq(models.id, evaluations.modelId))
    .where(eq(evaluations.projectId, projectId))
    .orderBy(desc(evaluations.createdAt));
  return withResults(db, rows);
}

/** One evaluation with every harness fact, its metric values and per-task sample counts. */
export async function getEvaluation(db: Database, projectId: string, evaluationId: string) {
  const [evaluation] = await withResults(db, [await findEvaluation(db, projectId, evaluationId)]);
  return evaluation;
}

/** The evaluation's row and model name; NOT_FOUND when it is not in this project. */
async function findEvaluation(db: Database, projectId: string, evaluationId: string) {
  const [row] = await db
    .select({ evaluation: evaluations, model: models.name })
    .from(evaluations)
    .innerJoin(models, eq(models.id, evaluations.modelId))
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.projectId, projectId)));
  if (!row) throw new DomainError("NOT_FOUND", `Evaluation ${evaluationId} does not exist in this project.`);
  return { ...row.evaluation, model: row.model };
}

/**
 * Adds each evaluation's metric values (fractions; null for "N/A" and object-valued metrics) and its sample count per
 * task: what the evaluation list, one evaluation's page and `mmr eval list --json` show.
 */
async function withResults<T extends { id: string }>(db: Database, rows: T[]) {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const scores = await db
    .select({ evaluationId: evaluationScores.evaluationId, task: evaluationScores.task, metric: evaluationScores.metric, filter: evaluationScores.filter, value: evaluationScores.value, reproduced: evaluationScores.reproduced })
    .from(evaluationScores)
    .where(inArray(evaluationScores.evaluationId, ids))
    .orderBy(asc(evaluationScores.task), asc(evaluationScores.metric), asc(evaluationScores.filter));
  const counts = await db
    .select({ evaluationId: evaluationSamples.evaluationId, task: evaluationSamples.task, samples: sql<number>`count(*)::int` })
    .from(evaluationSamples)
    .where(inArray(evaluationSamples.evaluationId, ids))
    .groupBy(evaluationSamples.evaluationId, evaluationSamples.task);
  const scoresOf = groupBy(scores, (score) => score.evaluationId);
  const countsOf = groupBy(counts, (count) => count.evaluationId);
  return rows.map((row) => ({
    ...row,
    scores: (scoresOf.get(row.id) ?? []).map(({ evaluationId, ...score }) => score),
    samples: Object.fromEntries((countsOf.get(row.id) ?? []).map((c) => [c.task, c.samples])),
  }));
}

/** Per-sample results of one task, keyset-paginated by row id; `docIds` narrows to chosen documents (e.g. flips). */
export async function listEvaluationSamples(
  db: Database,
  projectId: string,
  query: { evaluationId: string; task: string; afterId?: number | null; limit: number; docIds?: string[] },
) {
  await findEvaluation(db, projectId, query.evaluationId);
  const rows = await db
    .select({
      id: evaluationSamples.id,
      docId: evaluationSamples.docId,
      target: sql<string | null>`left(${evaluationSamples.target}, 200)`,
      response: sql<string | null>`left(${evaluationSamples.response}, 300)`,
      score: evaluationSamples.score,
    })
    .from(evaluationSamples)
    .where(
      and(
        eq(evaluationSamples.evaluationId, query.evaluationId),
        eq(evaluationSamples.task, query.task),
        query.afterId ? gt(evaluationSamples.id, query.afterId) : undefined,
        query.docIds ? inArray(evaluationSamples.docId, query.docIds) : undefined,
      ),
    )
    .orderBy(asc(evaluationSamples.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const items = hasMore ? rows.slice(0, query.limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}

export async function getEvaluationSample(db: Database, projectId: string, evaluationId: string, sampleId: number) {
  await findEvaluation(db, projectId, evaluationId);
  const [sample] = await db
    .select()
    .from(evaluationSamples)
    .where(and(eq(evaluationSamples.evaluationId, evaluationId), eq(evaluationSamples.id, sampleId)));
  if (!sample) throw new DomainError("NOT_FOUND", `Sample ${sampleId} is not part of this evaluation.`);
  return sample;
}
