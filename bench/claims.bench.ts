// Claims per second on the real Postgres: runners each with their own connection pool loop claimNextRun
// until the queue is empty, once with 1 runner and once with 8. Every run must be claimed exactly once.
import { sql } from "drizzle-orm";
import { runs } from "@/db/schema";
import { openDatabase, type Database, type DatabaseHandle } from "@/server/db/client";
import { createProject } from "@/server/projects/projects";
import { claimNextRun } from "@/server/runs/queue";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { createScratchDatabase } from "./support/scratch-postgres";
import { percentile } from "./support/stats";

const runCount = 20_000;
const insertBatch = 5_000;
const kind = "bench-claim";

interface ClaimMeasurement {
  runners: number;
  seconds: number;
  latenciesMs: number[];
  enqueueSeconds: number;
}

async function enqueueRuns(db: Database, projectId: string): Promise<number> {
  const startedAt = performance.now();
  for (let first = 0; first < runCount; first += insertBatch) {
    const batch = Array.from({ length: Math.min(insertBatch, runCount - first) }, (_, offset) => ({
      projectId,
      kind,
      name: `bench run ${first + offset + 1}`,
    }));
    await db.insert(runs).values(batch);
  }
  const seconds = (performance.now() - startedAt) / 1000;
  // Fresh statistics, as autovacuum would have by the time a real queue is this long; without them the
  // planner's choice could change half-way through the measurement.
  await db.execute(sql`analyze runs`);
  return seconds;
}

async function claimUntilEmpty(db: Database, runnerId: string): Promise<{ runnerId: string; ids: number[]; latenciesMs: number[] }> {
  const ids: number[] = [];
  const latenciesMs: number[] = [];
  for (;;) {
    const startedAt = performance.now();
    const run = await claimNextRun(db, { runnerId, queue: "cpu", kinds: [kind], leaseMs: 600_000 });
    latenciesMs.push(performance.now() - startedAt);
    if (!run) return { runnerId, ids, latenciesMs };
    ids.push(run.id);
  }
}

/** Throws unless every run was claimed exactly once, by the runner that received it. */
async function verifyEachRunClaimedOnce(db: Database, claims: { runnerId: string; ids: number[] }[]): Promise<void> {
  const receivedBy = new Map<number, string>();
  for (const { runnerId, ids } of claims) {
    for (const id of ids) {
      const earlier = receivedBy.get(id);
      if (earlier) throw new Error(`run ${id} was claimed twice: by ${earlier} and by ${runnerId}`);
      receivedBy.set(id, runnerId);
    }
  }
  const stored = await db.select({ id: runs.id, state: runs.state, claimedBy: runs.claimedBy, attempts: runs.attempts }).from(runs);
  const wrong = stored.filter((run) => run.state !== "claimed" || run.attempts !== 1 || receivedBy.get(run.id) !== run.claimedBy);
  if (stored.length !== runCount || receivedBy.size !== runCount || wrong.length > 0) {
    throw new Error(
      `claims are inconsistent: ${stored.length} runs stored, ${receivedBy.size} received by runners, ` +
        `${wrong.length} wrong, e.g. ${JSON.stringify(wrong.slice(0, 3))}`,
    );
  }
}

async function measureClaims(runnerCount: number): Promise<ClaimMeasurement> {
  const scratch = await createScratchDatabase();
  const handles: DatabaseHandle[] = [];
  try {
    const setup = await openDatabase({ url: scratch.url });
    handles.push(setup);
    const project = await createProject(setup.db, { name: "Claims benchmark", ownerId: null });
    const enqueueSeconds = await enqueueRuns(setup.db, project.id);

    // One pool per runner, as separate runner processes would have; connected before the clock starts.
    const runnerHandles = await Promise.all(Array.from({ length: runnerCount }, () => openDatabase({ url: scratch.url })));
    handles.push(...runnerHandles);
    await Promise.all(runnerHandles.map((handle) => handle.db.execute(sql`select 1`)));

    const startedAt = performance.now();
    const claims = await Promise.all(runnerHandles.map((handle, index) => claimUntilEmpty(handle.db, `bench-runner-${index + 1}`)));
    const seconds = (performance.now() - startedAt) / 1000;

    await verifyEachRunClaimedOnce(setup.db, claims);
    progress(`${runnerCount} runner(s): ${runCount} claims in ${seconds.toFixed(2)} s, each run claimed exactly once`);
    return { runners: runnerCount, seconds, latenciesMs: claims.flatMap((c) => c.latenciesMs), enqueueSeconds };
  } finally {
    await Promise.all(handles.map((handle) => handle.close()));
    await scratch.drop();
  }
}

function claimRow(measurement: ClaimMeasurement): BenchRow {
  const { runners, seconds, latenciesMs } = measurement;
  const latency = `claim latency p50 ${percentile(latenciesMs, 50).toFixed(2)} ms, p99 ${percentile(latenciesMs, 99).toFixed(2)} ms`;
  return {
    name: `claims: ${runners} runner${runners > 1 ? "s" : ""} (own pools)`,
    value: runCount / seconds,
    unit: "claims/s",
    note: `${runCount.toLocaleString("en-US")} runs in ${seconds.toFixed(2)} s; ${latency}`,
  };
}

await runBenchmark(async () => {
  const single = await measureClaims(1);
  const eight = await measureClaims(8);
  return [
    claimRow(single),
    claimRow(eight),
    { name: "claims: 8 runners vs 1", value: single.seconds / eight.seconds, unit: "×", note: "throughput ratio" },
    {
      name: "enqueue: multi-row insert",
      value: runCount / eight.enqueueSeconds,
      unit: "runs/s",
      note: `${runCount.toLocaleString("en-US")} runs, ${insertBatch.toLocaleString("en-US")} per insert statement (drizzle)`,
    },
  ];
});
