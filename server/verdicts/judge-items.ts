import "server-only";
import { and, between, eq, gt, sql, type SQL } from "drizzle-orm";
import { datasetVersions, evaluationSamples, evaluations, samples, verdicts, versionSamples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { sampleFilterWhere } from "@/server/datasets/sample-filter";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";
import type { GradedItem } from "./cascade";
import type { JudgeTarget } from "./judge-config";

export type ItemKind = (typeof verdicts.$inferInsert)["itemKind"];

export interface JudgeItem extends GradedItem {
  itemKind: ItemKind;
  itemId: number;
}

/** Checks that a target lies in the project and names it for people ("MathVision v2", "model X on mathvista"). */
export async function describeTarget(db: Database, projectId: string, target: JudgeTarget): Promise<string> {
  if (target.kind === "dataset") {
    const [row] = rowsOf<{ name: string; version: number | null }>(await db.execute(sql`
      select d.name, v.number as version from datasets d
      left join ${datasetVersions} v on v.dataset_id = d.id and v.id = ${target.versionId ?? null}
      where d.id = ${target.datasetId} and d.project_id = ${projectId}`));
    if (!row) throw new DomainError("NOT_FOUND", "That dataset does not exist in this project.");
    if (target.versionId && row.version === null) throw new DomainError("NOT_FOUND", "That version does not exist in this dataset.");
    return row.version === null ? `${row.name} (included samples)` : `${row.name} v${row.version}`;
  }
  const [row] = rowsOf<{ label: string; tasks: string[] }>(await db.execute(sql`
    select e.label, array(select distinct s.task from ${evaluationSamples} s where s.evaluation_id = e.id) as tasks
    from ${evaluations} e where e.id = ${target.evaluationId} and e.project_id = ${projectId}`));
  if (!row) throw new DomainError("NOT_FOUND", "That evaluation does not exist in this project.");
  if (row.tasks.length === 0) throw new DomainError("BAD_REQUEST", `Evaluation "${row.label}" has no per-sample results to judge (import it with its samples files).`);
  if (target.task && !row.tasks.includes(target.task)) {
    throw new DomainError("NOT_FOUND", `Evaluation "${row.label}" has no samples of task "${target.task}"; it has ${row.tasks.join(", ")}.`);
  }
  return target.task ? `${row.label} · ${target.task}` : row.label;
}

/** How many items the target holds, for progress. */
export async function countTargetItems(db: Database, target: JudgeTarget): Promise<number> {
  const [{ count }] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from (${itemsQuery(target, 0, null)}) items`));
  return count;
}

export interface ItemBatch {
  /** The batch's items that run `runId` has no verdict on yet. */
  items: JudgeItem[];
  /** The last id read (judged or not): where the next batch starts; null when the target has no more items. */
  lastId: number | null;
}

/**
 * The next `limit` items by id after `afterId`, less those run `runId` has judged already: a resumed run picks up where
 * it stopped. The judged ones are looked up by id range on (run, kind, item) rather than with an anti-join, whose plan
 * on a freshly imported dataset (no statistics yet) degrades to a scan of the run's verdicts per item.
 */
export async function readUnjudgedItems(db: Database, target: JudgeTarget, runId: number, afterId: number, limit: number): Promise<ItemBatch> {
  const rows = rowsOf<{ id: number | string; question: string | null; gold: string | null; prediction: string | null }>(
    await db.execute(itemsQuery(target, afterId, limit)),
  );
  if (rows.length === 0) return { items: [], lastId: null };
  const itemKind: ItemKind = target.kind === "dataset" ? "sample" : "evaluation_sample";
  const firstId = Number(rows[0].id);
  const lastId = Number(rows[rows.length - 1].id);
  const judged = await db
    .select({ itemId: verdicts.itemId })
    .from(verdicts)
    .where(and(eq(verdicts.runId, runId), eq(verdicts.itemKind, itemKind), between(verdicts.itemId, firstId, lastId)));
  const judgedIds = new Set(judged.map((row) => row.itemId));
  const items = rows
    .filter((row) => !judgedIds.has(Number(row.id)))
    .map((row) => ({ itemKind, itemId: Number(row.id), question: row.question ?? "", gold: row.gold ?? "", prediction: row.prediction ?? "" }));
  return { items, lastId };
}

function itemsQuery(target: JudgeTarget, afterId: number, limit: number | null): SQL {
  const limitClause = limit === null ? sql`` : sql`order by id limit ${limit}`;
  if (target.kind === "dataset") {
    const scope = target.versionId
      ? sql`${samples.id} in (select ${versionSamples.sampleId} from ${versionSamples} where ${versionSamples.versionId} = ${target.versionId})`
      : sampleFilterWhere(target.datasetId, { status: "included" });
    const where = and(eq(samples.datasetId, target.datasetId), scope, gt(samples.id, afterId));
    return sql`select ${samples.id} as id, ${samples.question} as question, ${samples.answer} as gold, ${samples.trace} as prediction
      from ${samples} where ${where} ${limitClause}`;
  }
  const where = and(eq(evaluationSamples.evaluationId, target.evaluationId), target.task ? eq(evaluationSamples.task, target.task) : undefined, gt(evaluationSamples.id, afterId));
  return sql`select ${evaluationSamples.id} as id, ${evaluationSamples.input} as question, ${evaluationSamples.target} as gold,
    ${evaluationSamples.response} as prediction from ${evaluationSamples} where ${where} ${limitClause}`;
}
