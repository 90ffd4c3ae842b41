import { z } from "zod";
import { countSamples, getSample, listSamples, sampleCursorSchema, sampleNeighbours, sampleSorts } from "@/server/datasets/browse";
import { changeTags, sampleSelectionSchema, setExcluded, setNote, tagChangeSchema } from "@/server/datasets/curate";
import { sampleFilterSchema } from "@/server/datasets/sample-filter";
import { datasetProcedure, router } from "@/server/trpc/init";

const view = { filter: sampleFilterSchema.default({ status: "all" }), sort: z.enum(sampleSorts).default("id") };
const sampleId = z.number().int().positive();

export const samplesRouter = router({
  list: datasetProcedure("viewer")
    .input(z.object({ ...view, cursor: sampleCursorSchema.nullish(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => listSamples(ctx.deps.db, ctx.dataset.id, input)),
  count: datasetProcedure("viewer")
    .input(z.object({ filter: view.filter }))
    .query(({ ctx, input }) => countSamples(ctx.deps.db, ctx.dataset.id, input.filter)),
  get: datasetProcedure("viewer")
    .input(z.object({ sampleId }))
    .query(({ ctx, input }) => getSample(ctx.deps.db, ctx.dataset.id, input.sampleId)),
  neighbours: datasetProcedure("viewer")
    .input(z.object({ sampleId, ...view }))
    .query(({ ctx, input }) => sampleNeighbours(ctx.deps.db, ctx.dataset.id, input.sampleId, input)),
  changeTags: datasetProcedure("member")
    .input(z.object({ selection: sampleSelectionSchema, change: tagChangeSchema }))
    .mutation(({ ctx, input }) => changeTags(ctx.deps.db, ctx.dataset.id, input.selection, input.change)),
  setExcluded: datasetProcedure("member")
    .input(z.object({ selection: sampleSelectionSchema, excluded: z.boolean() }))
    .mutation(({ ctx, input }) => setExcluded(ctx.deps.db, ctx.dataset.id, input.selection, input.excluded)),
  setNote: datasetProcedure("member")
    .input(z.object({ sampleId, note: z.string().max(10_000) }))
    .mutation(({ ctx, input }) => setNote(ctx.deps.db, ctx.dataset.id, input.sampleId, input.note)),
});
