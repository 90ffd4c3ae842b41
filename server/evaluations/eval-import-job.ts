import "server-only";
import { z } from "zod";
import { importLocationSchema, resolveImportLocation } from "@/server/datasets/import-location";
import { discardUpload } from "@/server/datasets/uploads";
import { defineJobHandler } from "@/server/runs/job-handler";
import { importLmmsEvalOutput } from "./import-lmms-eval";

export const evalImportConfigSchema = z.object({
  location: importLocationSchema,
  modelName: z.string().trim().min(1).optional(),
  replace: z.boolean().default(false),
  checkpointRunId: z.number().int().positive().nullable().default(null),
  importedBy: z.string().nullable().default(null),
});

/** The `eval-import` job: every lmms-eval results file (and its samples) under an uploaded or server folder. */
export const evalImportJob = defineJobHandler({
  kind: "eval-import",
  configSchema: evalImportConfigSchema,
  async execute(config, context) {
    const { path } = await resolveImportLocation(config.location, context.deps.env);
    const result = await importLmmsEvalOutput(context.deps.db, path, {
      projectId: context.run.projectId,
      modelName: config.modelName,
      replace: config.replace,
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
