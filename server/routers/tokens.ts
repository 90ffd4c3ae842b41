import { z } from "zod";
import { createApiToken, listPersonalTokens, listWorkerTokens, revokeToken } from "@/server/tokens/tokens";
import { projectProcedure, protectedProcedure, router } from "@/server/trpc/init";

const tokenName = z.string().trim().min(1, "Give the token a name.").max(80);

export const tokensRouter = router({
  personal: protectedProcedure.query(({ ctx }) => listPersonalTokens(ctx.deps.db, ctx.actor.userId)),
  createPersonal: protectedProcedure
    .input(z.object({ name: tokenName }))
    .mutation(({ ctx, input }) => createApiToken(ctx.deps.db, { kind: "personal", name: input.name, userId: ctx.actor.userId })),
  revokePersonal: protectedProcedure
    .input(z.object({ tokenId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeToken(ctx.deps.db, input.tokenId, { userId: ctx.actor.userId })),
  workers: projectProcedure("admin").query(({ ctx }) => listWorkerTokens(ctx.deps.db, ctx.project.id)),
  createWorker: projectProcedure("admin")
    .input(z.object({ name: tokenName }))
    .mutation(({ ctx, input }) =>
      createApiToken(ctx.deps.db, { kind: "worker", name: input.name, userId: ctx.actor.userId, projectId: ctx.project.id }),
    ),
  revokeWorker: projectProcedure("admin")
    .input(z.object({ tokenId: z.uuid() }))
    .mutation(({ ctx, input }) => revokeToken(ctx.deps.db, input.tokenId, { projectId: ctx.project.id })),
});
