import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MetricLineParser, parseTrainingLog, type LogEvent, type MetricRecord } from "@/server/runs/metrics";
import { fixturePath } from "./fixtures-dir";

const RAY_RESUME = "verl_ray_ppo_qwen2.5-7b_gsm8k_resume.log";
const GEMMA = "verl_ppo_gemma-2-2b-it_gsm8k_dimansi.log";
const NUMPY2 = "verl_numpy2_npfloat64_repr_excerpt.log";
const QUICKSTART = "verl_docs_quickstart_ppo_steps0-1.log";
const HF_NAN_SPIKE = "hf_trainer_sft_qwen25vl7b_vgllm_issue45_nan_spike.log";

// Metric lines and distinct steps per file, counted from the files (see the fixtures README).
const EXPECTED_COUNTS: Record<string, { metricLines: number; steps: number; keys: number }> = {
  [RAY_RESUME]: { metricLines: 335, steps: 335, keys: 68 },
  [GEMMA]: { metricLines: 107, steps: 106, keys: 43 },
  [NUMPY2]: { metricLines: 2, steps: 2, keys: 77 },
  [QUICKSTART]: { metricLines: 2, steps: 2, keys: 40 },
  [HF_NAN_SPIKE]: { metricLines: 3, steps: 3, keys: 4 },
};

const read = (name: string) => readFileSync(fixturePath("training-logs", name), "utf8");
const parse = (name: string) => parseTrainingLog(read(name));
const stepOf = (log: ReturnType<typeof parseTrainingLog>, step: number) => {
  const row = log.steps.find((s) => s.step === step);
  if (!row) throw new Error(`no step ${step}`);
  return row;
};
const range = (from: number, to: number, by = 1) => Array.from({ length: Math.floor((to - from) / by) + 1 }, (_, i) => from + i * by);

function streamInChunks(text: string, size: number): LogEvent[] {
  const parser = new MetricLineParser();
  const events: LogEvent[] = [];
  for (let at = 0; at < text.length; at += size) events.push(...parser.push(text.slice(at, at + size)));
  return [...events, ...parser.end()];
}

describe("real training logs", () => {
  it("covers every file in the fixtures folder", () => {
    expect(readdirSync(fixturePath("training-logs")).sort()).toEqual(Object.keys(EXPECTED_COUNTS).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED_COUNTS)) {
    it(`${name}: ${expected.metricLines} metric lines, ${expected.steps} steps, ${expected.keys} keys, same when streamed`, () => {
      const text = read(name);
      const log = parseTrainingLog(text);
      expect(log.metricLineCount).toBe(expected.metricLines);
      expect(log.steps).toHaveLength(expected.steps);
      expect(log.metricKeys).toHaveLength(expected.keys);
      expect(log.overlongLineCount).toBe(0);
      // Chunk boundaries fall mid-line, mid-ANSI-sequence and mid-UTF-8 character: nothing may change.
      expect(streamInChunks(text, 997)).toEqual(streamInChunks(text, text.length));
    });
  }

  it("Ray resume log: steps 101–435, every validation, every checkpoint, the job id and its success", () => {
    const log = parse(RAY_RESUME);
    expect(log.steps.map((s) => s.step)).toEqual(range(101, 435));
    expect(log.restartCount).toBe(0);
    expect(stepOf(log, 101).metrics).toMatchObject({ "critic/score/mean": 0.941, "global_seqlen/mean": 3714.25, "actor/pg_loss": 0.019 });
    expect(stepOf(log, 435).metrics).toMatchObject({ "actor/pg_loss": 0.064, "critic/score/mean": 0.918, "training/global_step": 435 });
    const validated = log.steps.filter((s) => "val-core/openai/gsm8k/reward/mean@1" in s.metrics);
    expect(validated.map((s) => s.step)).toEqual([...range(110, 430, 10), 435]);
    expect(stepOf(log, 435).metrics["val-core/openai/gsm8k/reward/mean@1"]).toBe(0.867);
    expect(log.checkpoints.map((c) => [c.step, c.path])).toEqual([...range(110, 430, 10), 435].map((step) => [step, `/checkpoints/global_step_${step}`]));
    expect(log.rayJob).toEqual({ submissionId: "raysubmit_T3JpUGHRiC9U18UE", status: "succeeded" });
  });

  it("gemma log: steps 0–105 with the validation-only step 0 merged into the training step 0", () => {
    const log = parse(GEMMA);
    expect(log.steps.map((s) => s.step)).toEqual(range(0, 105));
    const step0 = stepOf(log, 0).metrics;
    expect(step0["test_score/openai/gsm8k"]).toBe(0.521);
    expect(step0["timing/gen"]).toBe(48.956);
    expect(Object.keys(step0)).toHaveLength(41);
    expect(stepOf(log, 59).metrics["val/test_score/openai/gsm8k"]).toBe(0.64);
    expect(stepOf(log, 105).metrics["critic/grad_norm"]).toBe(10.895);
    expect(log.restartCount).toBe(0);
    expect(log.checkpoints).toEqual([]);
    expect(log.rayJob).toBeNull();
  });

  it("numpy-2 excerpt: np.float64 reprs, ints and scientific notation at full precision", () => {
    const log = parse(NUMPY2);
    expect(log.steps.map((s) => [s.step, Object.keys(s.metrics).length])).toEqual([
      [71, 77],
      [72, 77],
    ]);
    expect(stepOf(log, 71).metrics).toMatchObject({
      "critic/vf_loss": 0.007003280876688223,
      "critic/lr": 1e-5,
      "actor/pg_loss": -0.0006611689302644663,
      "critic/advantages/mean": -1.710466790427745e-8,
      "global_seqlen/min": 69484,
      "perf/throughput": 1220.4159109515201,
    });
    expect(stepOf(log, 72).metrics["actor/pg_clipfrac"]).toBe(0.004821434231416788);
  });

  it("verl quickstart: indented lines, keys with parentheses, -0.000 and the repeated key (first kept)", () => {
    const records = streamInChunks(read(QUICKSTART), 4096).filter((e): e is MetricRecord => e.kind === "metrics");
    expect(records.map((r) => [r.step, Object.keys(r.metrics).length, r.duplicateKeys])).toEqual([
      [0, 40, undefined],
      [1, 39, ["actor/reward_kl_penalty"]],
    ]);
    const [step0, step1] = records;
    expect(Object.is(step0.metrics["critic/advantages/mean"], -0)).toBe(true);
    expect(step0.metrics).toMatchObject({ "critic/lr(1e-4)": 0.1, "actor/lr(1e-4)": 0.01, "actor/reward_kl_penalty_coeff": 0.001 });
    // The second `actor/reward_kl_penalty:0.001` sits where step 0 prints the coefficient: the first value is the penalty.
    expect(step1.metrics["actor/reward_kl_penalty"]).toBe(0);
  });

  it("HF Trainer log: dict lines numbered 1–3 with the nan grad_norm of the loss spike", () => {
    const log = parse(HF_NAN_SPIKE);
    expect(log.metricKeys).toEqual(["epoch", "grad_norm", "learning_rate", "loss"]);
    expect(log.steps.map((s) => [s.step, s.metrics.loss])).toEqual([
      [1, 14.6804],
      [2, 14.3597],
      [3, 8195.7664],
    ]);
    expect(stepOf(log, 1).metrics.grad_norm).toBe(86.92993927001953);
    expect(stepOf(log, 3).metrics.grad_norm).toBeNaN();
    expect(stepOf(log, 3).metrics.learning_rate).toBe(4.666666666666667e-6);
  });
});
