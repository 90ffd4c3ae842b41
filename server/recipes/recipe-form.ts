import "server-only";
import type { Database } from "@/server/db/client";
import type { ServerEnv } from "@/server/env";
import { listBenchmarks } from "@/server/evaluations/catalog";
import { listRecipeExports, type RecipeExport } from "./recipe-datasets";
import { recipeVersion } from "./recipe-version";
import { recipeDefaults, type RecipeKind } from "./recipes";

/** The catalog's lmms-eval tasks by modality, each once, in catalog order. */
async function catalogTasks(db: Database, projectId: string) {
  const benchmarks = await listBenchmarks(db, projectId);
  const tasks = (modality: "image" | "text") => {
    const chosen = benchmarks.filter((b) => (modality === "text" ? b.modality === "text" : b.modality !== "text"));
    return [...new Map(chosen.map((b) => [b.task, { task: b.task, label: b.label }])).values()];
  };
  return { image: tasks("image"), text: tasks("text") };
}

/**
 * What a new-run form starts from: the recipe's defaults, the exports it can train on (the newest chosen, read where
 * the server wrote it), and for an evaluation the catalog's tasks, all chosen.
 */
export async function recipeFormDefaults(db: Database, env: ServerEnv, projectId: string, kind: RecipeKind) {
  const base = { kind, recipeVersion, placement: { executor: "local" as const } };
  if (kind === "eval") {
    const tasks = await catalogTasks(db, projectId);
    const config = { ...recipeDefaults("eval"), imageTasks: tasks.image.map((t) => t.task), textTasks: tasks.text.map((t) => t.task) };
    return { ...base, config, exports: [] as RecipeExport[], tasks };
  }
  const exports = await listRecipeExports(db, env, projectId, kind);
  const newest = exports[0];
  const dataset = newest ? { exportRunId: newest.exportRunId, dataRoot: newest.serverFolder } : null;
  return { ...base, config: { ...recipeDefaults(kind), dataset }, exports, tasks: { image: [], text: [] } };
}
