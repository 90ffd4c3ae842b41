import { z } from "zod";
import { sampleFilterSchema } from "@/server/datasets/sample-filter";
import { compareVersions, createVersion, listVersions } from "@/server/datasets/versions";
import { datasetProcedure, router } from "@/server/trpc/init";

export const datasetVersionsRouter = router({
  list: datasetProcedure("viewer").query(({ ctx }) => listVersions(ctx.deps.db, ctx.dataset.id)),
  create: datasetProcedure("member")
    .input(z.object({ name: z.string().trim().min(1, "Name the version.").max(120), filter: sampleFilterSchema.default({ status: "all" }) }))
    .mutation(({ ctx, input }) => createVersion(ctx.deps.db, { datasetId: ctx.dataset.id, name: input.name, filter: input.filter, createdBy: ctx.actor.userId })),
  compare: datasetProcedure("viewer")
    .input(z.object({ fromVersionId: z.uuid(), toVersionId: z.uuid() }))
    .query(({ ctx, input }) => compareVersions(ctx.deps.db, ctx.dataset.id, input.fromVersionId, input.toVersionId)),
});
