import { describe, expect, it } from "vitest";
import { evalConfigSchema, evalPlacementIssues, renderEvalRecipe } from "./eval-recipe";
import type { RecipeRun } from "./rendered-recipe";

const run: RecipeRun = { name: "OMR RL / step 600", projectSlug: "vision", stamp: "20260303_101500", placement: { executor: "local" } };
const imageTasks = ["mathvista_testmini_cot_reward", "mmmu_reasoning_reward"];
const textTasks = ["gpqa_diamond_thinking", "aime_agg8"];

describe("the evaluation recipe", () => {
  it("runs lmms-eval over the image and text tasks into a folder of its own", () => {
    const config = evalConfigSchema.parse({ imageTasks, textTasks, model: { checkpoint: "/ckpt/global_step_600", tensorParallelSize: 2 } });
    const rendered = renderEvalRecipe(config, run);
    const flags = rendered.command.split(" \\\n").map((line) => line.trim());
    expect(flags).toEqual([
      "python3 -m lmms_eval",
      "--model vllm",
      "--model_args model=/ckpt/global_step_600,tensor_parallel_size=2,data_parallel_size=4,gpu_memory_utilization=0.7,disable_log_stats=True",
      "--tasks mathvista_testmini_cot_reward,mmmu_reasoning_reward,gpqa_diamond_thinking,aime_agg8",
      "--batch_size 256",
      "--log_samples",
      "--output_path ./eval-output/OMR-RL-step-600-20260303_101500",
    ]);
    expect(rendered.runFolder).toBe("./eval-output/OMR-RL-step-600-20260303_101500");
    expect(rendered.launch.collect).toEqual(["eval-output/OMR-RL-step-600-20260303_101500"]);
  });

  it("gives a different output folder to another launch of the same config", () => {
    const config = evalConfigSchema.parse({ imageTasks });
    const first = renderEvalRecipe(config, run);
    const second = renderEvalRecipe(config, { ...run, stamp: "20260303_101501" });
    expect(first.runFolder).not.toBe(second.runFolder);
  });

  it("passes the judge's address, model and key, the key masked for display", () => {
    const config = evalConfigSchema.parse({ imageTasks, judge: { baseUrl: "https://judge.example/v1", model: "qwen3-judge", apiKey: "sk-live-42" } });
    const rendered = renderEvalRecipe(config, run);
    expect(rendered.env).toEqual({
      VLLM_WORKER_MULTIPROC_METHOD: "spawn",
      OPENAI_BASE_URL: "https://judge.example/v1",
      OPENAI_MODEL_NAME: "qwen3-judge",
      OPENAI_API_KEY: "sk-live-42",
      USE_LLM_JUDGE: "True",
    });
    expect(rendered.displayEnv).toEqual({ ...rendered.env, OPENAI_API_KEY: "********" });
    expect(JSON.stringify(rendered.displayEnv)).not.toContain("sk-live-42");
  });

  it("names the field when no task is chosen or the GPUs do not split evenly", () => {
    const result = evalConfigSchema.safeParse({ model: { tensorParallelSize: 3 } });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["imageTasks", "Choose at least one image or text task."],
      ["model.tensorParallelSize", "Must divide the GPUs per node (8)."],
    ]);
    expect(evalPlacementIssues(evalConfigSchema.parse({ imageTasks, resources: { nodes: 2 } }), { executor: "slurm" })[0].path).toBe("resources.nodes");
  });
});
