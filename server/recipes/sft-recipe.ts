import { z } from "zod";
import { datasetSourceSchema, extraEnvSchema, modelReferenceSchema, outputRootSchema, resourcesSchema, type Placement } from "./common-schemas";
import { pythonFloat, stringifyForPython } from "./python-yaml";
import { assembleRecipe, multiNodeIssue, type RecipeIssue, type RecipeRun, type RenderedRecipe } from "./rendered-recipe";
import { runFolderPath } from "./run-folder";
import { commandLines, shellQuote } from "./shell";

const baseModel = "Qwen/Qwen2.5-VL-7B-Instruct";
export const sftConfigFileName = "sft.yaml";

/** Stage 1 of the recipe: lmms-engine SFT of Qwen2.5-VL-7B-Instruct; defaults from its example config and launch script. */
export const sftConfigSchema = z.object({
  dataset: datasetSourceSchema,
  model: z
    .object({
      pretrainedPath: modelReferenceSchema.default(baseModel),
      processorName: modelReferenceSchema.default(baseModel),
      attnImplementation: z.enum(["flash_attention_2", "sdpa", "eager"]).default("flash_attention_2"),
    })
    .prefault({}),
  data: z
    .object({
      datasetType: z.enum(["vision_iterable", "vision"]).default("vision_iterable"),
      packingLength: z.number().int().min(1024).max(1_048_576).default(61440),
      imageMaxPixels: z.number().int().positive().default(4194304),
    })
    .prefault({}),
  trainer: z
    .object({
      learningRate: z.number().positive().max(1).default(5e-5),
      maxSteps: z.number().int().positive().default(4300),
      lrSchedulerType: z.enum(["cosine", "linear", "constant", "constant_with_warmup"]).default("cosine"),
      warmupRatio: z.number().min(0).max(1).default(0.1),
      weightDecay: z.number().min(0).max(1).default(0),
      perDeviceTrainBatchSize: z.number().int().positive().default(1),
      gradientAccumulationSteps: z.number().int().positive().default(1),
      gradientCheckpointing: z.boolean().default(true),
      bf16: z.boolean().default(true),
      saveSteps: z.number().int().positive().default(2000),
      saveTotalLimit: z.number().int().positive().default(3),
      loggingSteps: z.number().int().positive().default(1),
      useLigerKernel: z.boolean().default(true),
      useRmpad: z.boolean().default(true),
      reportTo: z.enum(["none", "wandb", "tensorboard"]).default("none"),
    })
    .prefault({}),
  outputRoot: outputRootSchema.default("./output"),
  resources: resourcesSchema.extend({ masterPort: z.number().int().min(1024).max(65535).default(29500) }).prefault({}),
  env: extraEnvSchema,
});
export type SftConfig = z.infer<typeof sftConfigSchema>;

/** Where the exported dataset's files are on the GPU machine. */
export interface SftData {
  trainParquet: string;
  imageFolder: string;
}

export function sftPlacementIssues(config: SftConfig, placement: Placement): RecipeIssue[] {
  const issues = multiNodeIssue(config.resources, placement, ["slurm"]);
  // torchrun starts the ranks itself; Ray Jobs would only run it on the head node.
  if (placement.executor === "ray") issues.push({ path: "placement.executor", message: "lmms-engine SFT runs locally or on Slurm, not as a Ray job." });
  return issues;
}

/** The four blocks of lmms-engine's config, with the recipe's packing, optimiser and FSDP2 settings. */
export function sftYaml(config: SftConfig, run: RecipeRun, data: SftData, runFolder: string): string {
  const { model, trainer } = config;
  return stringifyForPython({
    trainer_type: "fsdp2_trainer",
    dataset_config: {
      dataset_type: config.data.datasetType,
      dataset_format: "yaml",
      datasets: [{ path: data.trainParquet, data_folder: data.imageFolder, data_type: "parquet" }],
      processor_config: { processor_name: model.processorName, processor_type: "qwen2_5_vl" },
      shuffle: true,
      packing: true,
      packing_strategy: "first_fit",
      packing_length: config.data.packingLength,
      filter_overlong: true,
      extra_kwargs: { image_max_pixels: config.data.imageMaxPixels },
    },
    model_config: { load_from_pretrained_path: model.pretrainedPath, attn_implementation: model.attnImplementation },
    trainer_args: {
      per_device_train_batch_size: trainer.perDeviceTrainBatchSize,
      learning_rate: pythonFloat(trainer.learningRate),
      weight_decay: pythonFloat(trainer.weightDecay),
      gradient_accumulation_steps: trainer.gradientAccumulationSteps,
      gradient_checkpointing: trainer.gradientCheckpointing,
      max_steps: trainer.maxSteps,
      save_steps: trainer.saveSteps,
      save_total_limit: trainer.saveTotalLimit,
      report_to: trainer.reportTo,
      output_dir: runFolder,
      warmup_ratio: pythonFloat(trainer.warmupRatio),
      run_name: run.name,
      logging_steps: trainer.loggingSteps,
      bf16: trainer.bf16,
      lr_scheduler_type: trainer.lrSchedulerType,
      use_liger_kernel: trainer.useLigerKernel,
      use_rmpad: trainer.useRmpad,
      fsdp2: true,
      fsdp_config: { transformer_layer_cls_to_wrap: ["Qwen2_5_VLDecoderLayer"], reshard_after_forward: false },
    },
  });
}

function torchrunArguments(config: SftConfig, rendezvous: { nnodes: string; nodeRank: string; masterAddr: string }): string[] {
  return [
    `--nproc_per_node=${config.resources.gpusPerNode}`,
    `--nnodes=${rendezvous.nnodes}`,
    `--node_rank=${rendezvous.nodeRank}`,
    `--master_addr=${rendezvous.masterAddr}`,
    `--master_port=${config.resources.masterPort}`,
    "-m lmms_engine.launch.cli",
    `config_yaml=${sftConfigFileName}`,
  ];
}

/**
 * Locally one torchrun on this machine. On Slurm one torchrun per node through srun, each reading its rank from
 * Slurm and meeting the first node of the allocation.
 */
function sftCommand(config: SftConfig, placement: Placement): string {
  if (placement.executor !== "slurm") {
    return commandLines("torchrun", torchrunArguments(config, { nnodes: "1", nodeRank: "0", masterAddr: "127.0.0.1" }));
  }
  const perNode = ["torchrun", ...torchrunArguments(config, {
    nnodes: '"$SLURM_NNODES"',
    nodeRank: '"$SLURM_NODEID"',
    masterAddr: '"$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)"',
  })].join(" ");
  return commandLines("srun", [`--nodes=${config.resources.nodes}`, "--ntasks-per-node=1", `bash -c ${shellQuote(perNode)}`]);
}

export function renderSftRecipe(config: SftConfig, run: RecipeRun, data: SftData): RenderedRecipe {
  const runFolder = runFolderPath(config.outputRoot, run.name, run.stamp);
  return assembleRecipe({
    files: [{ path: sftConfigFileName, content: sftYaml(config, run, data, runFolder) }],
    command: sftCommand(config, run.placement),
    env: { TOKENIZERS_PARALLELISM: "false", ...config.env },
    // Checkpoints are far too large to upload; the log carries the metrics.
    collect: [],
    placement: run.placement,
    resources: config.resources,
    runFolder,
  });
}
