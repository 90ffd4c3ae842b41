import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { RecipeRun } from "./rendered-recipe";
import { renderSftRecipe, sftConfigSchema, sftPlacementIssues } from "./sft-recipe";

const data = { trainParquet: "/mnt/data/export-7/train.parquet", imageFolder: "/mnt/data/export-7/images" };
const run: RecipeRun = { name: "cold start", projectSlug: "vision", stamp: "20260301_120000", placement: { executor: "local" } };
const config = (overrides: object = {}) => sftConfigSchema.parse({ dataset: { exportRunId: 7, dataRoot: "/mnt/data/export-7" }, ...overrides });

describe("the SFT recipe", () => {
  it("renders lmms-engine's four blocks with the recipe's defaults", () => {
    const rendered = renderSftRecipe(config(), run, data);
    expect(rendered.files.map((f) => f.path)).toEqual(["sft.yaml"]);
    const text = rendered.files[0].content;
    // PyYAML reads 5e-05 as a string; the recipe's spelling is a float to it.
    expect(text).toContain("learning_rate: 5.0e-05\n");
    const yaml = parse(text);
    expect(Object.keys(yaml)).toEqual(["trainer_type", "dataset_config", "model_config", "trainer_args"]);
    expect(yaml.trainer_type).toBe("fsdp2_trainer");
    expect(yaml.dataset_config).toMatchObject({
      dataset_format: "yaml",
      datasets: [{ path: data.trainParquet, data_folder: data.imageFolder, data_type: "parquet" }],
      processor_config: { processor_name: "Qwen/Qwen2.5-VL-7B-Instruct", processor_type: "qwen2_5_vl" },
      packing: true,
      packing_strategy: "first_fit",
      packing_length: 61440,
    });
    expect(yaml.model_config).toEqual({ load_from_pretrained_path: "Qwen/Qwen2.5-VL-7B-Instruct", attn_implementation: "flash_attention_2" });
    expect(yaml.trainer_args).toMatchObject({
      learning_rate: 5e-5,
      max_steps: 4300,
      lr_scheduler_type: "cosine",
      bf16: true,
      fsdp2: true,
      warmup_ratio: 0.1,
      run_name: "cold start",
      output_dir: "./output/cold-start-20260301_120000",
      fsdp_config: { transformer_layer_cls_to_wrap: ["Qwen2_5_VLDecoderLayer"], reshard_after_forward: false },
    });
  });

  it("launches one torchrun locally, needing the GPUs on the worker itself", () => {
    const rendered = renderSftRecipe(config({ resources: { gpusPerNode: 4, labels: ["h100"] } }), run, data);
    expect(rendered.command.replace(/ \\\n\s+/g, " ")).toBe(
      "torchrun --nproc_per_node=4 --nnodes=1 --node_rank=0 --master_addr=127.0.0.1 --master_port=29500 -m lmms_engine.launch.cli config_yaml=sft.yaml",
    );
    expect(rendered.requirements).toEqual({ gpus: 4, labels: ["h100"] });
    expect(rendered.launch).toMatchObject({ executor: "local", command: rendered.command, files: rendered.files, env: { TOKENIZERS_PARALLELISM: "false" } });
  });

  it("spreads over Slurm nodes with srun, each rank told by Slurm, submitted from a worker without GPUs", () => {
    const placement = { executor: "slurm" as const, slurm: { partition: "gpu", timeLimit: "2-00:00:00" } };
    const rendered = renderSftRecipe(config({ resources: { nodes: 4 } }), { ...run, placement }, data);
    expect(rendered.command).toMatch(/^srun \\\n\s+--nodes=4 \\\n\s+--ntasks-per-node=1 \\\n\s+bash -c 'torchrun /);
    expect(rendered.command).toContain('--node_rank="$SLURM_NODEID"');
    expect(rendered.launch.slurm).toEqual({ nodes: 4, gpusPerNode: 8, partition: "gpu", timeLimit: "2-00:00:00" });
    expect(rendered.requirements.gpus).toBe(0);
  });

  it("refuses several nodes without Slurm, and Ray altogether", () => {
    expect(sftPlacementIssues(config({ resources: { nodes: 2 } }), { executor: "local" }).map((i) => i.path)).toEqual(["resources.nodes"]);
    expect(sftPlacementIssues(config(), { executor: "ray", ray: { address: "http://head:8265" } }).map((i) => i.path)).toEqual(["placement.executor"]);
  });
});
