import { getAccount } from "@/server/auth/accounts";
import { protectedProcedure, router } from "@/server/trpc/init";

export const meRouter = router({
  get: protectedProcedure.query(({ ctx }) => getAccount(ctx.deps.db, ctx.actor.userId)),
});
