import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { samples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { sampleFilterSchema, sampleFilterWhere } from "./sample-filter";

/** One sample, a hand-picked set, or every sample matching a filter (bulk). */
export const sampleSelectionSchema = z.union([
  z.object({ sampleIds: z.array(z.number().int().positive()).min(1).max(10_000) }),
  z.object({ filter: sampleFilterSchema }),
]);
export type SampleSelection = z.infer<typeof sampleSelectionSchema>;

const tag = z.string().trim().min(1).max(64).regex(/^[^,\s][^,]*$/, "Tags cannot contain commas.");
export const tagChangeSchema = z.object({ add: z.array(tag).default([]), remove: z.array(tag).default([]) });

function selectionWhere(datasetId: string, selection: SampleSelection): SQL {
  return "sampleIds" in selection
    ? and(eq(samples.datasetId, datasetId), inArray(samples.id, selection.sampleIds))!
    : sampleFilterWhere(datasetId, selection.filter);
}

export async function changeTags(db: Database, datasetId: string, selection: SampleSelection, change: z.input<typeof tagChangeSchema>) {
  const { add, remove } = tagChangeSchema.parse(change);
  if (add.length === 0 && remove.length === 0) throw new DomainError("BAD_REQUEST", "Name at least one tag to add or remove.");
  const updated = await db
    .update(samples)
    .set({
      tags: sql`array(select distinct t from unnest(${samples.tags} || ${sql.param(add)}::text[]) as t where t <> all(${sql.param(remove)}::text[]) order by t)`,
    })
    .where(selectionWhere(datasetId, selection))
    .returning({ id: samples.id });
  return { updated: updated.length };
}

export async function setExcluded(db: Database, datasetId: string, selection: SampleSelection, excluded: boolean) {
  const updated = await db
    .update(samples)
    .set({ excluded })
    .where(and(selectionWhere(datasetId, selection), eq(samples.excluded, !excluded)))
    .returning({ id: samples.id });
  return { updated: updated.length };
}

export async function setNote(db: Database, datasetId: string, sampleId: number, note: string) {
  const updated = await db
    .update(samples)
    .set({ note: note.trim() === "" ? null : note })
    .where(and(eq(samples.datasetId, datasetId), eq(samples.id, sampleId)))
    .returning({ id: samples.id });
  if (updated.length === 0) throw new DomainError("NOT_FOUND", `Sample ${sampleId} is not in this dataset.`);
}

/** Tags in use in a dataset with their counts, for the filter bar. */
export async function listTags(db: Database, datasetId: string) {
  return db
    .select({ tag: sql<string>`t`, count: sql<number>`count(*)::int` })
    .from(sql`${samples}, unnest(${samples.tags}) as t`)
    .where(eq(samples.datasetId, datasetId))
    .groupBy(sql`t`)
    .orderBy(sql`t`);
}
