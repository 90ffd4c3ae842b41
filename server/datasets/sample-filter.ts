import "server-only";
import { and, arrayContains, eq, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { answerKind, datasetSources, samples } from "@/db/schema";
import { searchQueryText } from "./search-terms";

/** Which samples of a dataset a view, a bulk action or a version covers. Every field narrows the selection. */
export const sampleFilterSchema = z.object({
  sourceIds: z.array(z.uuid()).optional(),
  tags: z.array(z.string().min(1)).optional(),
  hasImage: z.boolean().optional(),
  answerKinds: z.array(z.enum(answerKind.enumValues)).optional(),
  traceLengthMin: z.number().int().min(0).optional(),
  traceLengthMax: z.number().int().min(0).optional(),
  search: z.string().trim().max(500).optional(),
  /** A judge's verdict: judged right, judged wrong, or not judged. */
  verdict: z.enum(["correct", "incorrect", "unjudged"]).optional(),
  status: z.enum(["all", "included", "excluded"]).default("all"),
});
export type SampleFilter = z.input<typeof sampleFilterSchema>;

/** The WHERE clause for a filter; samples of imports still running (or failed) are never included. */
export function sampleFilterWhere(datasetId: string, input: SampleFilter): SQL {
  const filter = sampleFilterSchema.parse(input);
  const readySources = sql`(select ${datasetSources.id} from ${datasetSources} where ${datasetSources.datasetId} = ${datasetId} and ${datasetSources.status} = 'ready')`;
  const conditions: (SQL | undefined)[] = [
    eq(samples.datasetId, datasetId),
    // An array the planner computes first, not a join: a join's row estimate made it sort every later row of a deep page.
    sql`${samples.sourceId} = any(array${readySources})`,
    filter.sourceIds?.length ? inArray(samples.sourceId, filter.sourceIds) : undefined,
    filter.tags?.length ? arrayContains(samples.tags, filter.tags) : undefined,
    filter.hasImage === undefined ? undefined : filter.hasImage ? gt(samples.imageCount, 0) : eq(samples.imageCount, 0),
    filter.answerKinds?.length ? inArray(samples.answerKind, filter.answerKinds) : undefined,
    filter.traceLengthMin === undefined ? undefined : gte(samples.traceLength, filter.traceLengthMin),
    filter.traceLengthMax === undefined ? undefined : lte(samples.traceLength, filter.traceLengthMax),
    filter.search ? searchCondition(filter.search) : undefined,
    filter.verdict === undefined ? undefined : verdictCondition(filter.verdict),
    filter.status === "all" ? undefined : eq(samples.excluded, filter.status === "excluded"),
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined))!;
}

/** A search with no word in it (only punctuation) matches nothing rather than everything. */
function searchCondition(search: string): SQL {
  const query = searchQueryText(search);
  return query === null ? sql`false` : sql`${samples.searchText} @@ ${query}::tsquery`;
}

function verdictCondition(verdict: "correct" | "incorrect" | "unjudged"): SQL {
  if (verdict === "unjudged") return sql`${samples.verdict} is null`;
  // Spelled with `is not null` so the planner sees the partial verdict index applies (and estimates it well).
  return sql`${samples.verdict} is not null and ${samples.verdict} = ${verdict === "correct"}`;
}
