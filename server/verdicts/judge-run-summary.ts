import "server-only";
import { sql } from "drizzle-orm";
import { verdicts } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";

/** A judge run's figures: how many verdicts, which stage decided them, what the judge cost. */
export interface JudgeRunSummary {
  verdicts: number;
  matched: number;
  /** Verdicts per deciding stage: exact, choice, numeric, symbolic, string, llm, none, unparsed, error. */
  byStage: Record<string, number>;
  unparsed: number;
  errors: number;
  /** Tokens this run spent; replies read from the cache cost nothing and are counted in `cachedReplies`. */
  tokens: { prompt: number; completion: number };
  cachedReplies: number;
}

export async function summarizeRunVerdicts(db: Database, runId: number): Promise<JudgeRunSummary> {
  const rows = rowsOf<{ decided_by: string; count: number; matched: number; prompt: number; completion: number; cached: number }>(await db.execute(sql`
    select ${verdicts.decidedBy} as decided_by, count(*)::int as count, count(*) filter (where ${verdicts.match})::int as matched,
      coalesce(sum(${verdicts.promptTokens}) filter (where not ${verdicts.cached}), 0)::int as prompt,
      coalesce(sum(${verdicts.completionTokens}) filter (where not ${verdicts.cached}), 0)::int as completion,
      count(*) filter (where ${verdicts.cached})::int as cached
    from ${verdicts} where ${verdicts.runId} = ${runId} group by ${verdicts.decidedBy}`));
  const summary: JudgeRunSummary = { verdicts: 0, matched: 0, byStage: {}, unparsed: 0, errors: 0, tokens: { prompt: 0, completion: 0 }, cachedReplies: 0 };
  for (const row of rows) {
    summary.verdicts += row.count;
    summary.matched += row.matched;
    summary.byStage[row.decided_by] = row.count;
    summary.tokens.prompt += row.prompt;
    summary.tokens.completion += row.completion;
    summary.cachedReplies += row.cached;
  }
  summary.unparsed = summary.byStage.unparsed ?? 0;
  summary.errors = summary.byStage.error ?? 0;
  return summary;
}
