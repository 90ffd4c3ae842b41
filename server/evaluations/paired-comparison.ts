import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { evaluationSamples, evaluations, pairedComparisons } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { mcnemarExactP, pairedBootstrapInterval } from "./paired-statistics";

export interface PairedComparison {
  task: string;
  pairedSamples: number;
  accuracyA: number;
  accuracyB: number;
  /** Documents A got right and B wrong (regressions), and the reverse (improvements). */
  rightToWrong: { count: number; docIds: string[] };
  wrongToRight: { count: number; docIds: string[] };
  bootstrap: { difference: number; low: number; high: number; confidence: number };
  mcnemarP: number;
}

const listedFlips = 200;
// A sample counts as right when its headline score reaches this (scores are 0/1 for accuracy-style tasks).
const rightThreshold = 0.5;

/** Two evaluations on one task, document by document. Computed once per pair and task, then read from the cache. */
export async function comparePaired(db: Database, projectId: string, evaluationA: string, evaluationB: string, task: string): Promise<PairedComparison> {
  for (const id of [evaluationA, evaluationB]) {
    const [found] = await db.select({ id: evaluations.id }).from(evaluations).where(and(eq(evaluations.id, id), eq(evaluations.projectId, projectId)));
    if (!found) throw new DomainError("NOT_FOUND", `Evaluation ${id} does not exist in this project.`);
  }
  const [cached] = await db
    .select({ result: pairedComparisons.result })
    .from(pairedComparisons)
    .where(and(eq(pairedComparisons.evaluationA, evaluationA), eq(pairedComparisons.evaluationB, evaluationB), eq(pairedComparisons.task, task)));
  if (cached) return cached.result as PairedComparison;

  const a = alias(evaluationSamples, "a");
  const b = alias(evaluationSamples, "b");
  const pairs = await db
    .select({ docId: a.docId, scoreA: a.score, scoreB: b.score })
    .from(a)
    .innerJoin(b, and(eq(b.docId, a.docId), eq(b.task, a.task), eq(b.evaluationId, evaluationB)))
    .where(and(eq(a.evaluationId, evaluationA), eq(a.task, task), sql`${a.score} is not null and ${b.score} is not null`))
    .orderBy(a.docId);
  if (pairs.length === 0) throw new DomainError("BAD_REQUEST", `The two evaluations share no scored samples of task "${task}".`);

  const right = (score: number | null) => (score ?? 0) >= rightThreshold;
  const regressions = pairs.filter((p) => right(p.scoreA) && !right(p.scoreB)).map((p) => p.docId);
  const improvements = pairs.filter((p) => !right(p.scoreA) && right(p.scoreB)).map((p) => p.docId);
  const scoresA = pairs.map((p) => p.scoreA!);
  const scoresB = pairs.map((p) => p.scoreB!);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const result: PairedComparison = {
    task,
    pairedSamples: pairs.length,
    accuracyA: mean(scoresA),
    accuracyB: mean(scoresB),
    rightToWrong: { count: regressions.length, docIds: regressions.slice(0, listedFlips) },
    wrongToRight: { count: improvements.length, docIds: improvements.slice(0, listedFlips) },
    bootstrap: { ...pairedBootstrapInterval(scoresA, scoresB), confidence: 0.95 },
    mcnemarP: mcnemarExactP(regressions.length, improvements.length),
  };
  await db.insert(pairedComparisons).values({ evaluationA, evaluationB, task, result }).onConflictDoNothing();
  return result;
}
