import { z } from "zod";
import { createProject, listProjectsForUser, updateProject } from "@/server/projects/projects";
import { projectProcedure, protectedProcedure, router } from "@/server/trpc/init";

const projectName = z.string().trim().min(1, "A project needs a name.").max(80);

export const projectsRouter = router({
  list: protectedProcedure.query(({ ctx }) => listProjectsForUser(ctx.deps.db, ctx.actor.userId)),
  create: protectedProcedure
    .input(z.object({ name: projectName, description: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => createProject(ctx.deps.db, { ...input, ownerId: ctx.actor.userId })),
  get: projectProcedure("viewer").query(({ ctx }) => ({ ...ctx.project, role: ctx.role })),
  update: projectProcedure("admin")
    .input(z.object({ name: projectName.optional(), description: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => updateProject(ctx.deps.db, ctx.project.id, { name: input.name, description: input.description })),
});
