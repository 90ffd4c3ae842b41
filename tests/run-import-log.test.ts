import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./support/test-app";

const esc = "\x1b";
const taskRunner = `${esc}[36m(TaskRunner pid=4242)${esc}[0m `;
const workerDict = `${esc}[2m${esc}[36m(WorkerDict pid=99, ip=10.0.0.2)${esc}[0m `;

/**
 * A verl console transcript with the quirks of real ones: Ray prefixes in ANSI colours, a validation-only step:0
 * before the training step:0, np.float64 reprs, a tqdm \r redraw in front of a step line, a NUL byte, a key printed
 * twice (first kept), a checkpoint save, a line that looks like a step but is not, and a W&B summary at the end.
 */
const verlConsoleLog = [
  `${taskRunner}Training from scratch`,
  `${taskRunner}step:0 - val-core/geo3k/reward/mean@1:np.float64(0.41)`,
  `${taskRunner}step:0 - actor/pg_loss:np.float64(0.0123) - critic/score/mean:0.52 - response_length/mean:812.5 - actor/entropy:1.21 - actor/ppo_kl:0.0004`,
  `Training Progress:  33%|###3      | 1/3 [00:41<01:22, 41.00s/it]\r${taskRunner}step:1 - actor/pg_loss:0.02 - critic/score/mean:0.6\0 - response_length/mean:790 - actor/entropy:1.1 - actor/ppo_kl:0.0005 - actor/pg_loss:0.9`,
  `${workerDict}local_global_step_folder: /ckpt/global_step_2`,
  `${taskRunner}step:2 - actor/pg_loss:0.018 - critic/score/mean:0.66 - response_length/mean:774.25 - actor/entropy:1.02 - actor/ppo_kl:0.0006`,
  `${taskRunner}step:oops this is not a step line`,
  `${taskRunner}wandb: Run summary:`,
  `${taskRunner}wandb: ERROR Failed to sync a media file (it is only a warning)`,
  `${taskRunner}Exception ignored in: <function _releaseLock at 0x7f>`,
].join("\n");

/** HF Trainer / lmms-engine dict lines (Python reprs, not JSON) with the nan grad_norm of a loss spike, tqdm between them. */
const hfTrainerLog = [
  "***** Running training *****",
  "{'loss': 1.2504, 'grad_norm': 3.5, 'learning_rate': 5e-05, 'epoch': 0.01}",
  "  1%|          | 10/4300 [00:31<3:41:12,  3.09s/it]\r  1%|          | 11/4300 [00:34<3:40:02,  3.08s/it]",
  "{'loss': 1.1032, 'grad_norm': 2.9, 'learning_rate': 4.9e-05, 'epoch': 0.02, 'train_samples': '12.3M'}",
  "Saving model checkpoint to output/sft/checkpoint-2",
  "{'loss': 8195.77, 'grad_norm': nan, 'learning_rate': 4.8e-05, 'epoch': 0.03}",
  "",
].join("\r\n");

/** Two steps, then the run dies of CUDA out-of-memory with a traceback from a Ray worker. */
const crashedLog = [
  `${taskRunner}step:1 - actor/pg_loss:0.02 - critic/score/mean:0.5`,
  `${taskRunner}step:2 - actor/pg_loss:0.03 - critic/score/mean:0.55`,
  `${workerDict}Traceback (most recent call last):`,
  `${workerDict}  File "/verl/workers/fsdp_workers.py", line 512, in generate_sequences`,
  `${workerDict}    output = self.rollout.generate_sequences(prompts=prompts)`,
  `${workerDict}torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 3 has a total capacity of 79.15 GiB`,
].join("\n");

/** verl's JSONL file logger; the run was restarted, so steps 2–3 appear twice (the later values win). */
const verlJsonl = [
  { step: 1, data: { "actor/pg_loss": 0.05, "critic/score/mean": 0.3 } },
  { step: 2, data: { "actor/pg_loss": 0.04, "critic/score/mean": 0.35 } },
  { step: 3, data: { "actor/pg_loss": 0.03, "critic/score/mean": 0.4 } },
  { step: 2, data: { "actor/pg_loss": 0.041, "critic/score/mean": 0.36, "actor/kl_loss": 0.001 } },
  { step: 3, data: { "actor/pg_loss": 0.031, "critic/score/mean": 0.41, "actor/kl_loss": 0.002 } },
]
  .map((record) => JSON.stringify(record))
  .join("\n");

const rayTranscript = (ending: string) =>
  ["Job 'raysubmit_AbC123' submitted successfully", `${taskRunner}step:1 - critic/score/mean:0.5`, `Job 'raysubmit_AbC123' ${ending}`].join("\n");

describe("importing a training log as a finished run", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let vera: Awaited<ReturnType<TestApp["callerFor"]>>;
  const project = "vision-rl";

  const importLog = (text: string, overrides: Partial<{ kind: "sft" | "rl"; name: string; fileName: string }> = {}) =>
    ada.runs.importLog({ project, kind: "rl", name: "imported", fileName: "train.log", text, ...overrides });

  async function logLines(runId: number): Promise<string[]> {
    const events = await ada.runs.events({ project, runId, afterSeq: 0, limit: 1000 });
    return events.flatMap((e) => (e.payload as { lines: string[] }).lines);
  }

  async function series(runId: number, key: string) {
    const [only] = await ada.runs.metricSeries({ project, runId, keys: [key] });
    return only.points.map((p) => [p.step, p.value]);
  }

  beforeAll(async () => {
    app = await createTestApp();
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Vision RL" });
    const invite = await ada.members.invite({ project, email: "vera@example.com", role: "viewer" });
    if (invite.status !== "invited") throw new Error("expected an invitation");
    vera = await app.callerFor(await app.signUp("vera@example.com", { inviteToken: invite.token }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it("imports a verl console log: steps, keys, checkpoint, the log text as events, and a succeeded run", async () => {
    const result = await importLog(verlConsoleLog, { name: "geo3k GSPO", fileName: "verl.log" });
    expect(result).toEqual({
      runId: expect.any(Number),
      status: "succeeded",
      steps: 3,
      metricKeys: ["actor/entropy", "actor/pg_loss", "actor/ppo_kl", "critic/score/mean", "response_length/mean", "val-core/geo3k/reward/mean@1"],
    });
    const run = await ada.runs.get({ project, runId: result.runId });
    expect(run).toMatchObject({ kind: "rl", name: "geo3k GSPO", state: "succeeded", queue: "gpu", progress: 1, error: null, exitCode: null });
    expect(run.config).toEqual({ imported: { fileName: "verl.log", lines: 10, bytes: Buffer.byteLength(verlConsoleLog) } });
    // When it started is unknown; it finished (as far as MMR Studio knows) when it was imported.
    expect(run.startedAt).toBeNull();
    expect(run.finishedAt).toBeInstanceOf(Date);
    // The validation-only step:0 and the training step:0 are one step; the repeated key kept its first value.
    expect(await series(result.runId, "val-core/geo3k/reward/mean@1")).toEqual([[0, 0.41]]);
    expect(await series(result.runId, "actor/pg_loss")).toEqual([
      [0, 0.0123],
      [1, 0.02],
      [2, 0.018],
    ]);
    expect(await ada.runs.checkpoints({ project, runId: result.runId })).toMatchObject([{ step: 2, path: "/ckpt/global_step_2" }]);
    // Every line is kept as written (colours included), but the NUL byte Postgres cannot store.
    expect(await logLines(result.runId)).toEqual(verlConsoleLog.replace("\0", "").split("\n"));
  });

  it("imports an HF Trainer dict log with a nan as an sft run numbered from step 1", async () => {
    const result = await importLog(hfTrainerLog, { kind: "sft", name: "qwen2.5-vl sft" });
    expect(result).toMatchObject({ status: "succeeded", steps: 3, metricKeys: ["epoch", "grad_norm", "learning_rate", "loss"] });
    expect(await series(result.runId, "loss")).toEqual([
      [1, 1.2504],
      [2, 1.1032],
      [3, 8195.77],
    ]);
    const gradNorm = await series(result.runId, "grad_norm");
    expect(gradNorm.map(([step]) => step)).toEqual([1, 2, 3]);
    expect(gradNorm[2][1]).toBeNaN();
    expect(await ada.runs.checkpoints({ project, runId: result.runId })).toMatchObject([{ step: 2, path: "output/sft/checkpoint-2" }]);
    expect((await ada.runs.get({ project, runId: result.runId })).kind).toBe("sft");
  });

  it("imports a log that ends in a traceback as a failed run with its steps and the exception as the error", async () => {
    const result = await importLog(crashedLog, { name: "oom" });
    expect(result).toMatchObject({ status: "failed", steps: 2, metricKeys: ["actor/pg_loss", "critic/score/mean"] });
    const run = await ada.runs.get({ project, runId: result.runId });
    expect(run.state).toBe("failed");
    expect(run.progress).toBeNull();
    expect(run.error).toBe("The log ends in a crash: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB. GPU 3 has a total capacity of 79.15 GiB");
  });

  it("counts a traceback, a bare KeyboardInterrupt or a quoted CUDA out-of-memory among the last lines as a crash", async () => {
    const tracebackOnly = await importLog(`step:1 - a:1\nTraceback (most recent call last):\n  File "train.py", line 3, in <module>`);
    expect(tracebackOnly.status).toBe("failed");
    expect((await ada.runs.get({ project, runId: tracebackOnly.runId })).error).toContain("Traceback (most recent call last):");
    expect((await importLog("step:1 - a:1\nKeyboardInterrupt")).status).toBe("failed");
    expect((await importLog("step:1 - a:1\n[rank3]: RuntimeError: CUDA out of memory while allocating")).status).toBe("failed");
    expect((await importLog("step:1 - a:1\nNCCL watchdog: CUDA out of memory")).status).toBe("failed");
  });

  it("does not call a run failed for a traceback long before its end, a bare `Error:` line or shutdown noise", async () => {
    const recovered = ["Traceback (most recent call last):", "ValueError: retrying", ...Array.from({ length: 40 }, (_, i) => `step:${i + 1} - a:${i}`)].join("\n");
    expect(await importLog(recovered)).toMatchObject({ status: "succeeded", steps: 40 });
    expect((await importLog("step:1 - a:1\nError: could not reach wandb.ai, continuing offline")).status).toBe("succeeded");
  });

  it("takes a Ray job's own verdict: failed is a failed run, stopped a cancelled one, succeeded a succeeded one", async () => {
    const failed = await importLog(rayTranscript("failed"));
    expect(failed).toMatchObject({ status: "failed", steps: 1 });
    expect((await ada.runs.get({ project, runId: failed.runId })).error).toBe("The Ray job raysubmit_AbC123 failed.");
    expect((await importLog(rayTranscript("was stopped"))).status).toBe("cancelled");
    expect((await importLog(`${rayTranscript("succeeded")}\nRuntimeError: printed after the job's end`)).status).toBe("succeeded");
  });

  it("imports a verl JSONL metrics file, the rewritten steps keeping their latest values", async () => {
    const result = await importLog(verlJsonl, { fileName: "metrics.jsonl" });
    expect(result).toMatchObject({ status: "succeeded", steps: 3, metricKeys: ["actor/kl_loss", "actor/pg_loss", "critic/score/mean"] });
    expect(await series(result.runId, "critic/score/mean")).toEqual([
      [1, 0.3],
      [2, 0.36],
      [3, 0.41],
    ]);
  });

  it("stores a long log as events of 500 lines in order", async () => {
    const lines = Array.from({ length: 1_201 }, (_, i) => `step:${i} - loss:${(1 / (i + 1)).toFixed(4)}`);
    const result = await importLog(lines.join("\n") + "\n");
    expect(result.steps).toBe(1_201);
    const events = await ada.runs.events({ project, runId: result.runId, afterSeq: 0, limit: 1000 });
    expect(events.map((e) => [e.seq, e.type, (e.payload as { lines: string[] }).lines.length])).toEqual([
      [1, "log", 500],
      [2, "log", 500],
      [3, "log", 201],
    ]);
    expect(await logLines(result.runId)).toEqual(lines);
  });

  it("refuses an empty file and leaves no run behind", async () => {
    const before = await ada.runs.list({ project, limit: 200 });
    await expect(importLog("")).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("empty") });
    await expect(importLog("\n", { fileName: "blank.log" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "blank.log is empty: there is no log to import." });
    expect((await ada.runs.list({ project, limit: 200 })).items).toHaveLength(before.items.length);
  });

  it("lets a viewer read imported runs but not import one", async () => {
    await expect(vera.runs.importLog({ project, kind: "rl", name: "nope", fileName: "x.log", text: "step:1 - a:1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await vera.runs.list({ project, limit: 1 })).items).toHaveLength(1);
  });

  it("refuses a log larger than the request body limit over HTTP, naming the setting", async () => {
    const session = await app.signIn("ada@example.com");
    // The test app's body limit is 64 KiB.
    const text = "step:1 - a:1\n".repeat(6_000);
    const response = await app.fetchTrpc(
      new Request("http://localhost:3000/api/trpc/runs.importLog", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: session.get("cookie") ?? "" },
        body: JSON.stringify({ json: { project, kind: "rl", name: "too big", fileName: "big.log", text } }),
      }),
    );
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("MMR_MAX_BODY_BYTES");
  });
});
