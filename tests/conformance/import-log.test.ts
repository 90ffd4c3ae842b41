import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drivers, openFixtureApp, projectSlug, setupTimeoutMs, type FixtureApp } from "./fixture-app";
import { fixturePath } from "./fixtures-dir";

const project = projectSlug;

// Steps and keys as training-logs.test.ts counts them from the parser; lines as the files hold them (the gemma log
// has no final newline); checkpoints as each file prints them. Every one of these runs ended well: the Ray transcript
// says its job succeeded, the others end without a crash.
const EXPECTED: Record<string, { kind: "sft" | "rl"; steps: number; keys: number; lines: number; checkpoints: number }> = {
  "verl_ray_ppo_qwen2.5-7b_gsm8k_resume.log": { kind: "rl", steps: 335, keys: 68, lines: 2919, checkpoints: 34 },
  "verl_ppo_gemma-2-2b-it_gsm8k_dimansi.log": { kind: "rl", steps: 106, keys: 43, lines: 529, checkpoints: 0 },
  "verl_numpy2_npfloat64_repr_excerpt.log": { kind: "rl", steps: 2, keys: 77, lines: 4, checkpoints: 0 },
  "verl_docs_quickstart_ppo_steps0-1.log": { kind: "rl", steps: 2, keys: 40, lines: 2, checkpoints: 0 },
  "hf_trainer_sft_qwen25vl7b_vgllm_issue45_nan_spike.log": { kind: "sft", steps: 3, keys: 4, lines: 14, checkpoints: 0 },
};

for (const driver of drivers) {
  describe(`every real training log imported as a finished run, on ${driver}`, () => {
    let fixture: FixtureApp;
    beforeAll(async () => {
      fixture = await openFixtureApp(driver);
    }, setupTimeoutMs);
    afterAll(() => fixture.app.close());

    it("covers every file in the fixtures folder", () => {
      expect(readdirSync(fixturePath("training-logs")).sort()).toEqual(Object.keys(EXPECTED).sort());
    });

    for (const [fileName, expected] of Object.entries(EXPECTED)) {
      it(`${fileName}: succeeded, ${expected.steps} steps, ${expected.keys} keys, ${expected.checkpoints} checkpoints, ${expected.lines} log lines`, async () => {
        const { caller } = fixture;
        const text = readFileSync(fixturePath("training-logs", fileName), "utf8");
        const result = await caller.runs.importLog({ project, kind: expected.kind, name: fileName, fileName, text });
        expect(result.status).toBe("succeeded");
        expect(result.steps).toBe(expected.steps);
        expect(result.metricKeys).toHaveLength(expected.keys);
        expect(await caller.runs.metricKeys({ project, runId: result.runId })).toEqual(result.metricKeys);
        expect(await caller.runs.checkpoints({ project, runId: result.runId })).toHaveLength(expected.checkpoints);
        const run = await caller.runs.get({ project, runId: result.runId });
        expect(run).toMatchObject({ state: "succeeded", kind: expected.kind, error: null });
        const events = await caller.runs.events({ project, runId: result.runId, afterSeq: 0, limit: 1000 });
        expect(events.reduce((lines, e) => lines + (e.payload as { lines: string[] }).lines.length, 0)).toBe(expected.lines);
      });
    }

    it("the Ray resume log charts its whole reward curve: 335 points from step 101 to 435", async () => {
      const { caller } = fixture;
      const runs = await caller.runs.list({ project, limit: 50 });
      const ray = runs.items.find((r) => r.name === "verl_ray_ppo_qwen2.5-7b_gsm8k_resume.log");
      if (!ray) throw new Error("the Ray resume log was not imported");
      const [reward] = await caller.runs.metricSeries({ project, runId: ray.id, keys: ["critic/score/mean"] });
      expect(reward.points).toHaveLength(335);
      expect(reward.points[0]).toMatchObject({ step: 101, value: 0.941 });
      expect(reward.points.at(-1)).toMatchObject({ step: 435, value: 0.918 });
    });
  });
}
