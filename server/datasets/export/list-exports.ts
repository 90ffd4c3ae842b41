import "server-only";
import { and, desc, eq, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { exportFormats } from "./format-writer";

const exportConfig = z.object({ versionId: z.string(), format: z.enum(exportFormats) });
const exportOutcome = z.object({
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  samples: z.number(),
  images: z.number(),
  skipped: z.number(),
});

/** Where a client downloads an artifact file (served by the artifacts route handler). */
export function artifactDownloadPath(runId: number, name: string): string {
  return `/api/artifacts/${runId}/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/** The export runs of a dataset, newest first, keyset-paginated by run id, each with its files once it succeeded. */
export async function listExports(db: Database, projectId: string, datasetId: string, page: { limit: number; beforeRunId?: number }) {
  const filters: SQL[] = [eq(runs.projectId, projectId), eq(runs.kind, "export"), sql`${runs.config}->>'datasetId' = ${datasetId}`];
  if (page.beforeRunId !== undefined) filters.push(lt(runs.id, page.beforeRunId));
  const rows = await db
    .select({
      runId: runs.id,
      name: runs.name,
      state: runs.state,
      progress: runs.progress,
      progressMessage: runs.progressMessage,
      error: runs.error,
      config: runs.config,
      result: runs.result,
      createdAt: runs.createdAt,
      finishedAt: runs.finishedAt,
    })
    .from(runs)
    .where(and(...filters))
    .orderBy(desc(runs.id))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const items = (hasMore ? rows.slice(0, page.limit) : rows).map(({ config, result, ...run }) => {
    const outcome = exportOutcome.safeParse(result);
    return {
      ...run,
      ...exportConfig.parse(config),
      outcome: outcome.success
        ? { ...outcome.data, files: outcome.data.files.map((file) => ({ ...file, url: artifactDownloadPath(run.runId, file.name) })) }
        : null,
    };
  });
  return { items, nextCursor: hasMore ? items[items.length - 1].runId : null };
}
