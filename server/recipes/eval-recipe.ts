import { z } from "zod";
import { extraEnvSchema, judgeEnv, judgeSchema, modelReferenceSchema, outputRootSchema, resourcesSchema, type Placement } from "./common-schemas";
import { assembleRecipe, type RecipeIssue, type RecipeRun, type RenderedRecipe } from "./rendered-recipe";
import { collectablePath, runFolderPath } from "./run-folder";
import { commandLines, shellQuote } from "./shell";

const taskName = z.string().regex(/^[A-Za-z0-9_.-]+$/, "An lmms-eval task name is letters, digits, '.', '_' or '-'.");

/** The recipe's evaluation: lmms-eval on vLLM over the benchmark catalog's image and text tasks, judged by the LLM judge. */
export const evalConfigShape = z.object({
  model: z
    .object({
      checkpoint: modelReferenceSchema.default("OpenMMReasoner/OpenMMReasoner-RL"),
      tensorParallelSize: z.number().int().min(1).max(16).default(1),
      gpuMemoryUtilization: z.number().gt(0).lt(1).default(0.7),
    })
    .prefault({}),
  imageTasks: z.array(taskName).default([]),
  textTasks: z.array(taskName).default([]),
  batchSize: z.number().int().positive().default(256),
  /** A folder of extra lmms-eval task definitions on the GPU machine (`--include_path`); empty for lmms-eval's own. */
  includePath: z.union([z.literal(""), z.string().trim().regex(/^[^\s]+$/, "A folder path without spaces.")]).default(""),
  outputRoot: outputRootSchema.default("./eval-output"),
  judge: judgeSchema.prefault({}),
  resources: resourcesSchema.prefault({}),
  env: extraEnvSchema,
});

export const evalConfigSchema = evalConfigShape.superRefine((config, context) => {
  if (config.imageTasks.length + config.textTasks.length === 0) {
    context.addIssue({ code: "custom", path: ["imageTasks"], message: "Choose at least one image or text task." });
  }
  if (config.resources.gpusPerNode % config.model.tensorParallelSize !== 0) {
    context.addIssue({ code: "custom", path: ["model", "tensorParallelSize"], message: `Must divide the GPUs per node (${config.resources.gpusPerNode}).` });
  }
});
export type EvalConfig = z.infer<typeof evalConfigSchema>;

export function evalPlacementIssues(config: EvalConfig, placement: Placement): RecipeIssue[] {
  const issues: RecipeIssue[] = [];
  // vLLM spreads one evaluation over the GPUs of one machine (data parallel), not across machines.
  if (config.resources.nodes > 1) issues.push({ path: "resources.nodes", message: "An evaluation runs on one node." });
  if (placement.executor === "ray") issues.push({ path: "placement.executor", message: "lmms-eval runs locally or on Slurm, not as a Ray job." });
  return issues;
}

export function renderEvalRecipe(config: EvalConfig, run: RecipeRun): RenderedRecipe {
  const runFolder = runFolderPath(config.outputRoot, run.name, run.stamp);
  const { model } = config;
  const modelArgs = [
    `model=${model.checkpoint}`,
    `tensor_parallel_size=${model.tensorParallelSize}`,
    `data_parallel_size=${config.resources.gpusPerNode / model.tensorParallelSize}`,
    `gpu_memory_utilization=${model.gpuMemoryUtilization}`,
    "disable_log_stats=True",
  ].join(",");
  const command = commandLines("python3 -m lmms_eval", [
    "--model vllm",
    `--model_args ${shellQuote(modelArgs)}`,
    `--tasks ${[...config.imageTasks, ...config.textTasks].join(",")}`,
    `--batch_size ${config.batchSize}`,
    "--log_samples",
    `--output_path ${shellQuote(runFolder)}`,
    ...(config.includePath ? [`--include_path ${shellQuote(config.includePath)}`] : []),
  ]);
  return assembleRecipe({
    files: [],
    command,
    env: { VLLM_WORKER_MULTIPROC_METHOD: "spawn", ...judgeEnv(config.judge), ...config.env },
    // The results and samples files are what the evaluation import reads.
    collect: [collectablePath(runFolder)],
    placement: run.placement,
    resources: config.resources,
    runFolder,
  });
}
