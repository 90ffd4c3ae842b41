import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { verdicts } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";
import { getRun } from "@/server/runs/listing";

/** A judge run of the project, or NOT_FOUND (another project's run, or a run of another kind). */
export async function getJudgeRun(db: Database, projectId: string, runId: number) {
  const run = await getRun(db, projectId, runId);
  if (run.kind !== "judge") throw new DomainError("NOT_FOUND", `Run ${runId} is a ${run.kind} run, not a judge run.`);
  return run;
}

/** A page of a run's verdicts in item order, after `afterId` (a verdict id). */
export async function listRunVerdicts(db: Database, projectId: string, runId: number, afterId: number, limit: number) {
  await getJudgeRun(db, projectId, runId);
  return db
    .select({
      id: verdicts.id,
      itemKind: verdicts.itemKind,
      itemId: verdicts.itemId,
      match: verdicts.match,
      stage: verdicts.decidedBy,
      reason: verdicts.reason,
      goldExtracted: verdicts.goldExtracted,
      predExtracted: verdicts.predExtracted,
      stages: verdicts.stages,
      judgeReply: verdicts.judgeReply,
      promptTokens: verdicts.promptTokens,
      completionTokens: verdicts.completionTokens,
      cached: verdicts.cached,
    })
    .from(verdicts)
    .where(and(eq(verdicts.runId, runId), gt(verdicts.id, afterId)))
    .orderBy(asc(verdicts.id))
    .limit(limit);
}

export interface VerdictDiff {
  same: number;
  different: number;
  onlyA: number;
  onlyB: number;
  /** The items whose verdicts differ (first `limit` by item id after `afterItemId`). */
  items: { itemKind: string; itemId: number; a: VerdictSide; b: VerdictSide }[];
}
interface VerdictSide {
  match: boolean | null;
  stage: string;
  reason: string;
}

/** Two judge runs over the same items, verdict by verdict. */
export async function diffRunVerdicts(db: Database, projectId: string, runA: number, runB: number, afterItemId: number, limit: number): Promise<VerdictDiff> {
  await Promise.all([getJudgeRun(db, projectId, runA), getJudgeRun(db, projectId, runB)]);
  const paired = sql`select a.item_kind, a.item_id, a.match as a_match, b.match as b_match, a.decided_by as a_stage, b.decided_by as b_stage,
      a.reason as a_reason, b.reason as b_reason
    from ${verdicts} a join ${verdicts} b on b.run_id = ${runB} and b.item_kind = a.item_kind and b.item_id = a.item_id
    where a.run_id = ${runA}`;
  const [counts] = rowsOf<{ same: number; different: number; paired: number; a_total: number; b_total: number }>(
    await db.execute(sql`
      select count(*) filter (where p.a_match is not distinct from p.b_match)::int as same,
        count(*) filter (where p.a_match is distinct from p.b_match)::int as different, count(*)::int as paired,
        (select count(*)::int from ${verdicts} where run_id = ${runA}) as a_total,
        (select count(*)::int from ${verdicts} where run_id = ${runB}) as b_total
      from (${paired}) p`),
  );
  const rows = rowsOf<{ item_kind: string; item_id: number | string; a_match: boolean | null; b_match: boolean | null; a_stage: string; b_stage: string; a_reason: string; b_reason: string }>(
    await db.execute(sql`select * from (${paired}) p where p.a_match is distinct from p.b_match and p.item_id > ${afterItemId} order by p.item_id limit ${limit}`),
  );
  return {
    same: counts.same,
    different: counts.different,
    onlyA: counts.a_total - counts.paired,
    onlyB: counts.b_total - counts.paired,
    items: rows.map((r) => ({
      itemKind: r.item_kind,
      itemId: Number(r.item_id),
      a: { match: r.a_match, stage: r.a_stage, reason: r.a_reason },
      b: { match: r.b_match, stage: r.b_stage, reason: r.b_reason },
    })),
  };
}
