import "server-only";
import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { runs, runStates } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { readKeyMetrics } from "./key-metrics";
import { maskSecrets } from "./secret-masking";

export type RunState = (typeof runStates)[number];

// The list reads narrow columns only; config, result and events load in the detail view.
const listColumns = {
  id: runs.id,
  kind: runs.kind,
  name: runs.name,
  state: runs.state,
  progress: runs.progress,
  progressMessage: runs.progressMessage,
  cancelRequested: runs.cancelRequested,
  createdAt: runs.createdAt,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
};

export async function listRuns(
  db: Database,
  projectId: string,
  page: { limit: number; beforeId?: number; kinds?: string[]; states?: RunState[] },
) {
  const filters: SQL[] = [eq(runs.projectId, projectId)];
  if (page.beforeId !== undefined) filters.push(lt(runs.id, page.beforeId));
  if (page.kinds?.length) filters.push(inArray(runs.kind, page.kinds));
  if (page.states?.length) filters.push(inArray(runs.state, page.states));
  const rows = await db
    .select(listColumns)
    .from(runs)
    .where(and(...filters))
    .orderBy(desc(runs.id))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const pageRows = hasMore ? rows.slice(0, page.limit) : rows;
  const keyMetrics = await readKeyMetrics(db, pageRows);
  const items = pageRows.map((run) => ({ ...run, keyMetrics: keyMetrics.get(run.id) ?? [] }));
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}

export async function getRun(db: Database, projectId: string, runId: number) {
  const [run] = await db.select().from(runs).where(and(eq(runs.id, runId), eq(runs.projectId, projectId)));
  if (!run) throw new DomainError("NOT_FOUND", `Run ${runId} does not exist in this project.`);
  return run;
}

/** A run as a project member sees it: credentials in its config masked. */
export async function getRunForMember(db: Database, projectId: string, runId: number) {
  const run = await getRun(db, projectId, runId);
  return { ...run, config: maskSecrets(run.config) };
}
