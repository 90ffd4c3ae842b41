import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/server/db/client";
import { changeTags, setExcluded } from "@/server/datasets/curate";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";
import { cellCase, pairedRows, type AgreementCell } from "./agreement";
import type { JudgeTarget } from "./judge-config";
import { describeTarget, type ItemKind } from "./judge-items";

export interface CellItem {
  itemKind: ItemKind;
  itemId: number;
  question: string;
  gold: string | null;
  prediction: string | null;
  thumbnailSha256: string | null;
  a: { match: boolean | null; goldExtracted: string | null; predExtracted: string | null } | null;
  b: { match: boolean | null; goldExtracted: string | null; predExtracted: string | null } | null;
}

function itemText(target: JudgeTarget) {
  return target.kind === "dataset"
    ? sql`select id, question, answer as gold, trace as prediction, thumbnail_sha256 from samples where dataset_id = ${target.datasetId}`
    : sql`select id, coalesce(input, '') as question, target as gold, response as prediction, null::text as thumbnail_sha256 from evaluation_samples
        where evaluation_id = ${target.evaluationId}`;
}

/** The items of one cell by item id after `afterItemId` (keyset paging), with what each grader's verdict extracted. */
export async function listCellItems(db: Database, projectId: string, target: JudgeTarget, a: string, b: string, cell: AgreementCell, afterItemId: number, limit: number): Promise<CellItem[]> {
  await describeTarget(db, projectId, target);
  const rows = rowsOf<{
    item_kind: ItemKind; item_id: number | string; question: string; gold: string | null; prediction: string | null; thumbnail_sha256: string | null;
    a_graded: boolean; b_graded: boolean; a_match: boolean | null; b_match: boolean | null;
    a_gold: string | null; a_pred: string | null; b_gold: string | null; b_pred: string | null;
  }>(
    await db.execute(sql`select p.*, i.question, i.gold, i.prediction, i.thumbnail_sha256,
        va.gold_extracted as a_gold, va.pred_extracted as a_pred, vb.gold_extracted as b_gold, vb.pred_extracted as b_pred
      from (${pairedRows(projectId, target, a, b)}) p
      join (${itemText(target)}) i on i.id = p.item_id
      left join verdicts va on va.id = p.a_verdict_id left join verdicts vb on vb.id = p.b_verdict_id
      where ${cellCase()} = ${cell} and p.item_id > ${afterItemId} order by p.item_id limit ${limit}`),
  );
  return rows.map((r) => ({
    itemKind: r.item_kind,
    itemId: Number(r.item_id),
    question: r.question,
    gold: r.gold,
    prediction: r.prediction,
    thumbnailSha256: r.thumbnail_sha256,
    a: r.a_graded ? { match: r.a_match, goldExtracted: r.a_gold, predExtracted: r.a_pred } : null,
    b: r.b_graded ? { match: r.b_match, goldExtracted: r.b_gold, predExtracted: r.b_pred } : null,
  }));
}

/** One item with every judge run's verdict on it (stages, reasons, raw reply, tokens) and its human label. */
export async function getItemDetail(db: Database, projectId: string, target: JudgeTarget, itemId: number) {
  await describeTarget(db, projectId, target);
  const [item] = rowsOf<{ id: number | string; question: string; gold: string | null; prediction: string | null; thumbnail_sha256: string | null }>(
    await db.execute(sql`select * from (${itemText(target)}) i where i.id = ${itemId}`),
  );
  if (!item) throw new DomainError("NOT_FOUND", `Item ${itemId} is not in this target.`);
  const itemKind: ItemKind = target.kind === "dataset" ? "sample" : "evaluation_sample";
  const verdictRows = rowsOf<{
    id: number | string; run_id: number | string; run_name: string | null; match: boolean | null; decided_by: string; reason: string;
    gold_extracted: string | null; pred_extracted: string | null; stages: { stage: string; outcome: string; reason: string }[];
    judge_reply: string | null; prompt_tokens: number; completion_tokens: number; cached: boolean;
  }>(
    await db.execute(sql`select v.*, r.name as run_name from verdicts v join runs r on r.id = v.run_id and r.project_id = ${projectId}
      where v.item_kind = ${itemKind} and v.item_id = ${itemId} order by v.run_id desc`),
  );
  const [label] = rowsOf<{ correct: boolean; reason: string; verdict_id: number | string | null; labelled_at: string }>(
    await db.execute(sql`select correct, reason, verdict_id, labelled_at from verdict_labels where project_id = ${projectId} and item_kind = ${itemKind} and item_id = ${itemId}`),
  );
  return {
    itemKind,
    itemId: Number(item.id),
    question: item.question,
    gold: item.gold,
    prediction: item.prediction,
    thumbnailSha256: item.thumbnail_sha256,
    verdicts: verdictRows.map((v) => ({
      id: Number(v.id),
      runId: Number(v.run_id),
      runName: v.run_name ?? `Judge run #${v.run_id}`,
      match: v.match,
      stage: v.decided_by,
      reason: v.reason,
      goldExtracted: v.gold_extracted,
      predExtracted: v.pred_extracted,
      stages: v.stages,
      judgeReply: v.judge_reply,
      tokens: { prompt: v.prompt_tokens, completion: v.completion_tokens },
      cached: v.cached,
    })),
    label: label ? { correct: label.correct, reason: label.reason, verdictId: label.verdict_id === null ? null : Number(label.verdict_id) } : null,
  };
}

/** Tags or excludes every sample of a cell in its dataset, with the dataset's own curation. */
export async function curateCell(
  db: Database, projectId: string, target: JudgeTarget, a: string, b: string, cell: AgreementCell,
  action: { kind: "tag"; tag: string } | { kind: "exclude" },
) {
  if (target.kind !== "dataset") throw new DomainError("BAD_REQUEST", "Only a dataset's samples can be tagged or excluded.");
  const items = await listCellItems(db, projectId, target, a, b, cell, 0, 10_000);
  if (items.length === 0) return { updated: 0 };
  const selection = { sampleIds: items.map((item) => item.itemId) };
  return action.kind === "tag" ? changeTags(db, target.datasetId, selection, { add: [action.tag] }) : setExcluded(db, target.datasetId, selection, true);
}
