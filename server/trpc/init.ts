import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { DomainError } from "@/server/errors";
import { userFacingMessage } from "@/server/user-errors";
import { getDataset } from "@/server/datasets/datasets";
import { getProjectAccess } from "@/server/projects/projects";
import { roleAtLeast, type ProjectRole } from "@/server/projects/roles";
import type { TRPCContext } from "./context";

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const fieldErrors = error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null;
    // An unexpected error (SQL, a server path, a stack) goes to the server log; the caller sees only its id.
    if (error.code === "INTERNAL_SERVER_ERROR") {
      return { ...shape, message: userFacingMessage(error.cause ?? error), data: { ...shape.data, stack: undefined, fieldErrors } };
    }
    return { ...shape, data: { ...shape.data, stack: undefined, fieldErrors } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

// Domain code throws DomainError; clients see it as the matching tRPC code with the same message.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

/** No caller check: only for what an anonymous visitor must reach (sign-up state). */
export const publicProcedure = t.procedure.use(domainErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.authError ?? "Sign in, or pass a personal API token." });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

export const instanceAdminProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!ctx.actor.isAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Only an instance administrator may do this." });
  return next();
});

/** Input carries `project` (its slug); the caller must belong to it with at least `minimumRole`. */
export function projectProcedure(minimumRole: ProjectRole) {
  return protectedProcedure.input(z.object({ project: z.string().min(1) })).use(async ({ ctx, input, next }) => {
    const access = await getProjectAccess(ctx.deps.db, input.project, ctx.actor.userId);
    if (!roleAtLeast(access.role, minimumRole)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${minimumRole} role in project "${access.project.slug}"; you are ${access.role}.`,
      });
    }
    return next({ ctx: { ...ctx, project: access.project, role: access.role } });
  });
}

/** GPU agents: a worker token scoped to one project. */
export const agentProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.worker) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: ctx.authError ?? "This endpoint needs a worker token (mmr_wkr_…)." });
  }
  return next({ ctx: { ...ctx, worker: ctx.worker } });
});

/** Input carries `project` and `datasetId`; the dataset must belong to that project. */
export function datasetProcedure(minimumRole: ProjectRole) {
  return projectProcedure(minimumRole)
    .input(z.object({ datasetId: z.uuid() }))
    .use(async ({ ctx, input, next }) => next({ ctx: { ...ctx, dataset: await getDataset(ctx.deps.db, ctx.project.id, input.datasetId) } }));
}
