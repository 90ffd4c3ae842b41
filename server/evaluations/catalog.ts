import "server-only";
import { asc, count, eq } from "drizzle-orm";
import { benchmarks } from "@/db/schema";
import type { Database } from "@/server/db/client";

export type Benchmark = typeof benchmarks.$inferSelect;

// The OpenMMReasoner evaluation suite and the lmms-eval task + metric each column comes from (the recipe's eval script).
export const recipeBenchmarks = [
  { key: "mathvista_testmini", label: "MathVista testmini", task: "mathvista_testmini_cot_reward", metric: "acc_score" },
  { key: "mathvision_test", label: "MathVision test", task: "mathvision_reason_test_reward", metric: "acc_score" },
  { key: "mathvision_testmini", label: "MathVision testmini", task: "mathvision_reason_testmini_reward", metric: "acc_score" },
  { key: "mathverse_testmini", label: "MathVerse testmini", task: "mathverse_testmini_reward", metric: "acc_score" },
  { key: "dynamath_worst", label: "DynaMath worst", task: "dynamath", metric: "dynamath_worst" },
  { key: "wemath_loose", label: "WeMath loose", task: "wemath_testmini_thinking", metric: "wemath_loose" },
  { key: "logicvista_test", label: "LogicVista", task: "logicvista_thinking", metric: "acc_score" },
  { key: "mmmu_val", label: "MMMU val", task: "mmmu_reasoning_reward", metric: "acc_score" },
  { key: "mmmu_pro_standard", label: "MMMU-Pro standard", task: "mmmu_pro_standard_cot_reward", metric: "acc_score" },
  { key: "mmmu_pro_vision", label: "MMMU-Pro vision", task: "mmmu_pro_vision_cot_reward", metric: "acc_score" },
  { key: "charxiv_reasoning", label: "CharXiv reasoning", task: "charxiv_val_reasoning_cot", metric: "acc_score" },
  { key: "charxiv_descriptive", label: "CharXiv descriptive", task: "charxiv_val_descriptive_cot", metric: "acc_score" },
  { key: "gpqa_diamond", label: "GPQA diamond", task: "gpqa_diamond_thinking", metric: "acc_score", modality: "text" },
  { key: "aime", label: "AIME (avg@8)", task: "aime_agg8", metric: "avg@8", modality: "text" },
];

/** A project's catalog; a project that has none yet gets the recipe's suite. */
export async function listBenchmarks(db: Database, projectId: string): Promise<Benchmark[]> {
  const [{ total }] = await db.select({ total: count() }).from(benchmarks).where(eq(benchmarks.projectId, projectId));
  if (total === 0) {
    await db
      .insert(benchmarks)
      .values(recipeBenchmarks.map((b, position) => ({ ...b, projectId, position })))
      .onConflictDoNothing();
  }
  return db.select().from(benchmarks).where(eq(benchmarks.projectId, projectId)).orderBy(asc(benchmarks.position), asc(benchmarks.key));
}

export async function saveBenchmark(
  db: Database,
  projectId: string,
  input: { key: string; label: string; task: string; metric: string; filter?: string; modality?: string; higherIsBetter?: boolean; position?: number },
) {
  const values = { ...input, projectId, filter: input.filter ?? "none" };
  const [saved] = await db
    .insert(benchmarks)
    .values(values)
    .onConflictDoUpdate({ target: [benchmarks.projectId, benchmarks.key], set: values })
    .returning();
  return saved;
}
