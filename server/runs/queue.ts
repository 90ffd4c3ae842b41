import "server-only";
import { and, asc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";

export type Run = typeof runs.$inferSelect;
const activeStates = ["claimed", "running"] as const;

export async function enqueueRun(
  db: Database,
  input: {
    projectId: string;
    kind: string;
    name: string;
    config?: unknown;
    queue?: string;
    priority?: number;
    requirements?: unknown;
    resumable?: boolean;
    createdBy?: string | null;
  },
): Promise<Run> {
  const [run] = await db
    .insert(runs)
    .values({
      projectId: input.projectId,
      kind: input.kind,
      name: input.name,
      config: input.config ?? {},
      queue: input.queue ?? "cpu",
      priority: input.priority ?? 0,
      requirements: input.requirements ?? {},
      resumable: input.resumable ?? false,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return run;
}

/** Claims the most urgent queued run of the given kinds in one statement; concurrent claimers skip locked rows. */
export async function claimNextRun(
  db: Database,
  claimer: { runnerId: string; queue: string; kinds: string[]; leaseMs: number; projectId?: string; eligible?: SQL },
): Promise<Run | null> {
  const next = db
    .select({ id: runs.id })
    .from(runs)
    .where(
      and(
        eq(runs.state, "queued"),
        eq(runs.queue, claimer.queue),
        inArray(runs.kind, claimer.kinds),
        claimer.projectId ? eq(runs.projectId, claimer.projectId) : undefined,
        claimer.eligible,
      ),
    )
    // "nulls last" matches runs_claimable_idx, so the claim walks the index instead of sorting every queued run.
    .orderBy(sql`${runs.priority} desc nulls last`, asc(runs.id))
    .limit(1)
    .for("update", { skipLocked: true });
  const [run] = await db
    .update(runs)
    .set({
      state: "claimed",
      claimedBy: claimer.runnerId,
      leaseExpiresAt: sql`now() + ${claimer.leaseMs} * interval '1 millisecond'`,
      attempts: sql`${runs.attempts} + 1`,
    })
    .where(inArray(runs.id, next))
    .returning();
  return run ?? null;
}

export async function markRunStarted(db: Database, runId: number, runnerId: string) {
  await db
    .update(runs)
    .set({ state: "running", startedAt: sql`coalesce(${runs.startedAt}, now())` })
    .where(and(eq(runs.id, runId), eq(runs.claimedBy, runnerId), eq(runs.state, "claimed")));
}

/**
 * Renews the lease and reports progress. Returns whether cancellation was requested,
 * or null when the runner no longer holds the run (lease expired or run finished elsewhere).
 */
export async function heartbeatRun(
  db: Database,
  beat: { runId: number; runnerId: string; leaseMs: number; progress?: number; progressMessage?: string },
): Promise<{ cancelRequested: boolean } | null> {
  const [row] = await db
    .update(runs)
    .set({
      leaseExpiresAt: sql`now() + ${beat.leaseMs} * interval '1 millisecond'`,
      ...(beat.progress !== undefined && { progress: beat.progress }),
      ...(beat.progressMessage !== undefined && { progressMessage: beat.progressMessage }),
    })
    .where(and(eq(runs.id, beat.runId), eq(runs.claimedBy, beat.runnerId), inArray(runs.state, [...activeStates])))
    .returning({ cancelRequested: runs.cancelRequested });
  return row ?? null;
}

export async function finishRun(
  db: Database,
  outcome: { runId: number; runnerId: string; state: "succeeded" | "failed" | "cancelled"; result?: unknown; error?: string },
): Promise<boolean> {
  const finished = await db
    .update(runs)
    .set({
      state: outcome.state,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
      progress: outcome.state === "succeeded" ? 1 : runs.progress,
      leaseExpiresAt: null,
      finishedAt: sql`now()`,
    })
    .where(and(eq(runs.id, outcome.runId), eq(runs.claimedBy, outcome.runnerId), inArray(runs.state, [...activeStates])))
    .returning({ id: runs.id });
  return finished.length > 0;
}

/** Queued runs are cancelled at once; held runs get a flag their runner sees on its next heartbeat. */
export async function requestCancel(db: Database, projectId: string, runId: number): Promise<Run> {
  const [run] = await db
    .update(runs)
    .set({
      cancelRequested: true,
      state: sql`case when ${runs.state} = 'queued' then 'cancelled'::run_state else ${runs.state} end`,
      finishedAt: sql`case when ${runs.state} = 'queued' then now() else ${runs.finishedAt} end`,
    })
    .where(and(eq(runs.id, runId), eq(runs.projectId, projectId)))
    .returning();
  if (!run) throw new DomainError("NOT_FOUND", `Run ${runId} does not exist in this project.`);
  return run;
}

/** Runs whose holder stopped heartbeating: resumable ones go back to the queue, the rest become lost. */
export async function expireLeases(db: Database): Promise<{ lost: number; requeued: number }> {
  const expired = await db
    .update(runs)
    .set({
      state: sql`case when ${runs.resumable} and not ${runs.cancelRequested} then 'queued'::run_state else 'lost'::run_state end`,
      claimedBy: null,
      leaseExpiresAt: null,
      finishedAt: sql`case when ${runs.resumable} and not ${runs.cancelRequested} then null else now() end`,
      error: sql`case when ${runs.resumable} then ${runs.error} else 'The runner stopped sending heartbeats; its lease expired.' end`,
    })
    .where(and(inArray(runs.state, [...activeStates]), lt(runs.leaseExpiresAt, sql`now()`)))
    .returning({ state: runs.state });
  return {
    lost: expired.filter((r) => r.state === "lost").length,
    requeued: expired.filter((r) => r.state === "queued").length,
  };
}
