import { z } from "zod";
import { importLocationSchema } from "@/server/datasets/import-location";
import { listBenchmarks, saveBenchmark } from "@/server/evaluations/catalog";
import { getEvaluation, getEvaluationSample, listEvaluationSamples, listEvaluations } from "@/server/evaluations/evaluation-listing";
import { importResultsTable } from "@/server/evaluations/import-table";
import { listModels, updateModel } from "@/server/evaluations/models";
import { comparePaired } from "@/server/evaluations/paired-comparison";
import { paperSourceLabel, paperTable } from "@/server/evaluations/paper-table";
import { parseResultsTable } from "@/server/evaluations/results-table";
import { startEvalImport } from "@/server/evaluations/start-eval-import";
import { projectProcedure, router } from "@/server/trpc/init";

const key = z.string().trim().regex(/^[a-z0-9_.@-]+$/i, "Use letters, digits and _ . @ - only.");
// A model fact: absent leaves it unchanged, empty (or null) clears it.
const clearableFact = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((value) => value || null)
    .pipe(schema.nullable())
    .nullish();
// Sample counts as papers print them: 874k, 6.2M, 12,000.
const dataSize = z.string().regex(/^\d[\d,]*(\.\d+)?[kKMB]?$/, "Write a sample count such as 874k, 6.2M or 12000.");

export const evaluationsRouter = router({
  list: projectProcedure("viewer").query(({ ctx }) => listEvaluations(ctx.deps.db, ctx.project.id)),
  get: projectProcedure("viewer")
    .input(z.object({ evaluationId: z.uuid() }))
    .query(({ ctx, input }) => getEvaluation(ctx.deps.db, ctx.project.id, input.evaluationId)),
  models: projectProcedure("viewer").query(({ ctx }) => listModels(ctx.deps.db, ctx.project.id)),
  updateModel: projectProcedure("member")
    .input(
      z.object({
        modelId: z.uuid(),
        name: z.string().trim().min(1, "Name the model.").max(200).optional(),
        baseModel: clearableFact(z.string().max(200)),
        sftData: clearableFact(dataSize),
        rlData: clearableFact(dataSize),
        sourceLabel: z.string().trim().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input: { modelId, ...change } }) => updateModel(ctx.deps.db, ctx.project.id, modelId, change)),
  benchmarks: projectProcedure("viewer").query(({ ctx }) => listBenchmarks(ctx.deps.db, ctx.project.id)),
  saveBenchmark: projectProcedure("admin")
    .input(
      z.object({
        key,
        label: z.string().trim().min(1),
        task: z.string().trim().min(1),
        metric: z.string().trim().min(1),
        filter: z.string().trim().min(1).default("none"),
        modality: z.enum(["image", "text"]).default("image"),
        higherIsBetter: z.boolean().default(true),
        position: z.number().int().default(100),
      }),
    )
    .mutation(({ ctx, input }) => saveBenchmark(ctx.deps.db, ctx.project.id, input)),
  startImport: projectProcedure("member")
    .input(
      z.object({
        location: importLocationSchema,
        modelName: z.string().trim().min(1).optional(),
        replace: z.boolean().default(false),
        checkpointRunId: z.number().int().positive().optional(),
      }),
    )
    .mutation(({ ctx, input }) => startEvalImport(ctx.deps, { projectId: ctx.project.id, ...input, createdBy: ctx.actor.userId })),
  importTable: projectProcedure("member")
    .input(z.object({ csv: z.string().min(1).max(2_000_000), fileName: z.string().default("table.csv"), sourceLabel: z.string().trim().min(1, "Name the table's source.") }))
    .mutation(({ ctx, input }) =>
      importResultsTable(ctx.deps.db, { projectId: ctx.project.id, sourceLabel: input.sourceLabel, table: parseResultsTable(input.csv, input.fileName), importedBy: ctx.actor.userId }),
    ),
  importPaperTable: projectProcedure("member").mutation(({ ctx }) =>
    importResultsTable(ctx.deps.db, { projectId: ctx.project.id, sourceLabel: paperSourceLabel, table: paperTable, importedBy: ctx.actor.userId }),
  ),
  samples: projectProcedure("viewer")
    .input(
      z.object({
        evaluationId: z.uuid(),
        task: z.string().min(1),
        cursor: z.number().int().nullish(),
        limit: z.number().int().min(1).max(500).default(100),
        docIds: z.array(z.string()).max(1000).optional(),
      }),
    )
    .query(({ ctx, input }) => listEvaluationSamples(ctx.deps.db, ctx.project.id, { ...input, afterId: input.cursor })),
  sample: projectProcedure("viewer")
    .input(z.object({ evaluationId: z.uuid(), sampleId: z.number().int().positive() }))
    .query(({ ctx, input }) => getEvaluationSample(ctx.deps.db, ctx.project.id, input.evaluationId, input.sampleId)),
  compare: projectProcedure("viewer")
    .input(z.object({ evaluationA: z.uuid(), evaluationB: z.uuid(), task: z.string().min(1) }))
    .query(({ ctx, input }) => comparePaired(ctx.deps.db, ctx.project.id, input.evaluationA, input.evaluationB, input.task)),
});
