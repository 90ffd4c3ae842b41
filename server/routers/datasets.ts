import { z } from "zod";
import { listDatasets, listSources } from "@/server/datasets/datasets";
import { columnMappingSchema } from "@/server/datasets/import";
import { importLocationSchema } from "@/server/datasets/import-location";
import { previewImport } from "@/server/datasets/preview-import";
import { startImport } from "@/server/datasets/start-import";
import { listTags } from "@/server/datasets/curate";
import { datasetProcedure, projectProcedure, router } from "@/server/trpc/init";

const mappings = z.record(z.string(), columnMappingSchema).optional();

export const datasetsRouter = router({
  list: projectProcedure("viewer").query(({ ctx }) => listDatasets(ctx.deps.db, ctx.project.id)),
  get: datasetProcedure("viewer").query(async ({ ctx }) => ({ ...ctx.dataset, sources: await listSources(ctx.deps.db, ctx.dataset.id) })),
  tags: datasetProcedure("viewer").query(({ ctx }) => listTags(ctx.deps.db, ctx.dataset.id)),
  preview: projectProcedure("member")
    .input(z.object({ location: importLocationSchema, mappings, limit: z.number().int().min(1).max(100).optional() }))
    .query(({ ctx, input }) => previewImport(ctx.deps, ctx.project.id, input.location, { limit: input.limit, mappings: input.mappings })),
  startImport: projectProcedure("member")
    .input(
      z.object({
        target: z.union([z.object({ datasetId: z.uuid() }), z.object({ newDatasetName: z.string().trim().min(1, "Name the dataset.").max(120) })]),
        location: importLocationSchema,
        mappings,
      }),
    )
    .mutation(({ ctx, input }) => startImport(ctx.deps, { projectId: ctx.project.id, ...input, createdBy: ctx.actor.userId })),
});
