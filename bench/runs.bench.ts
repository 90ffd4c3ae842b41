// Training-run ingestion through the agent API over real HTTP on Postgres: a 10,000-step verl run with 150 keys per
// step (1.5 M points) sent as log batches, the latency of a downsampled chart query, and 50 agents claiming at once.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { user } from "@/db/schema";
import { launchTrainingRun } from "@/server/agents/launch-run";
import { openDatabase } from "@/server/db/client";
import { createAppDeps } from "@/server/deps";
import { readServerEnv } from "@/server/env";
import { handleApiRequest } from "@/server/http/api-router";
import { createProject } from "@/server/projects/projects";
import type { AppRouter } from "@/server/routers/_app";
import { readMetricSeries } from "@/server/runs/metric-series";
import { createApiToken } from "@/server/tokens/tokens";
import { startHttpServer } from "../tests/support/http-server";
import { progress, runBenchmark } from "./support/bench-row";
import { createScratchDatabase } from "./support/scratch-postgres";
import { percentile } from "./support/stats";

const steps = 10_000;
const keysPerStep = 150;
const stepsPerBatch = 50;
const agentsClaiming = 50;
const metricKeys = Array.from({ length: keysPerStep }, (_, k) => `actor/metric_${String(k).padStart(3, "0")}`);

function verlLine(step: number): string {
  const values = metricKeys.map((key, k) => `${key}:np.float64(${Math.sin(step / 50 + k).toFixed(6)})`);
  return `\u001b[36m(TaskRunner pid=4242)\u001b[0m step:${step} - ${values.join(" - ")}`;
}

await runBenchmark(async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "mmr-bench-runs-"));
  const scratch = await createScratchDatabase();
  const deps = await createAppDeps(
    readServerEnv({ MMR_DATA_DIR: folder, MMR_AUTH_SECRET: "bench-secret-bench-secret-bench-secret", MMR_MAX_BODY_BYTES: String(8 * 1024 * 1024) }),
    await openDatabase({ url: scratch.url }),
  );
  const server = await startHttpServer((request) => handleApiRequest(deps, request));
  try {
    await deps.db.insert(user).values({ id: "bench", name: "bench", email: "bench@example.com" });
    const project = await createProject(deps.db, { name: "Bench", ownerId: "bench" });
    const client = async (name: string) => {
      const { token } = await createApiToken(deps.db, { kind: "worker", name, userId: "bench", projectId: project.id });
      return createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` } })] });
    };
    const launch = (name: string) =>
      launchTrainingRun(deps, { projectId: project.id, kind: "rl", name, launch: { executor: "local", command: "true", env: {}, files: [], collect: [] }, createdBy: "bench" });

    progress(`ingesting ${steps.toLocaleString("en")} steps × ${keysPerStep} keys`);
    const agent = await client("ingest");
    const { workerId } = await agent.agent.register.mutate({ hostname: "bench", gpus: [], labels: [], executors: ["local"] });
    const run = await launch("ingest");
    await agent.agent.claim.mutate({ workerId, waitMs: 0 });
    await agent.agent.start.mutate({ workerId, runId: run.id });
    const started = performance.now();
    let points = 0;
    for (let first = 0, seq = 1; first < steps; first += stepsPerBatch, seq++) {
      const lines = Array.from({ length: stepsPerBatch }, (_, i) => verlLine(first + i));
      points += (await agent.agent.events.mutate({ workerId, runId: run.id, events: [{ seq, type: "log", payload: { lines } }] })).metricPoints;
    }
    const ingestSeconds = (performance.now() - started) / 1000;
    if (points !== steps * keysPerStep) throw new Error(`stored ${points} points, expected ${steps * keysPerStep}`);

    progress("chart queries");
    const chartTimes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const queryStarted = performance.now();
      await readMetricSeries(deps.db, run.id, metricKeys[i % keysPerStep], 1_000);
      chartTimes.push(performance.now() - queryStarted);
    }

    progress(`${agentsClaiming} agents claiming at once`);
    for (let i = 0; i < agentsClaiming * 2; i++) await launch(`claim ${i}`);
    const agents = await Promise.all(
      Array.from({ length: agentsClaiming }, async (_, i) => {
        const c = await client(`claimer ${i}`);
        const registered = await c.agent.register.mutate({ hostname: `claimer-${i}`, gpus: [], labels: [], executors: ["local"] });
        return { c, workerId: registered.workerId };
      }),
    );
    const claims = await Promise.all(agents.flatMap((a) => [0, 1].map(() => a.c.agent.claim.mutate({ workerId: a.workerId, waitMs: 0 }))));
    const claimed = claims.flatMap((c) => (c ? [c.runId] : []));
    if (new Set(claimed).size !== claimed.length) throw new Error("a run was claimed twice");

    return [
      { name: "runs: metric ingestion via agent API", value: Math.round(points / ingestSeconds), unit: "points/s", note: `${(points / 1e6).toFixed(1)} M points in ${ingestSeconds.toFixed(1)} s; target ≥ 100,000` },
      { name: "runs: downsampled chart query p50", value: +percentile(chartTimes, 50).toFixed(1), unit: "ms", note: "10,000 points → ≤ 1,000" },
      { name: "runs: downsampled chart query p95", value: +percentile(chartTimes, 95).toFixed(1), unit: "ms", note: "target ≤ 150" },
      { name: "runs: concurrent claims by 50 agents", value: claimed.length, unit: "runs", note: `${claimed.length} distinct of ${agentsClaiming * 2} queued; none twice` },
    ];
  } finally {
    await server.close();
    await deps.close();
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
