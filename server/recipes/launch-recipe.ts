import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { runs } from "@/db/schema";
import { launchTrainingRun } from "@/server/agents/launch-run";
import type { Database } from "@/server/db/client";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { prepareRecipe, type RecipeRequest } from "./prepare-recipe";
import { recipeVersion } from "./recipe-version";
import { describeIssues } from "./recipes";

/** What the preview shows: exactly what a launch with the same stamp stores and runs, with secrets masked. */
export async function previewRecipe(deps: Pick<AppDeps, "db" | "secrets">, request: RecipeRequest) {
  const prepared = await prepareRecipe(deps, request);
  if (!prepared.ok) return prepared;
  const { files, command, displayEnv, requirements, runFolder, launch } = prepared.rendered;
  return {
    ok: true as const,
    stamp: request.stamp,
    files,
    command,
    displayEnv,
    requirements,
    runFolder,
    executor: launch.executor,
    collect: launch.collect,
    datasetVersionHash: prepared.datasetVersionHash,
    recipeVersion,
  };
}

/** The run of this project that already writes to `runFolder`, if any. */
async function runWritingTo(db: Database, projectId: string, runFolder: string) {
  const [run] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.projectId, projectId), sql`${runs.config}->'recipe'->>'runFolder' = ${runFolder}`))
    .limit(1);
  return run;
}

/**
 * Queues the run the preview showed. Stored with it: the launch spec the agent executes and the recipe record
 * (kind, version, the full config with defaults filled, the stamp and folder, the dataset version hashes), from which
 * a clone starts and two runs are diffed.
 */
export async function launchRecipeRun(deps: Pick<AppDeps, "db" | "secrets">, request: RecipeRequest & { createdBy: string; priority?: number }) {
  const { db } = deps;
  const prepared = await prepareRecipe(deps, request);
  if (!prepared.ok) throw new DomainError("BAD_REQUEST", describeIssues(request.kind, prepared.issues));
  const { rendered, recipe } = prepared;
  const existing = await runWritingTo(db, request.projectId, rendered.runFolder);
  if (existing) {
    throw new DomainError("CONFLICT", `Run ${existing.id} already writes to ${rendered.runFolder}; refresh the preview for a new timestamp.`);
  }
  const run = await launchTrainingRun(deps, {
    projectId: request.projectId,
    kind: recipe.kind,
    name: request.name,
    launch: rendered.launch,
    requirements: rendered.requirements,
    priority: request.priority,
    recipe: {
      kind: recipe.kind,
      version: recipeVersion,
      config: recipe.config,
      stamp: request.stamp,
      runFolder: rendered.runFolder,
      datasetVersionHash: prepared.datasetVersionHash,
      validationDatasetVersionHash: prepared.validationDatasetVersionHash,
    },
    createdBy: request.createdBy,
  });
  return { runId: run.id };
}
