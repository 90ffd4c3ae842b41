import type { RecipeKind } from "@/server/recipes/recipes";

interface FieldBase {
  /** Dotted path into the config, e.g. `trainer.learningRate`. */
  path: string;
  label: string;
  help?: string;
}

export type FieldSpec =
  | (FieldBase & { type: "number" | "text" | "secret" | "boolean" | "labels" })
  | (FieldBase & { type: "select"; options: readonly string[] })
  | (FieldBase & { type: "multi"; options: readonly string[] });

export interface FieldSection {
  title: string;
  fields: FieldSpec[];
}

const judgeSection: FieldSection = {
  title: "LLM judge",
  fields: [
    { path: "judge.enabled", label: "Use the LLM judge", type: "boolean" },
    { path: "judge.baseUrl", label: "Judge base URL", type: "text", help: "An OpenAI-compatible server (vLLM, SGLang)." },
    { path: "judge.model", label: "Judge model name", type: "text" },
    { path: "judge.apiKey", label: "Judge API key", type: "secret", help: "Stored with the run; shown masked." },
  ],
};

const resources = (options: { nodes: boolean; masterPort?: boolean }): FieldSection => ({
  title: "Resources and outputs",
  fields: [
    ...(options.nodes ? [{ path: "resources.nodes", label: "Nodes", type: "number" } as const] : []),
    { path: "resources.gpusPerNode", label: "GPUs per node", type: "number" },
    ...(options.masterPort ? [{ path: "resources.masterPort", label: "Master port", type: "number" } as const] : []),
    { path: "resources.labels", label: "Worker labels", type: "labels", help: "Comma-separated, e.g. h100,nvlink." },
    { path: "outputRoot", label: "Output folder", type: "text", help: "Relative to the run's folder on the worker, or absolute." },
  ],
});

const sftSections: FieldSection[] = [
  {
    title: "Model",
    fields: [
      { path: "model.pretrainedPath", label: "Pretrained model", type: "text" },
      { path: "model.processorName", label: "Processor", type: "text" },
      { path: "model.attnImplementation", label: "Attention", type: "select", options: ["flash_attention_2", "sdpa", "eager"] },
    ],
  },
  {
    title: "Data",
    fields: [
      { path: "data.packingLength", label: "Packing length", type: "number", help: "Tokens per packed sequence; lower it on OOM." },
      { path: "data.datasetType", label: "Dataset type", type: "select", options: ["vision_iterable", "vision"] },
      { path: "data.imageMaxPixels", label: "Image max pixels", type: "number" },
    ],
  },
  {
    title: "Training",
    fields: [
      { path: "trainer.learningRate", label: "Learning rate", type: "number" },
      { path: "trainer.maxSteps", label: "Max steps", type: "number" },
      { path: "trainer.lrSchedulerType", label: "LR schedule", type: "select", options: ["cosine", "linear", "constant", "constant_with_warmup"] },
      { path: "trainer.warmupRatio", label: "Warmup ratio", type: "number" },
      { path: "trainer.weightDecay", label: "Weight decay", type: "number" },
      { path: "trainer.perDeviceTrainBatchSize", label: "Batch size per GPU", type: "number" },
      { path: "trainer.gradientAccumulationSteps", label: "Gradient accumulation", type: "number" },
      { path: "trainer.saveSteps", label: "Save every (steps)", type: "number" },
      { path: "trainer.saveTotalLimit", label: "Checkpoints kept", type: "number" },
      { path: "trainer.loggingSteps", label: "Log every (steps)", type: "number" },
      { path: "trainer.reportTo", label: "Report to", type: "select", options: ["none", "wandb", "tensorboard"] },
      { path: "trainer.bf16", label: "bf16", type: "boolean" },
      { path: "trainer.gradientCheckpointing", label: "Gradient checkpointing", type: "boolean" },
      { path: "trainer.useLigerKernel", label: "Liger kernel", type: "boolean" },
      { path: "trainer.useRmpad", label: "Remove padding", type: "boolean" },
    ],
  },
  resources({ nodes: true, masterPort: true }),
];

const rlSections: FieldSection[] = [
  { title: "Model", fields: [{ path: "model.path", label: "Initial policy (the SFT model)", type: "text" }] },
  {
    title: "Algorithm",
    fields: [
      { path: "algorithm.advEstimator", label: "Advantage estimator", type: "select", options: ["grpo", "rloo", "reinforce_plus_plus"] },
      { path: "algorithm.lossMode", label: "Policy loss", type: "select", options: ["gspo", "vanilla"] },
      { path: "algorithm.lossAggMode", label: "Loss aggregation", type: "select", options: ["seq-mean-token-mean", "token-mean", "seq-mean-token-sum"] },
      { path: "algorithm.clipRatioLow", label: "Clip ratio low", type: "number" },
      { path: "algorithm.clipRatioHigh", label: "Clip ratio high", type: "number" },
      { path: "algorithm.useKlLoss", label: "KL loss", type: "boolean" },
      { path: "algorithm.klLossCoef", label: "KL loss coefficient", type: "number" },
    ],
  },
  {
    title: "Rollout",
    fields: [
      { path: "rollout.n", label: "Rollouts per prompt", type: "number" },
      { path: "rollout.engine", label: "Engine", type: "select", options: ["vllm", "sglang"] },
      { path: "rollout.temperature", label: "Temperature", type: "number" },
      { path: "rollout.topP", label: "Top-p", type: "number" },
      { path: "rollout.validationTopP", label: "Validation top-p", type: "number" },
      { path: "rollout.gpuMemoryUtilization", label: "GPU memory utilisation", type: "number" },
      { path: "rollout.tensorParallelSize", label: "Tensor parallel size", type: "number" },
    ],
  },
  {
    title: "Batches and lengths",
    fields: [
      { path: "data.trainBatchSize", label: "Prompts per step", type: "number" },
      { path: "data.maxPromptLength", label: "Max prompt length", type: "number" },
      { path: "data.maxResponseLength", label: "Max response length", type: "number" },
      { path: "actor.ppoMiniBatchSize", label: "PPO mini-batch", type: "number" },
      { path: "actor.ppoMicroBatchSizePerGpu", label: "Micro-batch per GPU", type: "number" },
      { path: "actor.maxTokenLenPerGpu", label: "Tokens per GPU", type: "number" },
    ],
  },
  {
    title: "Optimiser and trainer",
    fields: [
      { path: "actor.learningRate", label: "Learning rate", type: "number" },
      { path: "actor.warmupSteps", label: "Warmup steps", type: "number" },
      { path: "actor.weightDecay", label: "Weight decay", type: "number" },
      { path: "actor.offload", label: "Offload parameters and optimiser", type: "boolean" },
      { path: "trainer.totalEpochs", label: "Epochs", type: "number" },
      { path: "trainer.saveFreq", label: "Save every (steps)", type: "number" },
      { path: "trainer.testFreq", label: "Validate every (steps)", type: "number" },
      { path: "trainer.extraLoggers", label: "Extra loggers (console and file always on)", type: "multi", options: ["wandb", "tensorboard", "mlflow", "swanlab"] },
    ],
  },
  {
    title: "Reward",
    fields: [
      { path: "reward.manager", label: "Reward manager", type: "select", options: ["dapo", "naive"] },
      { path: "reward.functionPath", label: "Reward function (.py on the worker)", type: "text", help: "The recipe's is custom_rewards/lmms_lab_recipe.py; empty uses verl's own." },
    ],
  },
  judgeSection,
  resources({ nodes: true }),
];

const evalSections: FieldSection[] = [
  {
    title: "Model",
    fields: [
      { path: "model.checkpoint", label: "Model or checkpoint", type: "text" },
      { path: "model.tensorParallelSize", label: "Tensor parallel size", type: "number" },
      { path: "model.gpuMemoryUtilization", label: "GPU memory utilisation", type: "number" },
      { path: "batchSize", label: "Batch size", type: "number" },
      { path: "includePath", label: "Extra task folder (--include_path)", type: "text" },
    ],
  },
  judgeSection,
  resources({ nodes: false }),
];

/** The form's sections per recipe: the fields a person tunes; the rest is the recipe's and shows in the preview. */
export const recipeFieldSections: Record<RecipeKind, FieldSection[]> = { sft: sftSections, rl: rlSections, eval: evalSections };
