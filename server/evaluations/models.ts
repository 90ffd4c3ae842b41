import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { models } from "@/db/schema";
import type { Database } from "@/server/db/client";

export type Model = typeof models.$inferSelect;

/** The model of that name and source in a project, created on first use. */
export async function findOrCreateModel(
  db: Database,
  input: { projectId: string; name: string; source: Model["source"]; sourceLabel?: string; sftData?: string | null; rlData?: string | null },
): Promise<Model> {
  const sourceLabel = input.sourceLabel ?? "";
  await db
    .insert(models)
    .values({ projectId: input.projectId, name: input.name, source: input.source, sourceLabel, sftData: input.sftData ?? null, rlData: input.rlData ?? null })
    .onConflictDoNothing();
  const [model] = await db
    .select()
    .from(models)
    .where(and(eq(models.projectId, input.projectId), eq(models.name, input.name), eq(models.sourceLabel, sourceLabel)));
  return model;
}

export async function listModels(db: Database, projectId: string) {
  return db.select().from(models).where(eq(models.projectId, projectId)).orderBy(asc(models.name));
}

/** Notes that a model was evaluated from a training run's checkpoint (its lineage keeps every such run). */
export async function recordCheckpointLineage(db: Database, modelId: string, runId: number) {
  await db
    .update(models)
    .set({
      lineage: sql`jsonb_set(${models.lineage}, '{trainingRuns}', (
        select coalesce(jsonb_agg(distinct r), '[]'::jsonb)
        from jsonb_array_elements(coalesce(${models.lineage}->'trainingRuns', '[]'::jsonb) || to_jsonb(${runId}::bigint)) as r))`,
    })
    .where(eq(models.id, modelId));
}
