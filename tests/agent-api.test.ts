import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runs } from "@/db/schema";
import { rowsOf } from "@/server/db/raw-rows";
import type { AppRouter } from "@/server/routers/_app";
import { handleApiRequest } from "@/server/http/api-router";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

const esc = "\u001b";
// verl console lines with the quirks of real ones: Ray prefix, ANSI colours, np.float64 reprs, a validation-only step 0.
const verlLines = [
  `${esc}[36m(TaskRunner pid=4242)${esc}[0m step:0 - val-core/openai/gsm8k/reward/mean@1:0.412`,
  `${esc}[36m(TaskRunner pid=4242)${esc}[0m step:0 - actor/pg_loss:np.float64(0.0123) - critic/score/mean:0.50 - response_length/mean:812.5`,
  `${esc}[36m(TaskRunner pid=4242)${esc}[0m Training Progress:  50%|█████     | 1/2 [00:10<00:10]`,
  `${esc}[36m(TaskRunner pid=4242)${esc}[0m step:1 - actor/pg_loss:np.float64(-0.0031) - critic/score/mean:0.61 - response_length/mean:790.0`,
  `${esc}[36m(TaskRunner pid=4242)${esc}[0m local_global_step_folder: /ckpt/global_step_1`,
];

describe("the GPU agent API", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let agent: ReturnType<typeof createTRPCClient<AppRouter>>;
  let workerId: string;
  const project = "gpu";

  const clientWith = (token: string) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` } })] });

  beforeAll(async () => {
    app = await createTestApp();
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "GPU" });
    agent = clientWith((await ada.tokens.createWorker({ project, name: "node-1" })).token);
    workerId = (
      await agent.agent.register.mutate({ hostname: "node-1", gpus: [{ index: 0, name: "H100", memoryMb: 81559 }], labels: ["h100"], executors: ["local"] })
    ).workerId;
  });
  afterAll(async () => {
    await server.close();
    await app.close();
  });

  const launch = (name: string, requirements?: { gpus?: number; labels?: string[] }) =>
    ada.runs.launch({ project, kind: "rl", name, launch: { executor: "local", command: "bash train.sh", env: {}, files: [], collect: [] }, requirements });

  it("claims a run the machine can take, ingests its log once, and stores metrics and checkpoints", async () => {
    const tooBig = await launch("needs 8 GPUs", { gpus: 8 });
    const run = await launch("gspo", { gpus: 1, labels: ["h100"] });
    const claimed = await agent.agent.claim.mutate({ workerId, waitMs: 0 });
    expect(claimed).toMatchObject({ runId: run.id, kind: "rl", launch: { command: "bash train.sh" } });
    await agent.agent.start.mutate({ workerId, runId: run.id });

    const batch = { workerId, runId: run.id, events: [{ seq: 1, type: "log" as const, payload: { lines: verlLines } }] };
    expect(await agent.agent.events.mutate(batch)).toEqual({ stored: 1, duplicates: 0, metricPoints: 7 });
    expect(await agent.agent.events.mutate(batch)).toEqual({ stored: 0, duplicates: 1, metricPoints: 0 });

    expect(await ada.runs.metricKeys({ project, runId: run.id })).toEqual([
      "actor/pg_loss",
      "critic/score/mean",
      "response_length/mean",
      "val-core/openai/gsm8k/reward/mean@1",
    ]);
    const [loss] = await ada.runs.metricSeries({ project, runId: run.id, keys: ["actor/pg_loss"] });
    expect(loss.points.map((p) => [p.step, p.value])).toEqual([
      [0, 0.0123],
      [1, -0.0031],
    ]);
    expect(await ada.runs.checkpoints({ project, runId: run.id })).toEqual([expect.objectContaining({ step: 1, path: "/ckpt/global_step_1" })]);
    const listed = (await ada.runs.list({ project, limit: 10 })).items.find((r) => r.id === run.id)!;
    expect(listed.keyMetrics).toEqual([
      { label: "reward", key: "critic/score/mean", value: 0.61, step: 1 },
      { label: "response length", key: "response_length/mean", value: 790, step: 1 },
    ]);

    expect(await agent.agent.finish.mutate({ workerId, runId: run.id, exitCode: 0, cancelled: false })).toEqual({ state: "succeeded" });
    expect(await ada.runs.get({ project, runId: run.id })).toMatchObject({ state: "succeeded", exitCode: 0, workerId });
    expect((await ada.runs.get({ project, runId: tooBig.id })).state).toBe("queued");
  });

  it("replaces the points of steps a resumed run prints again, and forgets a deleted run's points", async () => {
    const run = await launch("resumed");
    expect((await agent.agent.claim.mutate({ workerId, waitMs: 0 }))?.runId).toBe(run.id);
    const steps = (from: number, to: number, scale: number) => Array.from({ length: to - from + 1 }, (_, i) => `step:${from + i} - actor/kl:${(from + i) * scale}`);
    const send = (seq: number, lines: string[]) => agent.agent.events.mutate({ workerId, runId: run.id, events: [{ seq, type: "log", payload: { lines } }] });
    expect((await send(1, steps(0, 3, 1))).metricPoints).toBe(4);
    // Resumed from the checkpoint at step 2: steps 2 and 3 come again, with new values, then step 4.
    expect((await send(2, steps(2, 4, 10))).metricPoints).toBe(3);
    const [kl] = await ada.runs.metricSeries({ project, runId: run.id, keys: ["actor/kl"] });
    expect(kl.points.map((p) => [p.step, p.value])).toEqual([[0, 0], [1, 1], [2, 20], [3, 30], [4, 40]]);

    const pointsOfRun = async () => rowsOf<{ n: number }>(await app.deps.db.execute(sql`select count(*)::int as n from run_metrics where run_id = ${run.id}`))[0].n;
    expect(await pointsOfRun()).toBe(5);
    await app.deps.db.delete(runs).where(eq(runs.id, run.id));
    expect(await pointsOfRun()).toBe(0);
  });

  it("stores a run's credentials encrypted, shows them masked, and gives them in the clear only to the agent that claims it", async () => {
    const run = await ada.runs.launch({ project, kind: "eval", name: "judged", launch: { executor: "local", command: "bash eval.sh", env: { OPENAI_API_KEY: "sk-live-judge", MODEL: "m" }, files: [], collect: [] } });
    const [row] = await app.deps.db.select({ config: runs.config }).from(runs).where(eq(runs.id, run.id));
    expect(JSON.stringify(row.config)).not.toContain("sk-live-judge");
    expect((await ada.runs.get({ project, runId: run.id })).config).toMatchObject({ launch: { env: { OPENAI_API_KEY: "********", MODEL: "m" } } });
    const claimed = await agent.agent.claim.mutate({ workerId, waitMs: 0 });
    expect(claimed).toMatchObject({ runId: run.id, launch: { env: { OPENAI_API_KEY: "sk-live-judge", MODEL: "m" } } });
    await agent.agent.finish.mutate({ workerId, runId: run.id, exitCode: 1, cancelled: false });
  });

  it("stores a log line holding a NUL byte without it, and the rest of the batch", async () => {
    const run = await launch("nul");
    expect((await agent.agent.claim.mutate({ workerId, waitMs: 0 }))?.runId).toBe(run.id);
    const lines = ["step:0 - actor/entropy:0.5", "binary\u0000garbage", "step:1 - actor/entropy:0.4"];
    expect(await agent.agent.events.mutate({ workerId, runId: run.id, events: [{ seq: 1, type: "log", payload: { lines } }] })).toMatchObject({ stored: 1, metricPoints: 2 });
    const [event] = await ada.runs.events({ project, runId: run.id });
    expect(event.payload).toEqual({ lines: ["step:0 - actor/entropy:0.5", "binarygarbage", "step:1 - actor/entropy:0.4"] });
    await agent.agent.finish.mutate({ workerId, runId: run.id, exitCode: 0, cancelled: false });
  });

  it("leaves a run meant for an executor this machine lacks to another one", async () => {
    const slurmRun = await ada.runs.launch({ project, kind: "sft", name: "on slurm", launch: { executor: "slurm", command: "true", env: {}, files: [], collect: [] } });
    expect(await agent.agent.claim.mutate({ workerId, waitMs: 0 })).toBeNull();
    await ada.runs.cancel({ project, runId: slurmRun.id });
  });

  it("refuses a batch for a run the agent does not hold, and an unknown token", async () => {
    const run = await launch("not yours");
    await expect(agent.agent.events.mutate({ workerId, runId: run.id, events: [{ seq: 1, type: "log", payload: { lines: ["x"] } }] })).rejects.toThrow(
      /does not hold run/,
    );
    const stranger = clientWith("mmr_wkr_unknownunknownunknownunknown");
    await expect(stranger.agent.claim.mutate({ workerId, waitMs: 0 })).rejects.toThrow(/Unknown token/);
  });

  it("tells the agent about a cancel request on its next run heartbeat", async () => {
    const claimed = (await agent.agent.claim.mutate({ workerId, waitMs: 0 }))!;
    await agent.agent.start.mutate({ workerId, runId: claimed.runId });
    await ada.runs.cancel({ project, runId: claimed.runId });
    expect(await agent.agent.runHeartbeat.mutate({ workerId, runId: claimed.runId })).toEqual({ cancelRequested: true });
    await agent.agent.finish.mutate({ workerId, runId: claimed.runId, exitCode: 143, cancelled: true });
    expect((await ada.runs.get({ project, runId: claimed.runId })).state).toBe("cancelled");
  });

  it("keeps the minimum and maximum of every bucket when downsampling a long series", async () => {
    const claimedRun = await launch("long");
    const claimed = (await agent.agent.claim.mutate({ workerId, waitMs: 0 }))!;
    expect(claimed.runId).toBe(claimedRun.id);
    const lines = Array.from({ length: 5000 }, (_, step) => `step:${step} - actor/entropy:${step === 3333 ? 99 : step === 1234 ? -99 : Math.sin(step / 100)}`);
    // Batches stay under the request-size limit, as the agent's do.
    for (let seq = 1; seq <= 5; seq++) {
      const chunk = lines.slice((seq - 1) * 1000, seq * 1000);
      await agent.agent.events.mutate({ workerId, runId: claimed.runId, events: [{ seq, type: "log", payload: { lines: chunk } }] });
    }
    const [series] = await ada.runs.metricSeries({ project, runId: claimed.runId, keys: ["actor/entropy"], maxPoints: 200 });
    expect(series.points.length).toBeLessThanOrEqual(200);
    expect(series.points.length).toBeGreaterThan(150);
    expect(series.points).toContainEqual(expect.objectContaining({ step: 3333, value: 99 }));
    expect(series.points).toContainEqual(expect.objectContaining({ step: 1234, value: -99 }));
  });

  it("gives each of several concurrent claimers a different run", async () => {
    const tokens = await Promise.all(Array.from({ length: 4 }, (_, i) => ada.tokens.createWorker({ project, name: `n${i}` })));
    const agents = await Promise.all(
      tokens.map(async (t, i) => {
        const client = clientWith(t.token);
        const { workerId: id } = await client.agent.register.mutate({ hostname: `n${i}`, gpus: [], labels: [], executors: ["local"] });
        return { client, id };
      }),
    );
    for (let i = 0; i < 8; i++) await launch(`parallel ${i}`);
    const claims = await Promise.all(agents.flatMap((a) => [0, 1].map(() => a.client.agent.claim.mutate({ workerId: a.id, waitMs: 0 }))));
    const ids = claims.map((c) => c?.runId).filter((id): id is number => id !== undefined);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
  });
});
