import "server-only";
import { sql } from "drizzle-orm";
import { runCheckpoints, runMetricKeys, runMetrics } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import type { CheckpointSaved, MetricRecord } from "./metrics";

const column = <T>(values: T[]) => sql.param(values);

/**
 * Stores parsed metric records: one row per (run, key, step). A step printed twice (verl's validation-only step:0
 * line, a resumed run) keeps the latest value. NaN and infinities are kept: Postgres doubles hold them.
 */
export async function storeMetricRecords(db: Database, runId: number, records: MetricRecord[], wallTime = new Date()): Promise<number> {
  const latest = new Map<string, { key: string; step: number; value: number }>();
  for (const record of records) {
    for (const [key, value] of Object.entries(record.metrics)) latest.set(`${key}\u0000${record.step}`, { key, step: record.step, value });
  }
  const points = [...latest.values()];
  for (let start = 0; start < points.length; start += 20_000) {
    const chunk = points.slice(start, start + 20_000);
    await db.execute(sql`
      insert into ${runMetrics} (run_id, key, step, value, wall_time)
      select ${runId}, p.key, p.step, p.value, ${wallTime.toISOString()}::timestamptz
      from unnest(${column(chunk.map((p) => p.key))}::text[], ${column(chunk.map((p) => p.step))}::int[], ${column(chunk.map((p) => String(p.value)))}::float8[]) as p(key, step, value)
      on conflict (run_id, key, step) do update set value = excluded.value, wall_time = excluded.wall_time`);
  }
  const keys = [...new Set(points.map((p) => p.key))];
  if (keys.length > 0) {
    await db.execute(sql`insert into ${runMetricKeys} (run_id, key) select ${runId}, k from unnest(${column(keys)}::text[]) as k on conflict do nothing`);
  }
  return points.length;
}

export async function storeCheckpoints(db: Database, runId: number, checkpoints: CheckpointSaved[]) {
  if (checkpoints.length === 0) return;
  await db
    .insert(runCheckpoints)
    .values(checkpoints.map((c) => ({ runId, step: c.step, path: c.path })))
    .onConflictDoUpdate({ target: [runCheckpoints.runId, runCheckpoints.step], set: { path: sql`excluded.path` } });
}

/** The highest step stored for a run, for numbering lines that carry none (HF Trainer dicts) after it. */
export async function highestStep(db: Database, runId: number): Promise<number> {
  const [row] = rowsOf<{ highest: number | null }>(await db.execute(sql`select max(step) as highest from ${runMetrics} where run_id = ${runId}`));
  return row?.highest ?? 0;
}
