import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";
import type { JudgeTarget } from "./judge-config";
import { describeTarget } from "./judge-items";

/**
 * Who graded the target's items: a judge run (its final verdicts, its rule or math stage alone, or its verdicts with
 * human labels taking precedence), the dataset's imported verdict column, the harness's own score of an evaluation,
 * or people (verdict_labels).
 */
export const graderIdSchema = z.string().regex(/^(run:\d+(:(rule|math|labelled))?|imported|harness|human)$/, "Unknown grader.");

export interface Grader {
  id: string;
  label: string;
}

/** The graders that have graded at least one item of the target, in a stable order. */
export async function listGraders(db: Database, projectId: string, target: JudgeTarget): Promise<Grader[]> {
  await describeTarget(db, projectId, target);
  const [present] = rowsOf<{ imported: boolean; harness: boolean; human: boolean }>(
    await db.execute(sql`select
      ${target.kind === "dataset" ? sql`exists (select 1 from samples where dataset_id = ${target.datasetId} and verdict is not null)` : sql`false`} as imported,
      ${target.kind === "evaluation" ? sql`exists (select 1 from (${graderRows(projectId, target, "harness")}) g)` : sql`false`} as harness,
      exists (select 1 from (${graderRows(projectId, target, "human")}) g) as human`),
  );
  const graders: Grader[] = [];
  for (const run of await judgeRunsOf(db, projectId, target)) {
    const name = run.name ?? `Judge run #${run.id}`;
    graders.push({ id: `run:${run.id}`, label: name });
    if (run.stages.includes("rule")) graders.push({ id: `run:${run.id}:rule`, label: `${name} · rule stage` });
    if (run.stages.includes("math")) graders.push({ id: `run:${run.id}:math`, label: `${name} · math stage` });
    // Without labels it is the run itself.
    if (present.human) graders.push({ id: `run:${run.id}:labelled`, label: `${name} · corrected by labels` });
  }
  if (present.imported) graders.push({ id: "imported", label: "Imported verdict column" });
  if (present.harness) graders.push({ id: "harness", label: "Harness score (lmms-eval)" });
  if (present.human) graders.push({ id: "human", label: "Human labels" });
  return graders;
}

/** The project's judge runs over exactly this target, newest first. */
export async function judgeRunsOf(db: Database, projectId: string, target: JudgeTarget) {
  const rows = rowsOf<{ id: number | string; name: string | null; stages: string[] | null }>(
    await db.execute(sql`select id, name, array(select jsonb_array_elements_text(config->'cascade')) as stages from runs
      where project_id = ${projectId} and kind = 'judge' and ${targetMatches(target)} order by id desc`),
  );
  return rows.map((r) => ({ id: Number(r.id), name: r.name, stages: r.stages ?? [] }));
}

function targetMatches(target: JudgeTarget): SQL {
  if (target.kind === "dataset") return sql`config->'target'->>'kind' = 'dataset' and config->'target'->>'datasetId' = ${target.datasetId}`;
  return sql`config->'target'->>'kind' = 'evaluation' and config->'target'->>'evaluationId' = ${target.evaluationId}
    and coalesce(config->'target'->>'task', '') = ${target.task ?? ""}`;
}

/** The items a target holds, as (item_kind, item_id) for joining graders to. */
export function targetItems(target: JudgeTarget): SQL {
  if (target.kind === "dataset") return sql`select 'sample'::verdict_item_kind as item_kind, id as item_id from samples where dataset_id = ${target.datasetId}`;
  return sql`select 'evaluation_sample'::verdict_item_kind as item_kind, id as item_id from evaluation_samples
    where evaluation_id = ${target.evaluationId} ${target.task ? sql`and task = ${target.task}` : sql``}`;
}

/**
 * One grader's grades as rows (item_kind, item_id, match, verdict_id): match null means the grader looked and could not
 * say (an unparsed judge reply, an erroring stage). Only graders of this project and target are read.
 */
export function graderRows(projectId: string, target: JudgeTarget, graderId: string): SQL {
  const run = /^run:(\d+)(?::(rule|math|labelled))?$/.exec(graderId);
  if (run) {
    const runId = Number(run[1]);
    const scoped = sql`v.run_id = ${runId} and exists (select 1 from runs r where r.id = ${runId} and r.project_id = ${projectId} and r.kind = 'judge')`;
    if (run[2] === "labelled") {
      return sql`select v.item_kind, v.item_id, coalesce(l.correct, v.match) as match, v.id as verdict_id from verdicts v
        left join verdict_labels l on l.project_id = ${projectId} and l.item_kind = v.item_kind and l.item_id = v.item_id where ${scoped}`;
    }
    if (run[2]) {
      return sql`select v.item_kind, v.item_id, case s.outcome when 'match' then true when 'no_match' then false end as match, v.id as verdict_id
        from verdicts v cross join lateral (select e->>'outcome' as outcome from jsonb_array_elements(v.stages) e where e->>'stage' = ${run[2]} limit 1) s
        where ${scoped}`;
    }
    return sql`select v.item_kind, v.item_id, v.match, v.id as verdict_id from verdicts v where ${scoped}`;
  }
  if (graderId === "imported") {
    if (target.kind !== "dataset") throw new DomainError("BAD_REQUEST", "Only a dataset has an imported verdict column.");
    return sql`select 'sample'::verdict_item_kind as item_kind, id as item_id, verdict as match, null::bigint as verdict_id
      from samples where dataset_id = ${target.datasetId} and verdict is not null`;
  }
  if (graderId === "harness") {
    if (target.kind !== "evaluation") throw new DomainError("BAD_REQUEST", "Only an evaluation has a harness score.");
    return sql`select 'evaluation_sample'::verdict_item_kind as item_kind, id as item_id, score >= 0.5 as match, null::bigint as verdict_id
      from evaluation_samples where evaluation_id = ${target.evaluationId} ${target.task ? sql`and task = ${target.task}` : sql``} and score is not null`;
  }
  if (graderId === "human") {
    return sql`select l.item_kind, l.item_id, l.correct as match, l.verdict_id from verdict_labels l
      join (${targetItems(target)}) t on t.item_kind = l.item_kind and t.item_id = l.item_id where l.project_id = ${projectId}`;
  }
  throw new DomainError("BAD_REQUEST", `Unknown grader "${graderId}".`);
}
