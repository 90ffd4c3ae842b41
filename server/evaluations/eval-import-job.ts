import "server-only";
import { existsSync } from "node:fs";
import { z } from "zod";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import { importLocationSchema, resolveImportLocation } from "@/server/datasets/import-location";
import { discardUpload } from "@/server/datasets/uploads";
import { DomainError } from "@/server/errors";
import { defineJobHandler, type JobContext } from "@/server/runs/job-handler";
import { getRun } from "@/server/runs/listing";
import { importLmmsEvalOutput } from "./import-lmms-eval";

/** Where an eval import reads: a client's server path or upload, or the files an `eval` run's agent collected. */
const evalImportLocationSchema = z.discriminatedUnion("kind", [
  ...importLocationSchema.options,
  z.object({ kind: z.literal("run-artifacts"), runId: z.number().int().positive() }),
]);
type EvalImportLocation = z.infer<typeof evalImportLocationSchema>;

export const evalImportConfigSchema = z.object({
  location: evalImportLocationSchema,
  modelName: z.string().trim().min(1).optional(),
  replace: z.boolean().default(false),
  checkpointRunId: z.number().int().positive().nullable().default(null),
  importedBy: z.string().nullable().default(null),
});

/** The folder to read; a run's collected files only for a run of the job's own project. */
async function resolveEvalImportLocation(location: EvalImportLocation, context: JobContext): Promise<string> {
  if (location.kind !== "run-artifacts") return (await resolveImportLocation(location, context.deps.env)).path;
  await getRun(context.deps.db, context.run.projectId, location.runId);
  const folder = artifactFolder(context.deps.env, location.runId);
  if (!existsSync(folder)) throw new DomainError("BAD_REQUEST", `Run ${location.runId} collected no files: there is no lmms-eval output to import.`);
  return folder;
}

/** The `eval-import` job: every lmms-eval results file (and its samples) under an uploaded, server or collected folder. */
export const evalImportJob = defineJobHandler({
  kind: "eval-import",
  configSchema: evalImportConfigSchema,
  async execute(config, context) {
    const path = await resolveEvalImportLocation(config.location, context);
    const result = await importLmmsEvalOutput(context.deps.db, path, {
      projectId: context.run.projectId,
      modelName: config.modelName,
      replace: config.replace,
      runId: config.location.kind === "run-artifacts" ? config.location.runId : null,
      checkpointRunId: config.checkpointRunId,
      importedBy: config.importedBy,
      onProgress: (message) => context.reportProgress(0.5, message),
    });
    for (const evaluation of result.evaluations) {
      const counts = Object.entries(evaluation.samples).map(([task, n]) => `${task}: ${n}`).join(", ");
      await context.log(`${evaluation.model}: ${evaluation.scores} scores over ${evaluation.tasks.length} tasks; samples ${counts || "none"}.`);
    }
    for (const file of result.unpairedSamples) await context.log(`Skipped ${file}: no results file with its date beside it.`);
    if (config.location.kind === "upload") await discardUpload(context.deps, config.location.uploadId);
    return result;
  },
});
