import "server-only";
import { z } from "zod";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { getRun } from "@/server/runs/listing";
import { maskSecrets } from "@/server/runs/secret-masking";
import { executors, type Placement } from "./common-schemas";
import { recipeVersion } from "./recipe-version";
import { recipeKinds } from "./recipes";

const storedRecipe = z.object({ kind: z.enum(recipeKinds), version: z.string(), config: z.record(z.string(), z.unknown()) });
const storedPlacement = z.object({
  executor: z.enum(executors),
  slurm: z.object({ partition: z.string().optional(), timeLimit: z.string().optional() }).optional(),
  ray: z.object({ address: z.string() }).optional(),
});

/** The recipe a run was launched from, as stored (credentials included), and its launch spec. */
export async function storedRecipeOf(db: Database, projectId: string, runId: number) {
  const run = await getRun(db, projectId, runId);
  const stored = run.config as { recipe?: unknown; launch?: unknown };
  const recipe = storedRecipe.safeParse(stored.recipe);
  if (!recipe.success) throw new DomainError("BAD_REQUEST", `Run ${runId} was not launched from a recipe, so it has no recipe config to clone.`);
  return { run, recipe: recipe.data, launch: stored.launch };
}

/**
 * A run's recipe config and placement, to prefill the form that launches its clone. Credentials come masked; a launch
 * naming the run as `cloneOf` puts back those left untouched. A run from an older recipe version is checked against
 * today's schema when the clone is previewed.
 */
export async function recipeCloneSource(db: Database, projectId: string, runId: number) {
  const { run, recipe, launch: storedLaunch } = await storedRecipeOf(db, projectId, runId);
  const launch = storedPlacement.safeParse(storedLaunch);
  const placement: Placement = launch.success
    ? {
        executor: launch.data.executor,
        slurm: launch.data.slurm && { partition: launch.data.slurm.partition, timeLimit: launch.data.slurm.timeLimit },
        ray: launch.data.ray,
      }
    : { executor: "local" };
  return {
    sourceRunId: run.id,
    sourceName: run.name,
    kind: recipe.kind,
    config: maskSecrets(recipe.config) as Record<string, unknown>,
    placement,
    sourceVersion: recipe.version,
    currentVersion: recipeVersion,
  };
}
