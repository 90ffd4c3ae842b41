import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { runCheckpoints, runMetricKeys, runMetrics } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";

export interface SeriesPoint {
  step: number;
  value: number;
  wallTime: Date;
}

export async function listMetricKeys(db: Database, runId: number): Promise<string[]> {
  const rows = await db.select({ key: runMetricKeys.key }).from(runMetricKeys).where(eq(runMetricKeys.runId, runId)).orderBy(asc(runMetricKeys.key));
  return rows.map((r) => r.key);
}

/**
 * One metric of a run for a chart: every point when there are at most `maxPoints`, else the minimum and the maximum
 * of each of maxPoints/2 step buckets, so spikes (a nan loss, a reward collapse) survive the downsampling.
 */
export async function readMetricSeries(db: Database, runId: number, key: string, maxPoints = 1000): Promise<SeriesPoint[]> {
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const rows = rowsOf<{ step: number; value: number; wall_time: string | Date }>(
    await db.execute(sql`
      with series as (
        select step, value, wall_time from ${runMetrics}
        where run_id = ${runId} and key_id = (select id from ${runMetricKeys} where run_id = ${runId} and key = ${key})
      ),
      bounds as (select min(step) as low, max(step) as high, count(*) as total from series),
      bucketed as (
        select s.step, s.value, s.wall_time, width_bucket(s.step, b.low, b.high + 1, ${buckets}) as bucket
        from series s, bounds b where b.total > ${maxPoints}
      )
      select step, value, wall_time from series, bounds where total <= ${maxPoints}
      union
      (select distinct on (bucket) step, value, wall_time from bucketed order by bucket, value asc, step)
      union
      (select distinct on (bucket) step, value, wall_time from bucketed order by bucket, value desc, step)
      order by step`),
  );
  return rows.map((r) => ({ step: Number(r.step), value: Number(r.value), wallTime: new Date(r.wall_time) }));
}

export async function listCheckpoints(db: Database, runId: number) {
  return db.select({ step: runCheckpoints.step, path: runCheckpoints.path, createdAt: runCheckpoints.createdAt }).from(runCheckpoints).where(eq(runCheckpoints.runId, runId)).orderBy(asc(runCheckpoints.step));
}

export async function readMetricSeriesForKeys(db: Database, runId: number, keys: string[], maxPoints: number) {
  return Promise.all(keys.map(async (key) => ({ key, points: await readMetricSeries(db, runId, key, maxPoints) })));
}
