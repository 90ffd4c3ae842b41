import "server-only";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { enqueueRun } from "@/server/runs/queue";
import { createDataset, findDatasetByName, getDataset } from "./datasets";
import type { ColumnMapping } from "./import";
import type { ImportConfig } from "./import-job";
import { resolveImportLocation, withUserPaths, type ImportLocation } from "./import-location";
import { assertUploadInProject } from "./uploads";

/**
 * Checks the location now (so a bad path is refused at once, not in a failed job), creates the dataset when it is
 * new, and queues the `import` job.
 */
export async function startImport(
  deps: Pick<AppDeps, "db" | "env">,
  input: {
    projectId: string;
    target: { datasetId: string } | { newDatasetName: string };
    location: ImportLocation;
    mappings?: Record<string, ColumnMapping>;
    createdBy: string;
  },
) {
  if (input.location.kind === "upload") await assertUploadInProject(deps.db, input.location.uploadId, input.projectId);
  await withUserPaths(input.location, deps.env, () => resolveImportLocation(input.location, deps.env));
  const existing =
    "datasetId" in input.target
      ? await getDataset(deps.db, input.projectId, input.target.datasetId)
      : await findDatasetByName(deps.db, input.projectId, input.target.newDatasetName);
  const dataset = existing ?? (await createDataset(deps.db, { projectId: input.projectId, name: (input.target as { newDatasetName: string }).newDatasetName, createdBy: input.createdBy }));
  if (dataset.projectId !== input.projectId) throw new DomainError("NOT_FOUND", "No such dataset in this project.");
  const config: ImportConfig = { datasetId: dataset.id, location: input.location, mappings: input.mappings ?? {}, newDataset: !existing };
  const label = input.location.kind === "server-path" ? input.location.path : input.location.file;
  const run = await enqueueRun(deps.db, {
    projectId: input.projectId,
    kind: "import",
    name: `Import ${label} into ${dataset.name}`,
    config,
    createdBy: input.createdBy,
  });
  return { runId: run.id, datasetId: dataset.id };
}
