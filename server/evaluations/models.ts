import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { models } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";

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

/** What a project member may correct about a model; null clears a fact. */
export interface ModelFacts {
  name: string;
  baseModel: string | null;
  sftData: string | null;
  rlData: string | null;
  /** Where a reference model's figures come from; a model evaluated here has none. */
  sourceLabel: string;
}

/**
 * Changes the facts given and keeps the others. A model evaluated here keeps an empty source label, so that the next
 * import under its name finds it; a reference model keeps a non-empty one. Two models of one name need different sources.
 */
export async function updateModel(db: Database, projectId: string, modelId: string, change: Partial<ModelFacts>): Promise<Model> {
  return db.transaction(async (tx) => {
    const [model] = await tx.select().from(models).where(and(eq(models.id, modelId), eq(models.projectId, projectId)));
    if (!model) throw new DomainError("NOT_FOUND", `Model ${modelId} does not exist in this project.`);
    const name = change.name ?? model.name;
    const sourceLabel = change.sourceLabel ?? model.sourceLabel;
    if (model.source === "evaluated" && sourceLabel !== "") {
      throw new DomainError("BAD_REQUEST", `${model.name} was evaluated here: its figures have no other source to name.`);
    }
    if (model.source === "reference" && sourceLabel === "") throw new DomainError("BAD_REQUEST", "Name where the reference figures come from.");
    const [clash] = await tx
      .select({ id: models.id })
      .from(models)
      .where(and(eq(models.projectId, projectId), eq(models.name, name), eq(models.sourceLabel, sourceLabel), ne(models.id, modelId)));
    if (clash) {
      const from = sourceLabel === "" ? "evaluated here" : `from "${sourceLabel}"`;
      throw new DomainError("CONFLICT", `This project already has a model named "${name}" ${from}.`);
    }
    const [updated] = await tx.update(models).set({ ...change, name, sourceLabel }).where(eq(models.id, modelId)).returning();
    return updated;
  });
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
