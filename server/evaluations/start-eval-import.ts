import "server-only";
import { assertUploadInProject } from "@/server/datasets/uploads";
import { resolveImportLocation, type ImportLocation } from "@/server/datasets/import-location";
import type { AppDeps } from "@/server/deps";
import { getRun } from "@/server/runs/listing";
import { enqueueRun } from "@/server/runs/queue";
import type { z } from "zod";
import type { evalImportConfigSchema } from "./eval-import-job";

/** Checks the location now, then queues an `eval-import` run. */
export async function startEvalImport(
  deps: Pick<AppDeps, "db" | "env">,
  input: { projectId: string; location: ImportLocation; modelName?: string; replace?: boolean; checkpointRunId?: number; createdBy: string },
) {
  if (input.location.kind === "upload") await assertUploadInProject(deps.db, input.location.uploadId, input.projectId);
  await resolveImportLocation(input.location, deps.env);
  if (input.checkpointRunId) await getRun(deps.db, input.projectId, input.checkpointRunId);
  const config: z.input<typeof evalImportConfigSchema> = {
    location: input.location,
    modelName: input.modelName,
    replace: input.replace ?? false,
    checkpointRunId: input.checkpointRunId ?? null,
    importedBy: input.createdBy,
  };
  const label = input.location.kind === "server-path" ? input.location.path : input.location.file;
  const run = await enqueueRun(deps.db, { projectId: input.projectId, kind: "eval-import", name: `Import evaluation ${label}`, config, createdBy: input.createdBy });
  return { runId: run.id };
}
