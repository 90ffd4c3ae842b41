import { z } from "zod";
import { getInstanceSettings, getSignUpState, setSignUpOpen } from "@/server/settings/instance";
import { instanceAdminProcedure, publicProcedure, router } from "@/server/trpc/init";

export const instanceRouter = router({
  // Public: the sign-up page must tell an anonymous visitor whether it can create an account.
  signUpState: publicProcedure.query(({ ctx }) => getSignUpState(ctx.deps.db)),
  settings: instanceAdminProcedure.query(({ ctx }) => getInstanceSettings(ctx.deps.db)),
  setSignUpOpen: instanceAdminProcedure
    .input(z.object({ open: z.boolean() }))
    .mutation(({ ctx, input }) => setSignUpOpen(ctx.deps.db, input.open)),
});
