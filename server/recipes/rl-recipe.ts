import { z } from "zod";
import {
  datasetSourceSchema,
  extraEnvSchema,
  judgeEnv,
  judgeSchema,
  modelReferenceSchema,
  outputRootSchema,
  resourcesSchema,
  type Placement,
} from "./common-schemas";
import { rlOverrides } from "./rl-overrides";
import { assembleRecipe, multiNodeIssue, type RecipeIssue, type RecipeRun, type RenderedRecipe } from "./rendered-recipe";
import { collectablePath, runFolderPath } from "./run-folder";
import { commandLines } from "./shell";

/** Stage 2 of the recipe: verl with GRPO advantages and the GSPO loss; defaults from its gspo_n16 script. */
export const rlConfigShape = z.object({
  dataset: datasetSourceSchema,
  /** Validation set; null validates on the training export. */
  validation: datasetSourceSchema.nullable().default(null),
  model: z.object({ path: modelReferenceSchema.default("OpenMMReasoner/OpenMMReasoner-ColdStart") }).prefault({}),
  algorithm: z
    .object({
      advEstimator: z.enum(["grpo", "rloo", "reinforce_plus_plus"]).default("grpo"),
      lossMode: z.enum(["gspo", "vanilla"]).default("gspo"),
      lossAggMode: z.enum(["seq-mean-token-mean", "token-mean", "seq-mean-token-sum"]).default("seq-mean-token-mean"),
      // GSPO clips the sequence-level ratio, hence ranges three orders of magnitude below PPO's 0.2.
      clipRatioLow: z.number().positive().max(1).default(0.0003),
      clipRatioHigh: z.number().positive().max(1).default(0.0004),
      useKlLoss: z.boolean().default(false),
      klLossCoef: z.number().min(0).default(0),
    })
    .prefault({}),
  rollout: z
    .object({
      n: z.number().int().min(1).max(128).default(16),
      engine: z.enum(["vllm", "sglang"]).default("vllm"),
      temperature: z.number().min(0).max(2).default(1),
      topP: z.number().gt(0).max(1).default(1),
      validationTopP: z.number().gt(0).max(1).default(0.7),
      gpuMemoryUtilization: z.number().gt(0).lt(1).default(0.8),
      tensorParallelSize: z.number().int().min(1).max(16).default(1),
    })
    .prefault({}),
  data: z
    .object({
      trainBatchSize: z.number().int().positive().default(128),
      maxPromptLength: z.number().int().positive().default(4096),
      maxResponseLength: z.number().int().positive().default(28696),
    })
    .prefault({}),
  actor: z
    .object({
      learningRate: z.number().positive().max(1).default(1e-6),
      warmupSteps: z.number().int().min(0).default(25),
      weightDecay: z.number().min(0).max(1).default(0.1),
      ppoMiniBatchSize: z.number().int().positive().default(128),
      ppoMicroBatchSizePerGpu: z.number().int().positive().default(8),
      /** Token budget per GPU for dynamic batches: one prompt plus its longest response must fit. */
      maxTokenLenPerGpu: z.number().int().positive().default(33792),
      offload: z.boolean().default(true),
    })
    .prefault({}),
  trainer: z
    .object({
      totalEpochs: z.number().int().positive().default(15),
      saveFreq: z.number().int().positive().default(16),
      testFreq: z.number().int().positive().default(16),
      /** Loggers besides console and file, which MMR Studio reads and so always keeps. */
      extraLoggers: z.array(z.enum(["wandb", "tensorboard", "mlflow", "swanlab"])).default([]),
    })
    .prefault({}),
  reward: z
    .object({
      manager: z.enum(["dapo", "naive"]).default("dapo"),
      /** The recipe's reward (custom_rewards/lmms_lab_recipe.py in OpenMMReasoner) as a path on the GPU machine; empty uses verl's built-in scorers. */
      functionPath: z.union([z.literal(""), z.string().trim().regex(/^[^\s]+\.py$/, "A Python file path, e.g. /opt/OpenMMReasoner/custom_rewards/lmms_lab_recipe.py.")]).default(""),
    })
    .prefault({}),
  judge: judgeSchema.prefault({}),
  outputRoot: outputRootSchema.default("./output"),
  resources: resourcesSchema.prefault({}),
  env: extraEnvSchema,
});

export const rlConfigSchema = rlConfigShape.superRefine((config, context) => {
  if (config.actor.ppoMiniBatchSize > config.data.trainBatchSize) {
    context.addIssue({ code: "custom", path: ["actor", "ppoMiniBatchSize"], message: `verl needs the mini-batch to fit in a training batch (${config.data.trainBatchSize}).` });
  }
  const longest = config.data.maxPromptLength + config.data.maxResponseLength;
  if (config.actor.maxTokenLenPerGpu < longest) {
    context.addIssue({ code: "custom", path: ["actor", "maxTokenLenPerGpu"], message: `Must hold a full prompt and response (${longest} tokens).` });
  }
});
export type RlConfig = z.infer<typeof rlConfigSchema>;

/** Where the exported verl parquet files are on the GPU machine. */
export interface RlData {
  trainParquet: string;
  validationParquet: string;
}

export function rlPlacementIssues(config: RlConfig, placement: Placement): RecipeIssue[] {
  const issues = multiNodeIssue(config.resources, placement, ["ray"]);
  // The Ray job runs on the cluster, not in the agent's working folder: a relative folder would land nowhere known.
  if (placement.executor === "ray" && !config.outputRoot.startsWith("/")) {
    issues.push({ path: "outputRoot", message: "A Ray job needs an absolute output folder on the cluster's shared filesystem." });
  }
  return issues;
}

/** The folders verl writes beside its checkpoints: the file logger's JSONL and per-step rollout dumps. */
export function rlOutputFolders(runFolder: string) {
  return {
    checkpoints: `${runFolder}/checkpoints`,
    logs: `${runFolder}/logs`,
    rolloutTrain: `${runFolder}/rollout/train`,
    rolloutValidation: `${runFolder}/rollout/val`,
  };
}
export type RlOutputFolders = ReturnType<typeof rlOutputFolders>;

export function renderRlRecipe(config: RlConfig, run: RecipeRun, data: RlData): RenderedRecipe {
  const runFolder = runFolderPath(config.outputRoot, run.name, run.stamp);
  const folders = rlOutputFolders(runFolder);
  return assembleRecipe({
    files: [],
    command: commandLines("python3 -m verl.trainer.main_ppo", rlOverrides(config, run, data, folders)),
    env: {
      VLLM_USE_V1: "1",
      // verl's file logger writes its JSONL here; MMR Studio reads the metrics from it.
      VERL_FILE_LOGGER_PATH: `${folders.logs}/metrics.jsonl`,
      ...judgeEnv(config.judge),
      ...config.env,
    },
    collect: [collectablePath(folders.logs), collectablePath(folders.rolloutValidation), collectablePath(folders.rolloutTrain)],
    placement: run.placement,
    resources: config.resources,
    runFolder,
  });
}
