import { describe, expect, it } from "vitest";
import type { RecipeRun } from "./rendered-recipe";
import { renderRlRecipe, rlConfigSchema, rlPlacementIssues } from "./rl-recipe";

const data = { trainParquet: "/mnt/rl/train.parquet", validationParquet: "/mnt/rl-val/train.parquet" };
const run: RecipeRun = { name: "gspo n16", projectSlug: "vision", stamp: "20260302_080000", placement: { executor: "local" } };
const config = (overrides: object = {}) => rlConfigSchema.parse({ dataset: { exportRunId: 9, dataRoot: "/mnt/rl" }, ...overrides });
/** The command's arguments as the shell will pass them (single quotes removed, one override per line). */
const argumentsOf = (command: string) => command.split(" \\\n").map((line) => line.trim().replace(/^'(.*)'$/, "$1"));

describe("the RL recipe", () => {
  it("renders verl's GSPO overrides with the recipe's values", () => {
    const rendered = renderRlRecipe(config(), run, data);
    const args = argumentsOf(rendered.command);
    expect(args[0]).toBe("python3 -m verl.trainer.main_ppo");
    expect(args).toEqual(
      expect.arrayContaining([
        "algorithm.adv_estimator=grpo",
        "actor_rollout_ref.actor.policy_loss.loss_mode=gspo",
        "actor_rollout_ref.rollout.n=16",
        "actor_rollout_ref.actor.clip_ratio_low=0.0003",
        "actor_rollout_ref.actor.clip_ratio_high=0.0004",
        "data.max_response_length=28696",
        'data.train_files=["/mnt/rl/train.parquet"]',
        'data.val_files=["/mnt/rl-val/train.parquet"]',
        'trainer.logger=["console","file"]',
        "trainer.project_name=vision",
        'trainer.experiment_name="gspo n16"',
        "trainer.default_local_dir=./output/gspo-n16-20260302_080000/checkpoints",
        "trainer.rollout_data_dir=./output/gspo-n16-20260302_080000/rollout/train",
        "trainer.validation_data_dir=./output/gspo-n16-20260302_080000/rollout/val",
      ]),
    );
    // Every override appears once: Hydra would take the last of two, and the preview would mislead.
    const keys = args.slice(1).map((arg) => arg.split("=")[0]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("points verl's file logger into the run folder, passes the judge and collects logs and rollouts", () => {
    const rendered = renderRlRecipe(config({ judge: { baseUrl: "http://judge:8000/v1", apiKey: "sk-secret" }, trainer: { extraLoggers: ["wandb"] } }), run, data);
    expect(rendered.env).toMatchObject({
      VERL_FILE_LOGGER_PATH: "./output/gspo-n16-20260302_080000/logs/metrics.jsonl",
      OPENAI_BASE_URL: "http://judge:8000/v1",
      OPENAI_MODEL_NAME: "judge",
      OPENAI_API_KEY: "sk-secret",
      USE_LLM_JUDGE: "True",
    });
    expect(rendered.displayEnv.OPENAI_API_KEY).toBe("********");
    expect(rendered.command).toContain(`'trainer.logger=["console","file","wandb"]'`);
    expect(rendered.launch.collect).toEqual([
      "output/gspo-n16-20260302_080000/logs",
      "output/gspo-n16-20260302_080000/rollout/val",
      "output/gspo-n16-20260302_080000/rollout/train",
    ]);
  });

  it("submits to a Ray cluster across nodes with an absolute output folder", () => {
    const placement = { executor: "ray" as const, ray: { address: "http://head:8265" } };
    const ray = config({ resources: { nodes: 8 }, outputRoot: "/shared/rl" });
    expect(rlPlacementIssues(ray, placement)).toEqual([]);
    const rendered = renderRlRecipe(ray, { ...run, placement }, data);
    expect(argumentsOf(rendered.command)).toEqual(expect.arrayContaining(["trainer.nnodes=8", "trainer.n_gpus_per_node=8"]));
    expect(rendered.launch.ray).toEqual({ address: "http://head:8265" });
    expect(rendered.launch.collect).toEqual([]);
    expect(rendered.requirements.gpus).toBe(0);
  });

  it("names the field at fault for settings verl cannot run", () => {
    expect(rlPlacementIssues(config({ resources: { nodes: 2 } }), { executor: "local" }).map((i) => i.path)).toEqual(["resources.nodes"]);
    expect(rlPlacementIssues(config(), { executor: "ray", ray: { address: "http://head:8265" } }).map((i) => i.path)).toEqual(["outputRoot"]);
    const tooSmall = rlConfigSchema.safeParse({ dataset: { exportRunId: 9, dataRoot: "/mnt/rl" }, actor: { ppoMiniBatchSize: 256, maxTokenLenPerGpu: 8192 } });
    expect(tooSmall.success).toBe(false);
    expect(tooSmall.error?.issues.map((i) => i.path.join("."))).toEqual(["actor.ppoMiniBatchSize", "actor.maxTokenLenPerGpu"]);
  });
});
