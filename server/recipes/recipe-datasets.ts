import "server-only";
import path from "node:path";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { datasets, datasetVersions, runs } from "@/db/schema";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import type { ExportFormat } from "@/server/datasets/export/format-writer";
import { sftImageFolderName, sftParquetName } from "@/server/datasets/export/lmms-engine-sft";
import { verlParquetName } from "@/server/datasets/export/verl-rl";
import type { Database } from "@/server/db/client";
import type { ServerEnv } from "@/server/env";
import type { DatasetSource } from "./common-schemas";
import type { RecipeIssue } from "./rendered-recipe";

/** The export format each training recipe reads. */
export const recipeExportFormat = { sft: "lmms-engine-sft", rl: "verl-rl" } as const satisfies Record<string, ExportFormat>;
export type TrainingRecipeKind = keyof typeof recipeExportFormat;

const exportColumns = {
  exportRunId: runs.id,
  exportName: runs.name,
  finishedAt: runs.finishedAt,
  datasetName: datasets.name,
  versionNumber: datasetVersions.number,
  versionName: datasetVersions.name,
  contentHash: datasetVersions.contentHash,
  sampleCount: datasetVersions.sampleCount,
};

/** Succeeded exports of the project in `format` (and matching `condition`), each with the dataset version it froze. */
function succeededExports(db: Database, projectId: string, format: ExportFormat, condition?: SQL) {
  return db
    .select(exportColumns)
    .from(runs)
    .innerJoin(datasetVersions, sql`${datasetVersions.id}::text = ${runs.config}->>'versionId'`)
    .innerJoin(datasets, and(eq(datasets.id, datasetVersions.datasetId), eq(datasets.projectId, projectId)))
    .where(and(eq(runs.projectId, projectId), eq(runs.kind, "export"), eq(runs.state, "succeeded"), sql`${runs.config}->>'format' = ${format}`, condition));
}

/**
 * The exports a recipe can train on, newest first. `serverFolder` is where the server wrote the files: the default
 * data root when the GPU machine mounts the same storage at the same path.
 */
export async function listRecipeExports(db: Database, env: ServerEnv, projectId: string, kind: TrainingRecipeKind, limit = 50) {
  const rows = await succeededExports(db, projectId, recipeExportFormat[kind]).orderBy(desc(runs.id)).limit(limit);
  return rows.map((row) => ({ ...row, serverFolder: artifactFolder(env, row.exportRunId) }));
}
export type RecipeExport = Awaited<ReturnType<typeof listRecipeExports>>[number];

/** The dataset version behind a chosen export, or the issue to show on the field that chose it. */
export async function resolveRecipeExport(
  db: Database,
  projectId: string,
  kind: TrainingRecipeKind,
  source: DatasetSource,
  field: string,
): Promise<{ contentHash: string } | { issue: RecipeIssue }> {
  const [row] = await succeededExports(db, projectId, recipeExportFormat[kind], eq(runs.id, source.exportRunId));
  if (row) return { contentHash: row.contentHash };
  return { issue: { path: `${field}.exportRunId`, message: `Run ${source.exportRunId} is not a succeeded ${recipeExportFormat[kind]} export of this project.` } };
}

/** Where the export's files are on the GPU machine, as the export job named them. */
export function sftDataPaths(source: DatasetSource) {
  return { trainParquet: path.posix.join(source.dataRoot, sftParquetName), imageFolder: path.posix.join(source.dataRoot, sftImageFolderName) };
}

export function verlParquetPath(source: DatasetSource): string {
  return path.posix.join(source.dataRoot, verlParquetName);
}
