import { z } from "zod";
import { exportFormats } from "@/server/datasets/export/format-writer";
import { listExports } from "@/server/datasets/export/list-exports";
import { startExport } from "@/server/datasets/export/start-export";
import { datasetProcedure, router } from "@/server/trpc/init";

export const datasetExportsRouter = router({
  startExport: datasetProcedure("member")
    .input(z.object({ versionId: z.uuid(), format: z.enum(exportFormats) }))
    .mutation(({ ctx, input }) =>
      startExport(ctx.deps.db, { projectId: ctx.project.id, dataset: ctx.dataset, versionId: input.versionId, format: input.format, createdBy: ctx.actor.userId }),
    ),
  list: datasetProcedure("viewer")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20), cursor: z.number().int().positive().nullish() }))
    .query(({ ctx, input }) => listExports(ctx.deps.db, ctx.project.id, ctx.dataset.id, { limit: input.limit, beforeRunId: input.cursor ?? undefined })),
});
