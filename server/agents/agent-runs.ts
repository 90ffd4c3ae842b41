import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { runs, workers } from "@/db/schema";
import type { Database } from "@/server/db/client";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { queueImportOfEvalRun } from "@/server/evaluations/queue-eval-run-import";
import { appendRunEvents, type RunEventInput } from "@/server/runs/events";
import { ingestLogLines } from "@/server/runs/log-ingest";
import { claimNextRun, expireLeases, finishRun, heartbeatRun, markRunStarted } from "@/server/runs/queue";
import { storableJson } from "@/server/db/storable-text";
import { collectedArtifactLimits } from "@/server/runs/run-artifacts";
import { launchSpecSchema, trainingRunKinds } from "./launch-spec";
import type { Worker } from "./workers";

export const agentLeaseMs = 60_000;
const runnerIdOf = (worker: Worker) => `worker:${worker.id}`;

/** Runs whose requirements this machine meets: enough GPUs, every label asked for, and an executor it has. */
function eligibleFor(worker: Worker) {
  const gpuCount = (worker.gpus as unknown[]).length;
  return sql`coalesce((${runs.requirements}->>'gpus')::int, 0) <= ${gpuCount}
    and coalesce(${runs.requirements}->'labels', '[]'::jsonb) <@ ${JSON.stringify(worker.labels)}::jsonb
    and coalesce(${runs.config}->'launch'->>'executor', 'local') = any(${sql.param(worker.executors)}::text[])`;
}

/** Long-polls for a training run this worker can take; the claim is the job model's single-statement claim. */
export async function claimRunForWorker(
  { db, env, secrets }: Pick<AppDeps, "db" | "env" | "secrets">,
  worker: Worker,
  options: { waitMs: number; pollMs?: number; signal?: AbortSignal },
) {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    // An agent that hung up would never hear of a run claimed now: that run would sit held until its lease ran out.
    if (options.signal?.aborted) return null;
    await expireLeases(db);
    const run = await claimNextRun(db, {
      runnerId: runnerIdOf(worker),
      queue: "gpu",
      kinds: [...trainingRunKinds],
      leaseMs: agentLeaseMs,
      projectId: worker.projectId,
      eligible: eligibleFor(worker),
    });
    if (run) {
      await db.update(runs).set({ workerId: worker.id }).where(eq(runs.id, run.id));
      await db.update(workers).set({ currentRunId: run.id }).where(eq(workers.id, worker.id));
      // The one place a run's credentials leave the server in the clear: to the agent that runs its command.
      const launch = launchSpecSchema.parse(secrets.open((run.config as { launch?: unknown }).launch));
      return { runId: run.id, kind: run.kind, name: run.name, launch, lastEventSeq: run.lastEventSeq, leaseMs: agentLeaseMs, artifactLimits: collectedArtifactLimits(env) };
    }
    if (Date.now() >= deadline) return null;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}

/** The run is claimed by this worker and not finished: only then may it report on it (or upload its files). */
export async function assertWorkerHoldsRun(db: Database, worker: Worker, runId: number) {
  const [run] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.claimedBy, runnerIdOf(worker)), inArray(runs.state, ["claimed", "running"])));
  if (!run) throw new DomainError("FORBIDDEN", `This agent does not hold run ${runId} (never claimed, finished, or its lease expired).`);
}

export async function startRunForWorker(db: Database, worker: Worker, runId: number) {
  await assertWorkerHoldsRun(db, worker, runId);
  await markRunStarted(db, runId, runnerIdOf(worker));
}

/** Renews the lease; tells the agent whether the user asked to cancel. */
export async function heartbeatRunForWorker(db: Database, worker: Worker, runId: number, progress?: number) {
  const reply = await heartbeatRun(db, { runId, runnerId: runnerIdOf(worker), leaseMs: agentLeaseMs, progress });
  if (!reply) throw new DomainError("FORBIDDEN", `This agent does not hold run ${runId} any more.`);
  return reply;
}

/**
 * Stores a batch of events once (a retried batch adds nothing), then parses the log lines that are new for metrics and
 * checkpoints. Log payloads are `{ lines: string[] }`.
 */
export async function ingestAgentEvents(db: Database, worker: Worker, runId: number, events: RunEventInput[]) {
  await assertWorkerHoldsRun(db, worker, runId);
  // Postgres text and jsonb cannot hold NUL: one stray byte in a training log must not block the run's whole stream.
  const storable = events.map((e) => ({ ...e, payload: storableJson(e.payload ?? null) }));
  // Events and the metrics parsed from them commit together: a server stopped between the two must not leave a batch
  // stored (so a retry is a duplicate) with its metrics never parsed.
  return db.transaction(async (tx) => {
    const stored = new Set(await appendRunEvents(tx, runId, storable));
    const newLines = storable
      .filter((e) => stored.has(e.seq) && e.type === "log")
      .sort((a, b) => a.seq - b.seq)
      .flatMap((e) => (e.payload as { lines?: string[] }).lines ?? []);
    const parsed = newLines.length > 0 ? await ingestLogLines(tx, runId, newLines) : { points: 0 };
    return { stored: stored.size, duplicates: events.length - stored.size, metricPoints: parsed.points };
  });
}

/**
 * Records how the command ended. A succeeded `eval` run also queues the import of the lmms-eval output its agent
 * collected, in the same transaction: a run never ends succeeded with its import forgotten.
 */
export async function finishRunForWorker(
  deps: Pick<AppDeps, "db" | "env">,
  worker: Worker,
  runId: number,
  outcome: { exitCode: number | null; cancelled: boolean; error?: string },
) {
  await assertWorkerHoldsRun(deps.db, worker, runId);
  const state = outcome.cancelled ? "cancelled" : outcome.exitCode === 0 ? "succeeded" : "failed";
  const error = state === "failed" ? (outcome.error ?? `The command exited with code ${outcome.exitCode}.`) : undefined;
  await deps.db.transaction(async (tx) => {
    await tx.update(runs).set({ exitCode: outcome.exitCode }).where(eq(runs.id, runId));
    const finished = await finishRun(tx, { runId, runnerId: runnerIdOf(worker), state, error });
    await tx.update(workers).set({ currentRunId: null }).where(eq(workers.id, worker.id));
    const [run] = await tx.select().from(runs).where(eq(runs.id, runId));
    if (finished && state === "succeeded" && run.kind === "eval") await queueImportOfEvalRun(tx, deps.env, run);
  });
  return { state };
}
