import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { verdictLabels } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";

/**
 * A person says a verdict is right or wrong; that fixes the item's true outcome (a wrong "match" means the prediction
 * is incorrect). One label per item: a new one replaces the old.
 */
export async function labelVerdict(db: Database, input: { projectId: string; verdictId: number; verdictRight: boolean; reason: string; labelledBy: string }) {
  const [verdict] = rowsOf<{ item_kind: "sample" | "evaluation_sample" | "rollout"; item_id: number | string; match: boolean | null }>(
    await db.execute(sql`select v.item_kind, v.item_id, v.match from verdicts v join runs r on r.id = v.run_id
      where v.id = ${input.verdictId} and r.project_id = ${input.projectId}`),
  );
  if (!verdict) throw new DomainError("NOT_FOUND", `Verdict ${input.verdictId} does not exist in this project.`);
  if (verdict.match === null) throw new DomainError("BAD_REQUEST", "This verdict is undecided; there is no outcome to call right or wrong.");
  const correct = input.verdictRight ? verdict.match : !verdict.match;
  const values = { correct, reason: input.reason.trim(), verdictId: input.verdictId, labelledBy: input.labelledBy, labelledAt: new Date() };
  await db
    .insert(verdictLabels)
    .values({ projectId: input.projectId, itemKind: verdict.item_kind, itemId: Number(verdict.item_id), ...values })
    .onConflictDoUpdate({ target: [verdictLabels.projectId, verdictLabels.itemKind, verdictLabels.itemId], set: values });
  return { correct };
}

export async function removeLabel(db: Database, projectId: string, itemKind: "sample" | "evaluation_sample" | "rollout", itemId: number) {
  const removed = await db
    .delete(verdictLabels)
    .where(and(eq(verdictLabels.projectId, projectId), eq(verdictLabels.itemKind, itemKind), eq(verdictLabels.itemId, itemId)))
    .returning({ itemId: verdictLabels.itemId });
  return { removed: removed.length };
}
