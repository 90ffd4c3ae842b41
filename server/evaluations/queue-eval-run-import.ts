import "server-only";
import { existsSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { runCheckpoints, runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import type { ServerEnv } from "@/server/env";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import { appendRunEvents } from "@/server/runs/events";
import { enqueueRun, type Run } from "@/server/runs/queue";
import type { evalImportConfigSchema } from "./eval-import-job";
import { scanLmmsEvalOutput } from "./lmms-eval";

// The eval recipe's record on the run: which checkpoint it evaluated.
const evalRecipeRecord = z.object({ recipe: z.object({ kind: z.literal("eval"), config: z.object({ model: z.object({ checkpoint: z.string() }) }) }) });
const collectedFolders = z.object({ launch: z.object({ collect: z.array(z.string()).default([]) }) });

/**
 * After an `eval` run succeeded: queues an `eval-import` of the lmms-eval output its agent collected, with the run as
 * the evaluation's source. With no results file collected nothing is queued, and the run's log says so.
 */
export async function queueImportOfEvalRun(db: Database, env: ServerEnv, run: Run): Promise<{ importRunId: number } | null> {
  const folder = artifactFolder(env, run.id);
  const scan = existsSync(folder) ? await scanLmmsEvalOutput(folder) : { runs: [] };
  if (scan.runs.length === 0) {
    const collect = collectedFolders.safeParse(run.config).data?.launch.collect ?? [];
    const from = collect.length > 0 ? `from ${collect.join(", ")}` : "(the launch spec collects no folder)";
    await logOnRun(db, run.id, `MMR Studio: no lmms-eval results file (<date>_results.json) was collected ${from}; no evaluation is imported.`);
    return null;
  }
  const checkpoint = evalRecipeRecord.safeParse(run.config).data?.recipe.config.model.checkpoint;
  const config: z.input<typeof evalImportConfigSchema> = {
    location: { kind: "run-artifacts", runId: run.id },
    replace: false,
    checkpointRunId: checkpoint ? await trainingRunOfCheckpoint(db, run.projectId, checkpoint) : null,
    importedBy: run.createdBy,
  };
  const importRun = await enqueueRun(db, { projectId: run.projectId, kind: "eval-import", name: `Import evaluation of run #${run.id}`, config, createdBy: run.createdBy });
  const files = `${scan.runs.length} results file${scan.runs.length === 1 ? "" : "s"}`;
  await logOnRun(db, run.id, `MMR Studio: queued run #${importRun.id} to import the evaluation (${files} collected).`);
  return { importRunId: importRun.id };
}

/**
 * The training run of this project that saved the evaluated checkpoint (its folder, or a folder inside it such as
 * verl's `actor/huggingface`), when exactly one did.
 */
async function trainingRunOfCheckpoint(db: Database, projectId: string, checkpoint: string): Promise<number | null> {
  const matches = await db
    .selectDistinct({ runId: runCheckpoints.runId })
    .from(runCheckpoints)
    .innerJoin(runs, eq(runs.id, runCheckpoints.runId))
    .where(and(eq(runs.projectId, projectId), sql`(${runCheckpoints.path} = ${checkpoint} or starts_with(${checkpoint}, ${runCheckpoints.path} || '/'))`))
    .limit(2);
  return matches.length === 1 ? matches[0].runId : null;
}

/** A line in the run's log after everything its agent sent (the agent sends nothing once it reported the end). */
async function logOnRun(db: Database, runId: number, line: string) {
  const [{ lastEventSeq }] = await db.select({ lastEventSeq: runs.lastEventSeq }).from(runs).where(eq(runs.id, runId));
  await appendRunEvents(db, runId, [{ seq: lastEventSeq + 1, type: "log", payload: { lines: [line] } }]);
}
