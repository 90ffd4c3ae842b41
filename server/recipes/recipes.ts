import type { z } from "zod";
import { placementSchema, type DatasetSource, type Placement } from "./common-schemas";
import { evalConfigSchema, evalConfigShape, evalPlacementIssues, type EvalConfig } from "./eval-recipe";
import type { RecipeIssue } from "./rendered-recipe";
import { rlConfigSchema, rlConfigShape, rlPlacementIssues, type RlConfig } from "./rl-recipe";
import { sftConfigSchema, sftPlacementIssues, type SftConfig } from "./sft-recipe";

export const recipeKinds = ["sft", "rl", "eval"] as const;
export type RecipeKind = (typeof recipeKinds)[number];

export type ValidRecipe = { kind: "sft"; config: SftConfig } | { kind: "rl"; config: RlConfig } | { kind: "eval"; config: EvalConfig };

export type RecipeCheck = { ok: true; recipe: ValidRecipe; placement: Placement } | { ok: false; issues: RecipeIssue[] };

function zodIssues(error: z.ZodError, prefix: string): RecipeIssue[] {
  return error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."), message: issue.message }));
}

type Parsed<R> = { recipe: R } | { error: z.ZodError };

function parsed<K extends RecipeKind, C>(kind: K, result: z.ZodSafeParseResult<C>): Parsed<{ kind: K; config: C }> {
  return result.success ? { recipe: { kind, config: result.data } } : { error: result.error };
}

function parseRecipe(kind: RecipeKind, config: unknown): Parsed<ValidRecipe> {
  switch (kind) {
    case "sft":
      return parsed(kind, sftConfigSchema.safeParse(config));
    case "rl":
      return parsed(kind, rlConfigSchema.safeParse(config));
    case "eval":
      return parsed(kind, evalConfigSchema.safeParse(config));
  }
}

function placementIssues(recipe: ValidRecipe, placement: Placement): RecipeIssue[] {
  switch (recipe.kind) {
    case "sft":
      return sftPlacementIssues(recipe.config, placement);
    case "rl":
      return rlPlacementIssues(recipe.config, placement);
    case "eval":
      return evalPlacementIssues(recipe.config, placement);
  }
}

/**
 * Checks a config and its placement against the recipe's schema; every problem comes back with the field it is about
 * (`trainer.learningRate`, `placement.ray.address`), so a form can show it beside that field.
 */
export function checkRecipe(kind: RecipeKind, config: unknown, placement: unknown): RecipeCheck {
  const parsedConfig = parseRecipe(kind, config);
  const parsedPlacement = placementSchema.safeParse(placement ?? {});
  const issues = [
    ...("error" in parsedConfig ? zodIssues(parsedConfig.error, "") : []),
    ...(parsedPlacement.success ? [] : zodIssues(parsedPlacement.error, "placement")),
  ];
  if ("error" in parsedConfig || !parsedPlacement.success) return { ok: false, issues };
  const conflicts = placementIssues(parsedConfig.recipe, parsedPlacement.data);
  return conflicts.length > 0 ? { ok: false, issues: conflicts } : { ok: true, recipe: parsedConfig.recipe, placement: parsedPlacement.data };
}

/** One line naming every field at fault, for errors outside a form (the API, the CLI). */
export function describeIssues(kind: RecipeKind, issues: RecipeIssue[]): string {
  return `The ${kind} recipe's config is invalid: ${issues.map((issue) => `${issue.path || "config"}: ${issue.message}`).join("; ")}`;
}

/** A form's starting point: every recipe default, the dataset left for the user (or the caller) to choose. */
export function recipeDefaults(kind: RecipeKind) {
  const noDataset: { dataset: DatasetSource | null } = { dataset: null };
  switch (kind) {
    case "sft":
      return { ...sftConfigSchema.omit({ dataset: true }).parse({}), ...noDataset };
    case "rl":
      return { ...rlConfigShape.omit({ dataset: true }).parse({}), ...noDataset };
    case "eval":
      return evalConfigShape.parse({});
  }
}
