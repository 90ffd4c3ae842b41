import { z } from "zod";
import { executors } from "@/server/recipes/common-schemas";
import { recipeCloneSource } from "@/server/recipes/clone-source";
import { launchRecipeRun, previewRecipe } from "@/server/recipes/launch-recipe";
import { recipeFormDefaults } from "@/server/recipes/recipe-form";
import { recipeKinds } from "@/server/recipes/recipes";
import { formatStamp, stampSchema } from "@/server/recipes/run-folder";
import { projectProcedure, router } from "@/server/trpc/init";

// The config and the cluster settings are checked by the recipe itself, which names each field at fault.
const recipeRequest = z.object({
  kind: z.enum(recipeKinds),
  name: z.string().trim().min(1).max(200),
  config: z.unknown(),
  executor: z.enum(executors).default("local"),
  slurm: z.unknown().optional(),
  ray: z.unknown().optional(),
  /** Set when the form was prefilled from this run (`recipes.cloneSource`). */
  cloneOf: z.number().int().positive().optional(),
});

type RecipeInput = z.infer<typeof recipeRequest>;
const requestFrom = (project: { id: string; slug: string }, input: RecipeInput, stamp: string) => ({
  projectId: project.id,
  projectSlug: project.slug,
  kind: input.kind,
  name: input.name,
  config: input.config,
  placement: { executor: input.executor, slurm: input.slurm, ray: input.ray },
  stamp,
  cloneOf: input.cloneOf,
});

export const recipesRouter = router({
  defaults: projectProcedure("viewer")
    .input(z.object({ kind: z.enum(recipeKinds) }))
    .query(({ ctx, input }) => recipeFormDefaults(ctx.deps.db, ctx.deps.env, ctx.project.id, input.kind)),
  /** Renders with the current time as the stamp; launching with that stamp runs exactly this. */
  preview: projectProcedure("viewer")
    .input(recipeRequest)
    .query(({ ctx, input }) => previewRecipe(ctx.deps, requestFrom(ctx.project, input, formatStamp(new Date())))),
  launch: projectProcedure("member")
    .input(recipeRequest.extend({ stamp: stampSchema.optional(), priority: z.number().int().min(-100).max(100).optional() }))
    .mutation(({ ctx, input }) =>
      launchRecipeRun(ctx.deps, {
        ...requestFrom(ctx.project, input, input.stamp ?? formatStamp(new Date())),
        priority: input.priority,
        createdBy: ctx.actor.userId,
      }),
    ),
  cloneSource: projectProcedure("member")
    .input(z.object({ runId: z.number().int().positive() }))
    .query(({ ctx, input }) => recipeCloneSource(ctx.deps.db, ctx.project.id, input.runId)),
});
