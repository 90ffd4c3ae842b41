import { z } from "zod";
import { createEndpoint, deleteEndpoint, endpointSettingsSchema, listEndpoints, updateEndpoint } from "@/server/endpoints/endpoints";
import { testEndpointConnection } from "@/server/endpoints/test-connection";
import { projectProcedure, router } from "@/server/trpc/init";

// A key travels in once and is never sent back; undefined on update keeps the stored one, "" removes it.
const apiKey = z.string().max(4_096).optional();

/** The project's model endpoints (judges, teachers, embedders): members manage them, viewers see them without keys. */
export const endpointsRouter = router({
  list: projectProcedure("viewer").query(({ ctx }) => listEndpoints(ctx.deps.db, ctx.project.id)),
  create: projectProcedure("member")
    .input(z.object({ settings: endpointSettingsSchema, apiKey }))
    .mutation(({ ctx, input }) => createEndpoint(ctx.deps, { projectId: ctx.project.id, settings: input.settings, apiKey: input.apiKey || undefined, createdBy: ctx.actor.userId })),
  update: projectProcedure("member")
    .input(z.object({ endpointId: z.uuid(), settings: endpointSettingsSchema, apiKey }))
    .mutation(({ ctx, input }) => updateEndpoint(ctx.deps, { projectId: ctx.project.id, ...input })),
  remove: projectProcedure("member")
    .input(z.object({ endpointId: z.uuid() }))
    .mutation(({ ctx, input }) => deleteEndpoint(ctx.deps.db, ctx.project.id, input.endpointId)),
  test: projectProcedure("member")
    .input(z.object({ endpoint: z.string().min(1) }))
    .mutation(({ ctx, input }) => testEndpointConnection(ctx.deps, ctx.project.id, input.endpoint)),
});
