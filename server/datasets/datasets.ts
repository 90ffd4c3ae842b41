import "server-only";
import { and, asc, count, desc, eq } from "drizzle-orm";
import { datasets, datasetSources, samples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";

export type Dataset = typeof datasets.$inferSelect;

export async function createDataset(
  db: Database,
  input: { projectId: string; name: string; description?: string; createdBy: string | null },
): Promise<Dataset> {
  const [dataset] = await db
    .insert(datasets)
    .values({ projectId: input.projectId, name: input.name, description: input.description ?? "", createdBy: input.createdBy })
    .onConflictDoNothing()
    .returning();
  if (!dataset) throw new DomainError("CONFLICT", `A dataset named "${input.name}" already exists in this project.`);
  return dataset;
}

export async function findDatasetByName(db: Database, projectId: string, name: string): Promise<Dataset | null> {
  const [dataset] = await db.select().from(datasets).where(and(eq(datasets.projectId, projectId), eq(datasets.name, name)));
  return dataset ?? null;
}

export async function getDataset(db: Database, projectId: string, datasetId: string): Promise<Dataset> {
  const [dataset] = await db.select().from(datasets).where(and(eq(datasets.projectId, projectId), eq(datasets.id, datasetId)));
  if (!dataset) throw new DomainError("NOT_FOUND", `Dataset ${datasetId} does not exist in this project.`);
  return dataset;
}

export async function listDatasets(db: Database, projectId: string) {
  return db
    .select({ id: datasets.id, name: datasets.name, description: datasets.description, sampleCount: datasets.sampleCount, createdAt: datasets.createdAt })
    .from(datasets)
    .where(eq(datasets.projectId, projectId))
    .orderBy(desc(datasets.createdAt));
}

export async function listSources(db: Database, datasetId: string) {
  return db
    .select({
      id: datasetSources.id,
      label: datasetSources.label,
      origin: datasetSources.origin,
      format: datasetSources.format,
      status: datasetSources.status,
      rowsImported: datasetSources.rowsImported,
      rowsSkipped: datasetSources.rowsSkipped,
      importRunId: datasetSources.importRunId,
      createdAt: datasetSources.createdAt,
    })
    .from(datasetSources)
    .where(eq(datasetSources.datasetId, datasetId))
    .orderBy(asc(datasetSources.createdAt));
}

/** Recounts the samples of finished imports; list views read this cached figure. */
export async function refreshSampleCount(db: Database, datasetId: string): Promise<number> {
  const [{ total }] = await db
    .select({ total: count() })
    .from(samples)
    .innerJoin(datasetSources, eq(datasetSources.id, samples.sourceId))
    .where(and(eq(samples.datasetId, datasetId), eq(datasetSources.status, "ready")));
  await db.update(datasets).set({ sampleCount: total }).where(eq(datasets.id, datasetId));
  return total;
}
