import "server-only";
import { and, asc, desc, eq, getTableColumns, gt, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { blobs, datasetSources, sampleImages, samples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { DomainError } from "@/server/errors";
import { sampleFilterWhere, type SampleFilter } from "./sample-filter";

export const sampleSorts = ["id", "-id", "traceLength", "-traceLength"] as const;
export type SampleSort = (typeof sampleSorts)[number];
export const sampleCursorSchema = z.object({ id: z.number().int(), traceLength: z.number().int().optional() });
export type SampleCursor = z.infer<typeof sampleCursorSchema>;

// Lists read narrow columns: the first few hundred characters of text, no traces, no messages.
const listColumns = {
  id: samples.id,
  sourceId: samples.sourceId,
  question: sql<string>`left(${samples.question}, 280)`,
  answer: sql<string | null>`left(${samples.answer}, 120)`,
  answerKind: samples.answerKind,
  traceLength: samples.traceLength,
  imageCount: samples.imageCount,
  verdict: samples.verdict,
  thumbnailSha256: samples.thumbnailSha256,
  tags: samples.tags,
  excluded: samples.excluded,
};

function order(sort: SampleSort) {
  const direction = sort.startsWith("-") ? desc : asc;
  return sort.endsWith("traceLength") ? [direction(samples.traceLength), direction(samples.id)] : [direction(samples.id)];
}

/** Rows strictly after the cursor in the sort order: keyset pagination, as fast deep in the list as at its start. */
function after(sort: SampleSort, cursor: SampleCursor): SQL {
  const beyond = sort.startsWith("-") ? lt : gt;
  if (!sort.endsWith("traceLength")) return beyond(samples.id, cursor.id);
  const length = cursor.traceLength ?? 0;
  return or(beyond(samples.traceLength, length), and(eq(samples.traceLength, length), beyond(samples.id, cursor.id)))!;
}

export async function listSamples(
  db: Database,
  datasetId: string,
  page: { filter: SampleFilter; sort: SampleSort; cursor?: SampleCursor | null; limit: number },
) {
  const where = sampleFilterWhere(datasetId, page.filter);
  const rows = await db
    .select(listColumns)
    .from(samples)
    .where(page.cursor ? and(where, after(page.sort, page.cursor)) : where)
    .orderBy(...order(page.sort))
    .limit(page.limit + 1);
  const hasMore = rows.length > page.limit;
  const items = hasMore ? rows.slice(0, page.limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? { id: last.id, traceLength: last.traceLength } : null };
}

const exactCountLimit = 100_000;

/** Exact below 100k matches; above, the planner's estimate (counting a million rows on every page view costs too much). */
export async function countSamples(db: Database, datasetId: string, filter: SampleFilter): Promise<{ count: number; exact: boolean }> {
  const where = sampleFilterWhere(datasetId, filter);
  const plan = rowsOf<{ "QUERY PLAN": unknown }>(
    await db.execute(sql`explain (format json) select 1 from ${samples} where ${where}`),
  );
  const rawPlan = plan[0]?.["QUERY PLAN"];
  const parsed = (typeof rawPlan === "string" ? JSON.parse(rawPlan) : rawPlan) as { Plan: { "Plan Rows": number } }[];
  const estimate = parsed[0]?.Plan["Plan Rows"] ?? 0;
  if (estimate > exactCountLimit) return { count: Math.round(estimate), exact: false };
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(samples).where(where);
  return { count: total, exact: true };
}

export async function getSample(db: Database, datasetId: string, sampleId: number) {
  const { searchText, ...sampleColumns } = getTableColumns(samples);
  const [sample] = await db
    .select({ ...sampleColumns, sourceLabel: datasetSources.label })
    .from(samples)
    .innerJoin(datasetSources, eq(datasetSources.id, samples.sourceId))
    .where(and(eq(samples.datasetId, datasetId), eq(samples.id, sampleId)));
  if (!sample) throw new DomainError("NOT_FOUND", `Sample ${sampleId} is not in this dataset.`);
  const images = await db
    .select({ sha256: blobs.sha256, mime: blobs.mime, width: blobs.width, height: blobs.height, thumbnailSha256: blobs.thumbnailSha256, originalPath: sampleImages.originalPath })
    .from(sampleImages)
    .innerJoin(blobs, eq(blobs.sha256, sampleImages.blobSha256))
    .where(eq(sampleImages.sampleId, sampleId))
    .orderBy(asc(sampleImages.position));
  return { ...sample, images };
}

/** The samples before and after one in the current filter and sort, for j/k navigation from a permalink. */
export async function sampleNeighbours(db: Database, datasetId: string, sampleId: number, view: { filter: SampleFilter; sort: SampleSort }) {
  const [current] = await db.select({ id: samples.id, traceLength: samples.traceLength }).from(samples).where(and(eq(samples.datasetId, datasetId), eq(samples.id, sampleId)));
  if (!current) throw new DomainError("NOT_FOUND", `Sample ${sampleId} is not in this dataset.`);
  const reversed: SampleSort = view.sort.startsWith("-") ? (view.sort.slice(1) as SampleSort) : (`-${view.sort}` as SampleSort);
  const [next] = await listSamples(db, datasetId, { ...view, cursor: current, limit: 1 }).then((p) => p.items);
  const [previous] = await listSamples(db, datasetId, { filter: view.filter, sort: reversed, cursor: current, limit: 1 }).then((p) => p.items);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}
