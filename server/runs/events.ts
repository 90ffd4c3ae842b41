import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { runEvents, runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { storableJson } from "@/server/db/storable-text";

export type RunEventType = (typeof runEvents.$inferInsert)["type"];
export interface RunEventInput {
  seq: number;
  type: RunEventType;
  payload: unknown;
}

/** Appends events keyed by their sender's sequence numbers; a retried batch is stored once. Returns the seqs newly stored. */
export async function appendRunEvents(db: Database, runId: number, events: RunEventInput[]): Promise<number[]> {
  if (events.length === 0) return [];
  const inserted = await db
    .insert(runEvents)
    .values(events.map((e) => ({ runId, seq: e.seq, type: e.type, payload: storableJson(e.payload ?? null) })))
    .onConflictDoNothing()
    .returning({ seq: runEvents.seq });
  const highest = Math.max(...events.map((e) => e.seq));
  await db
    .update(runs)
    .set({ lastEventSeq: sql`greatest(${runs.lastEventSeq}, ${highest})` })
    .where(eq(runs.id, runId));
  return inserted.map((e) => e.seq);
}

export async function listRunEvents(db: Database, runId: number, afterSeq: number, limit: number) {
  return db
    .select({ seq: runEvents.seq, type: runEvents.type, payload: runEvents.payload, createdAt: runEvents.createdAt })
    .from(runEvents)
    .where(and(eq(runEvents.runId, runId), gt(runEvents.seq, afterSeq)))
    .orderBy(asc(runEvents.seq))
    .limit(limit);
}
