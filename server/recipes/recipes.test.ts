import { describe, expect, it } from "vitest";
import { checkRecipe, describeIssues, recipeDefaults } from "./recipes";

describe("checkRecipe", () => {
  it("accepts the defaults once a dataset is chosen", () => {
    const result = checkRecipe("sft", { ...recipeDefaults("sft"), dataset: { exportRunId: 3, dataRoot: "/data/export-3" } }, { executor: "local" });
    expect(result.ok).toBe(true);
  });

  it("names every malformed field of the config and the placement", () => {
    const config = { ...recipeDefaults("sft"), trainer: { learningRate: "fast", maxSteps: 0 }, dataset: { exportRunId: 3, dataRoot: "data" }, env: { "9LIVES": "x" } };
    const result = checkRecipe("sft", config, { executor: "ray" });
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map((issue) => issue.path)).toEqual(["dataset.dataRoot", "trainer.learningRate", "trainer.maxSteps", "env.9LIVES", "placement.ray.address"]);
    expect(issues[0].message).toBe("Must be an absolute path on the GPU machine (starting with /).");
    expect(describeIssues("sft", issues)).toMatch(/^The sft recipe's config is invalid: dataset\.dataRoot: Must be an absolute path.*; trainer\.learningRate: /);
  });

  it("asks for a dataset when none is chosen", () => {
    const result = checkRecipe("rl", recipeDefaults("rl"), {});
    expect(result.ok ? [] : result.issues).toEqual([{ path: "dataset", message: "Choose an exported dataset version." }]);
  });

  it("reports placement conflicts only once the config itself is valid", () => {
    const result = checkRecipe("eval", { ...recipeDefaults("eval"), imageTasks: ["dynamath"] }, { executor: "ray", ray: { address: "http://head:8265" } });
    expect(result.ok ? [] : result.issues).toEqual([{ path: "placement.executor", message: "lmms-eval runs locally or on Slurm, not as a Ray job." }]);
  });
});

describe("recipeDefaults", () => {
  it("holds the recipe's values", () => {
    const sft = recipeDefaults("sft");
    const rl = recipeDefaults("rl");
    expect(sft).toMatchObject({ dataset: null, data: { packingLength: 61440 }, trainer: { learningRate: 5e-5, maxSteps: 4300, lrSchedulerType: "cosine", bf16: true } });
    expect(rl).toMatchObject({
      dataset: null,
      algorithm: { advEstimator: "grpo", lossMode: "gspo", clipRatioLow: 0.0003, clipRatioHigh: 0.0004 },
      rollout: { n: 16 },
      data: { maxResponseLength: 28696 },
    });
    expect(recipeDefaults("eval")).toMatchObject({ judge: { enabled: true, model: "judge", apiKey: "EMPTY" }, batchSize: 256 });
  });
});
