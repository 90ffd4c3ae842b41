import "server-only";
import type { Database } from "@/server/db/client";
import { enqueueRun } from "@/server/runs/queue";
import { getVersion } from "../versions";
import type { ExportConfig } from "./export-job";
import type { ExportFormat } from "./format-writer";

/** Checks the version belongs to the dataset (so a wrong id is refused now, not in a failed job) and queues the export. */
export async function startExport(
  db: Database,
  input: { projectId: string; dataset: { id: string; name: string }; versionId: string; format: ExportFormat; createdBy: string },
) {
  const version = await getVersion(db, input.dataset.id, input.versionId);
  const config: ExportConfig = { datasetId: input.dataset.id, versionId: version.id, format: input.format };
  const run = await enqueueRun(db, {
    projectId: input.projectId,
    kind: "export",
    name: `Export ${input.dataset.name} v${version.number} as ${input.format}`,
    config,
    createdBy: input.createdBy,
  });
  return { runId: run.id };
}
