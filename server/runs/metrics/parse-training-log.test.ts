import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTrainingLog } from "./parse-training-log";

const fixtures = path.resolve(import.meta.dirname, "../../../tests/fixtures/training-logs");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

describe("parseTrainingLog", () => {
  it("reads a Ray verl transcript: merged step 0, quirky values, checkpoints and job status", () => {
    const log = parseTrainingLog(read("verl-ray-console.log"));
    expect(log.steps.map((s) => s.step)).toEqual([0, 1, 2]);
    expect(log.metricLineCount).toBe(4);
    expect(log.restartCount).toBe(0);
    const [step0, step1, step2] = log.steps;
    expect(step0.metrics).toMatchObject({ "val-core/geo3k/reward/mean@1": 0.412, "actor/pg_loss": -0.0123, "actor/entropy": 0.015 });
    expect(Object.is(step0.metrics["actor/ppo_kl"], -0)).toBe(true);
    expect(step1.metrics["actor/ppo_kl"]).toBe(0.001);
    expect(step1.metrics["actor/grad_norm"]).toBeNaN();
    expect(step2.metrics).toMatchObject({ "actor/grad_norm": Number.POSITIVE_INFINITY, "response_length/max": 28696, "actor/lr(1e-4)": 0.01 });
    expect(log.metricKeys).toEqual([
      "actor/entropy",
      "actor/grad_norm",
      "actor/lr(1e-4)",
      "actor/pg_loss",
      "actor/ppo_kl",
      "critic/score/mean",
      "response_length/max",
      "val-core/geo3k/reward/mean@1",
    ]);
    expect(log.checkpoints.map((c) => [c.step, c.path])).toEqual([
      [1, "/ckpt/global_step_1"],
      [2, "/ckpt/global_step_2"],
    ]);
    expect(log.rayJob).toEqual({ submissionId: "raysubmit_Ab12Cd34Ef56Gh78", status: "succeeded" });
  });

  it("reads lmms-engine dict lines with explicit steps and keeps strings and flags aside", () => {
    const log = parseTrainingLog(read("lmms-engine-sft.log"));
    expect(log.steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(log.steps[0]).toEqual({
      step: 1,
      metrics: { "train/loss": 0.7412, "train/lr": 4.9e-6, "train/grad_norm": 1.25, "train/epoch": 0.01 },
      extras: { "train/tokens": "12.3M" },
    });
    expect(log.steps[1].metrics["train/grad_norm"]).toBeNaN();
    expect(log.steps[1].extras).toEqual({ "train/tokens": "24.6M", "train/is_packed": true });
    expect(log.steps[2].metrics["train/grad_norm"]).toBe(Number.POSITIVE_INFINITY);
    expect(log.steps[2].extras).toEqual({ "train/mfu": null });
    expect(log.rayJob).toBeNull();
  });

  it("numbers HF Trainer lines in order, including one drawn after tqdm's \\r", () => {
    const log = parseTrainingLog(read("hf-trainer-sft.log"));
    expect(log.steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    expect(log.steps[1].metrics.grad_norm).toBeNaN();
    expect(log.steps[2].metrics).toMatchObject({ loss: 9870, grad_norm: Number.NEGATIVE_INFINITY });
    expect(log.steps[3].metrics.train_runtime).toBe(30.5);
    expect(log.checkpoints).toMatchObject([{ kind: "checkpoint", step: 2, path: "output/qwen-sft/checkpoint-2", line: 3 }]);
  });

  it("keeps the latest values per step of a verl JSONL file written again after a restart", () => {
    const log = parseTrainingLog(read("verl-file-logger.jsonl"));
    expect(log.steps.map((s) => s.step)).toEqual([1, 2, 3, 4]);
    expect(log.metricLineCount).toBe(6);
    expect(log.restartCount).toBe(1);
    expect(log.steps[0].metrics["val-core/geo3k/acc"]).toBeNaN();
    expect(log.steps[1].metrics).toEqual({ "actor/pg_loss": 0.25, "critic/score/mean": 0.46, "timing_s/step": 12.5 });
    expect(log.steps[2].metrics).toEqual({ "actor/pg_loss": 0.35, "critic/score/mean": 0.52 });
    expect(log.steps[3].extras).toEqual({ "trainer/phase": "rl" });
  });
});
