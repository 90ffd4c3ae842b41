import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";
import type { JudgeTarget } from "./judge-config";
import { graderRows, listGraders } from "./graders";
import { describeTarget } from "./judge-items";

/** The cells of the matrix: A match/no-match × B match/no-match, items only one grader graded, and undecided ones. */
export const agreementCells = ["match_match", "match_no_match", "no_match_match", "no_match_no_match", "only_a", "only_b", "unparsed"] as const;
export type AgreementCell = (typeof agreementCells)[number];

export interface Agreement {
  cells: Record<AgreementCell, number>;
  /** Items both graders decided. */
  compared: number;
  /** Share of compared items with the same outcome; null when none were compared. */
  percentAgreement: number | null;
  /** Cohen's kappa over the compared items; null when it is undefined (no items, or chance agreement is certain). */
  kappa: number | null;
}

/** Which cell a row of the full join falls in, given a_match / b_match and whether each side graded it. */
export function cellCase(): SQL {
  return sql`case when not a_graded then 'only_b' when not b_graded then 'only_a' when a_match is null or b_match is null then 'unparsed'
    when a_match and b_match then 'match_match' when a_match then 'match_no_match' when b_match then 'no_match_match' else 'no_match_no_match' end`;
}

export function pairedRows(projectId: string, target: JudgeTarget, a: string, b: string): SQL {
  return sql`select coalesce(a.item_kind, b.item_kind) as item_kind, coalesce(a.item_id, b.item_id) as item_id,
      a.item_id is not null as a_graded, b.item_id is not null as b_graded, a.match as a_match, b.match as b_match,
      a.verdict_id as a_verdict_id, b.verdict_id as b_verdict_id
    from (${graderRows(projectId, target, a)}) a full join (${graderRows(projectId, target, b)}) b on a.item_kind = b.item_kind and a.item_id = b.item_id`;
}

/** Agreement of graders A and B over the target: one aggregate over the two graders' rows. */
export async function agreementOf(db: Database, projectId: string, target: JudgeTarget, a: string, b: string): Promise<Agreement> {
  if (a === b) throw new DomainError("BAD_REQUEST", "Pick two different graders.");
  await describeTarget(db, projectId, target);
  const rows = rowsOf<{ cell: AgreementCell; count: number }>(
    await db.execute(sql`select ${cellCase()} as cell, count(*)::int as count from (${pairedRows(projectId, target, a, b)}) p group by 1`),
  );
  const cells = Object.fromEntries(agreementCells.map((cell) => [cell, 0])) as Record<AgreementCell, number>;
  for (const row of rows) cells[row.cell] = row.count;
  return { cells, ...agreementFigures(cells) };
}

/** Percent agreement and Cohen's kappa from the 2×2 counts. */
export function agreementFigures(cells: Record<AgreementCell, number>) {
  const { match_match: mm, match_no_match: mn, no_match_match: nm, no_match_no_match: nn } = cells;
  const compared = mm + mn + nm + nn;
  if (compared === 0) return { compared, percentAgreement: null, kappa: null };
  const observed = (mm + nn) / compared;
  const chance = ((mm + mn) * (mm + nm) + (nm + nn) * (mn + nn)) / (compared * compared);
  return { compared, percentAgreement: observed, kappa: chance === 1 ? null : (observed - chance) / (1 - chance) };
}

/** Every pair of the target's graders with its figures, for the pairwise table. */
export async function pairwiseAgreement(db: Database, projectId: string, target: JudgeTarget) {
  const graders = await listGraders(db, projectId, target);
  const pairs: { a: string; b: string; agreement: Agreement }[] = [];
  for (let i = 0; i < graders.length; i++) {
    for (let j = i + 1; j < graders.length; j++) {
      pairs.push({ a: graders[i].id, b: graders[j].id, agreement: await agreementOf(db, projectId, target, graders[i].id, graders[j].id) });
    }
  }
  return { graders, pairs };
}
