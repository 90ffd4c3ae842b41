import "server-only";
import { verdicts } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { storableText } from "@/server/db/storable-text";
import type { CascadeVerdict } from "./cascade";
import type { ItemKind } from "./judge-items";

/** Longest judge reply kept with a verdict: enough to read any real verdict and rationale, bounded for a 1 MB reply. */
const maxStoredReplyChars = 16_384;

/** Stores a run's verdicts; one already stored for the same item (a resumed run's overlap) is kept, not duplicated. */
export async function storeVerdicts(db: Database, runId: number, decided: { itemKind: ItemKind; itemId: number; verdict: CascadeVerdict }[]): Promise<void> {
  if (decided.length === 0) return;
  await db
    .insert(verdicts)
    .values(
      decided.map(({ itemKind, itemId, verdict }) => ({
        runId,
        itemKind,
        itemId,
        match: verdict.match,
        decidedBy: verdict.decidedBy,
        reason: storableText(verdict.reason, 2_000),
        goldExtracted: verdict.goldExtracted === null ? null : storableText(verdict.goldExtracted, 2_000),
        predExtracted: verdict.predExtracted === null ? null : storableText(verdict.predExtracted, 2_000),
        stages: verdict.stages.map((s) => ({ ...s, reason: storableText(s.reason, 2_000) })),
        judgeReply: verdict.judgeReply === null ? null : storableText(verdict.judgeReply, maxStoredReplyChars),
        promptTokens: verdict.promptTokens,
        completionTokens: verdict.completionTokens,
        cached: verdict.cached,
      })),
    )
    .onConflictDoNothing();
}
