import "server-only";
import { sql } from "drizzle-orm";
import { runCheckpoints, runMetricKeys, runMetrics } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import type { CheckpointSaved, MetricRecord } from "./metrics";

const column = <T>(values: T[]) => sql.param(values);

interface MetricKeyRow {
  id: number;
  key: string;
  last_step: number;
}

/** The run's rows for `keys`, created when new. */
async function metricKeyRows(db: Database, runId: number, keys: string[]): Promise<Map<string, MetricKeyRow>> {
  await db.execute(sql`insert into ${runMetricKeys} (run_id, key) select ${runId}, k from unnest(${column(keys)}::text[]) as k on conflict do nothing`);
  const rows = rowsOf<MetricKeyRow>(
    await db.execute(sql`select id, key, last_step from ${runMetricKeys} where run_id = ${runId} and key = any(${column(keys)}::text[])`),
  );
  return new Map(rows.map((row) => [row.key, { ...row, id: Number(row.id), last_step: Number(row.last_step) }]));
}

type Point = { keyId: number; step: number; value: number };

function pointArrays(points: Point[]) {
  return sql`unnest(${column(points.map((p) => p.keyId))}::int[], ${column(points.map((p) => p.step))}::int[], ${column(points.map((p) => String(p.value)))}::float8[]) as p(key_id, step, value)`;
}

/**
 * Stores parsed metric records: one row per (run, key, step). A step printed twice (verl's validation-only step:0
 * line, a resumed run) keeps the latest value. NaN and infinities are kept: Postgres doubles hold them.
 * Points beyond their key's highest stored step (nearly all of a live run) are plain inserts; only the others pay for
 * a conflict check. Call it inside a transaction, so the keys' highest steps and the points agree.
 */
export async function storeMetricRecords(db: Database, runId: number, records: MetricRecord[], wallTime = new Date()): Promise<number> {
  const latest = new Map<string, { key: string; step: number; value: number }>();
  for (const record of records) {
    for (const [key, value] of Object.entries(record.metrics)) latest.set(`${key}\u0000${record.step}`, { key, step: record.step, value });
  }
  if (latest.size === 0) return 0;
  const keyRows = await metricKeyRows(db, runId, [...new Set([...latest.values()].map((p) => p.key))]);
  const fresh: Point[] = [];
  const revisited: Point[] = [];
  for (const { key, step, value } of latest.values()) {
    const row = keyRows.get(key)!;
    (step > row.last_step ? fresh : revisited).push({ keyId: row.id, step, value });
  }
  const at = sql`${wallTime.toISOString()}::timestamptz`;
  for (let start = 0; start < fresh.length; start += 20_000) {
    const chunk = fresh.slice(start, start + 20_000);
    await db.execute(sql`insert into ${runMetrics} (run_id, key_id, step, value, wall_time) select ${runId}, p.key_id, p.step, p.value, ${at} from ${pointArrays(chunk)}`);
  }
  for (let start = 0; start < revisited.length; start += 20_000) {
    const chunk = revisited.slice(start, start + 20_000);
    await db.execute(sql`
      insert into ${runMetrics} (run_id, key_id, step, value, wall_time) select ${runId}, p.key_id, p.step, p.value, ${at} from ${pointArrays(chunk)}
      on conflict (run_id, key_id, step) do update set value = excluded.value, wall_time = excluded.wall_time`);
  }
  const highest = new Map<number, number>();
  for (const point of fresh) highest.set(point.keyId, Math.max(highest.get(point.keyId) ?? -1, point.step));
  if (highest.size > 0) {
    await db.execute(sql`
      update ${runMetricKeys} as k set last_step = h.step
      from unnest(${column([...highest.keys()])}::int[], ${column([...highest.values()])}::int[]) as h(id, step) where k.id = h.id`);
  }
  return latest.size;
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
  const [row] = rowsOf<{ highest: number | null }>(await db.execute(sql`select max(last_step) as highest from ${runMetricKeys} where run_id = ${runId}`));
  return Math.max(Number(row?.highest ?? 0), 0);
}
