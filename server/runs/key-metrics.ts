import "server-only";
import { sql } from "drizzle-orm";
import { runMetricKeys, runMetrics } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";

/**
 * The figures a runs table shows for each run: per run kind, a few headline metrics, each the first of its candidate
 * keys the run logged (verl, lmms-engine and the HF Trainer name the same thing differently).
 */
const headlines: Record<string, { label: string; keys: string[] }[]> = {
  rl: [
    { label: "reward", keys: ["critic/score/mean", "critic/rewards/mean", "reward/mean"] },
    { label: "response length", keys: ["response_length/mean"] },
  ],
  sft: [
    { label: "loss", keys: ["train/loss", "loss", "train_loss"] },
    { label: "grad norm", keys: ["train/grad_norm", "grad_norm"] },
  ],
};

export interface KeyMetric {
  label: string;
  key: string;
  value: number;
  step: number;
}

const candidateKeys = [...new Set(Object.values(headlines).flatMap((list) => list.flatMap((h) => h.keys)))];

/** Each run's headline metrics at their latest step, by run id: a key lookup and a primary-key read per metric. */
export async function readKeyMetrics(db: Database, runsOnPage: { id: number; kind: string }[]): Promise<Map<number, KeyMetric[]>> {
  const found = new Map<number, KeyMetric[]>();
  const ids = runsOnPage.filter((run) => run.kind in headlines).map((run) => run.id);
  if (ids.length === 0) return found;
  const rows = rowsOf<{ run_id: number | string; key: string; step: number; value: number | string }>(
    await db.execute(sql`
      select k.run_id, k.key, k.last_step as step, m.value
      from ${runMetricKeys} k join ${runMetrics} m on m.run_id = k.run_id and m.key_id = k.id and m.step = k.last_step
      where k.run_id = any(${sql.param(ids)}::bigint[]) and k.key = any(${sql.param(candidateKeys)}::text[])`),
  );
  const latest = new Map(rows.map((row) => [`${row.run_id} ${row.key}`, { step: Number(row.step), value: Number(row.value) }]));
  for (const run of runsOnPage) {
    const metrics = (headlines[run.kind] ?? []).flatMap(({ label, keys }) => {
      const key = keys.find((candidate) => latest.has(`${run.id} ${candidate}`));
      return key ? [{ label, key, ...latest.get(`${run.id} ${key}`)! }] : [];
    });
    if (metrics.length > 0) found.set(run.id, metrics);
  }
  return found;
}
