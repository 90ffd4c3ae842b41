import "server-only";
import type { AppDeps } from "@/server/deps";
import { storedRecipeOf } from "./clone-source";
import type { Placement } from "./common-schemas";
import { renderEvalRecipe } from "./eval-recipe";
import { resolveRecipeExport, sftDataPaths, verlParquetPath } from "./recipe-datasets";
import { checkRecipe, type RecipeKind, type ValidRecipe } from "./recipes";
import type { RecipeIssue, RenderedRecipe } from "./rendered-recipe";
import { restoreMaskedSecrets } from "./restore-secrets";
import { renderRlRecipe } from "./rl-recipe";
import { renderSftRecipe } from "./sft-recipe";

export interface RecipeRequest {
  projectId: string;
  projectSlug: string;
  kind: RecipeKind;
  name: string;
  config: unknown;
  placement: unknown;
  stamp: string;
  /** The run this one clones: its credentials replace the masks the clone's form still holds. */
  cloneOf?: number;
}

export type PreparedRecipe =
  | { ok: false; issues: RecipeIssue[] }
  | {
      ok: true;
      recipe: ValidRecipe;
      placement: Placement;
      rendered: RenderedRecipe;
      /** Content hashes of the dataset versions it trains (and validates) on: what makes the run reproducible. */
      datasetVersionHash: string | null;
      validationDatasetVersionHash: string | null;
    };

/** Validates the config, finds the dataset versions behind its exports, and renders what will run. */
export async function prepareRecipe({ db, secrets }: Pick<AppDeps, "db" | "secrets">, request: RecipeRequest): Promise<PreparedRecipe> {
  const config =
    request.cloneOf === undefined
      ? request.config
      : restoreMaskedSecrets(request.config, secrets.open((await storedRecipeOf(db, request.projectId, request.cloneOf)).recipe.config));
  const checked = checkRecipe(request.kind, config, request.placement);
  if (!checked.ok) return checked;
  const { recipe, placement } = checked;
  const run = { name: request.name, projectSlug: request.projectSlug, stamp: request.stamp, placement };
  switch (recipe.kind) {
    case "sft": {
      const train = await resolveRecipeExport(db, request.projectId, "sft", recipe.config.dataset, "dataset");
      if ("issue" in train) return { ok: false, issues: [train.issue] };
      const rendered = renderSftRecipe(recipe.config, run, sftDataPaths(recipe.config.dataset));
      return { ok: true, recipe, placement, rendered, datasetVersionHash: train.contentHash, validationDatasetVersionHash: null };
    }
    case "rl": {
      const { dataset, validation } = recipe.config;
      const train = await resolveRecipeExport(db, request.projectId, "rl", dataset, "dataset");
      const validate = validation ? await resolveRecipeExport(db, request.projectId, "rl", validation, "validation") : null;
      const issues = [train, validate].flatMap((result) => (result && "issue" in result ? [result.issue] : []));
      if ("issue" in train || (validate && "issue" in validate)) return { ok: false, issues };
      const data = { trainParquet: verlParquetPath(dataset), validationParquet: verlParquetPath(validation ?? dataset) };
      const rendered = renderRlRecipe(recipe.config, run, data);
      return { ok: true, recipe, placement, rendered, datasetVersionHash: train.contentHash, validationDatasetVersionHash: validate?.contentHash ?? null };
    }
    case "eval":
      return { ok: true, recipe, placement, rendered: renderEvalRecipe(recipe.config, run), datasetVersionHash: null, validationDatasetVersionHash: null };
  }
}
