import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJobHandler } from "@/server/runs/job-handler";
import { appendRunEvents } from "@/server/runs/events";
import { claimNextRun, enqueueRun, expireLeases, heartbeatRun } from "@/server/runs/queue";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { createTestApp, type TestApp } from "./support/test-app";

const waitFor = async <T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("the job model", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let projectId: string;

  beforeAll(async () => {
    app = await createTestApp();
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    projectId = (await ada.projects.create({ name: "Queue" })).id;
  });
  afterAll(() => app.close());

  it("never lets two claimers take the same run", async () => {
    const total = 40;
    for (let i = 0; i < total; i++) await enqueueRun(app.deps.db, { projectId, kind: "claim-test", name: `r${i}`, priority: i % 3 });
    const claimed: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, runner) => {
        for (;;) {
          const run = await claimNextRun(app.deps.db, { runnerId: `r${runner}`, queue: "cpu", kinds: ["claim-test"], leaseMs: 60_000 });
          if (!run) return;
          claimed.push(run.id);
        }
      }),
    );
    expect(claimed).toHaveLength(total);
    expect(new Set(claimed).size).toBe(total);
  });

  it("claims higher priority first", async () => {
    const low = await enqueueRun(app.deps.db, { projectId, kind: "priority-test", name: "low", priority: 0 });
    const high = await enqueueRun(app.deps.db, { projectId, kind: "priority-test", name: "high", priority: 5 });
    const first = await claimNextRun(app.deps.db, { runnerId: "p", queue: "cpu", kinds: ["priority-test"], leaseMs: 60_000 });
    expect(first?.id).toBe(high.id);
    expect(low.id).toBeLessThan(high.id);
  });

  it("stores a retried event batch once", async () => {
    const run = await enqueueRun(app.deps.db, { projectId, kind: "events-test", name: "events" });
    const batch = [
      { seq: 1, type: "log" as const, payload: { line: "step 1" } },
      { seq: 2, type: "log" as const, payload: { line: "step 2" } },
    ];
    expect(await appendRunEvents(app.deps.db, run.id, batch)).toEqual([1, 2]);
    expect(await appendRunEvents(app.deps.db, run.id, batch)).toEqual([]);
    const events = await ada.runs.events({ project: "queue", runId: run.id });
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect((await ada.runs.get({ project: "queue", runId: run.id })).lastEventSeq).toBe(2);
  });

  it("marks a run lost when its lease expires, and re-queues a resumable one", async () => {
    const plain = await enqueueRun(app.deps.db, { projectId, kind: "lease-test", name: "plain" });
    const resumable = await enqueueRun(app.deps.db, { projectId, kind: "lease-test", name: "resumable", resumable: true, priority: -1 });
    await claimNextRun(app.deps.db, { runnerId: "gone", queue: "cpu", kinds: ["lease-test"], leaseMs: 1 });
    await claimNextRun(app.deps.db, { runnerId: "gone", queue: "cpu", kinds: ["lease-test"], leaseMs: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await expireLeases(app.deps.db)).toEqual({ lost: 1, requeued: 1 });
    expect((await ada.runs.get({ project: "queue", runId: plain.id })).state).toBe("lost");
    expect((await ada.runs.get({ project: "queue", runId: resumable.id })).state).toBe("queued");
    expect(await heartbeatRun(app.deps.db, { runId: plain.id, runnerId: "gone", leaseMs: 1000 })).toBeNull();
  });

  it("runs a job to success with progress and logs, and validates its config", async () => {
    const echo = defineJobHandler({
      kind: "echo",
      configSchema: z.object({ words: z.array(z.string()) }),
      async execute(config, context) {
        for (const [i, word] of config.words.entries()) {
          context.reportProgress((i + 1) / config.words.length, word);
          await context.log(word);
        }
        return { count: config.words.length };
      },
    });
    const runner = new PipelineRunner({ deps: app.deps, handlers: [echo], leaseMs: 5_000 });
    const good = await enqueueRun(app.deps.db, { projectId, kind: "echo", name: "good", config: { words: ["a", "b"] } });
    const bad = await enqueueRun(app.deps.db, { projectId, kind: "echo", name: "bad", config: { words: "nope" } });
    while (await runner.runOnce());

    const done = await ada.runs.get({ project: "queue", runId: good.id });
    expect(done).toMatchObject({ state: "succeeded", progress: 1, result: { count: 2 } });
    expect((await ada.runs.events({ project: "queue", runId: good.id })).map((e) => e.payload)).toEqual([{ line: "a" }, { line: "b" }]);
    const failed = await ada.runs.get({ project: "queue", runId: bad.id });
    expect(failed.state).toBe("failed");
    expect(failed.error).toMatch(/Invalid echo config: words:/);
  });

  it("stops a running job that is cancelled, at its next heartbeat", async () => {
    const waitForever = defineJobHandler({
      kind: "wait-forever",
      configSchema: z.object({}),
      execute: (_config, { signal }) =>
        new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true })),
    });
    const runner = new PipelineRunner({ deps: app.deps, handlers: [waitForever], leaseMs: 600, heartbeatMs: 100 });
    const run = await enqueueRun(app.deps.db, { projectId, kind: "wait-forever", name: "long" });
    const execution = runner.runOnce();
    await waitFor(async () => (await ada.runs.get({ project: "queue", runId: run.id })).state === "running", "the run to start");
    await ada.runs.cancel({ project: "queue", runId: run.id });
    await execution;
    const cancelled = await ada.runs.get({ project: "queue", runId: run.id });
    expect(cancelled.state).toBe("cancelled");
    expect((await ada.runs.events({ project: "queue", runId: run.id })).at(-1)?.payload).toEqual({ line: "Cancelled on request." });
  });

  it("cancels a queued run at once", async () => {
    const run = await enqueueRun(app.deps.db, { projectId, kind: "never-claimed", name: "queued" });
    expect((await ada.runs.cancel({ project: "queue", runId: run.id })).state).toBe("cancelled");
  });
});
