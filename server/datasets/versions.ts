import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { datasetVersions, samples, versionSamples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { sampleFilterWhere, type SampleFilter } from "./sample-filter";

/**
 * Freezes the included samples matching `filter` as version N+1. Its content hash covers the samples' content hashes,
 * so two versions with the same samples have the same hash whatever their ids.
 */
export async function createVersion(db: Database, input: { datasetId: string; name: string; filter: SampleFilter; createdBy: string }) {
  return db.transaction(async (tx) => {
    // Serialise version numbering per dataset.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${input.datasetId}))`);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${datasetVersions.number}), 0)::int + 1` })
      .from(datasetVersions)
      .where(eq(datasetVersions.datasetId, input.datasetId));
    const where = sampleFilterWhere(input.datasetId, { ...input.filter, status: "included" });
    const [summary] = await tx
      .select({
        sampleCount: sql<number>`count(*)::int`,
        contentHash: sql<string>`encode(sha256(convert_to(coalesce(string_agg(${samples.contentHash}::text, ',' order by ${samples.contentHash}), ''), 'UTF8')), 'hex')`,
      })
      .from(samples)
      .where(where);
    if (summary.sampleCount === 0) throw new DomainError("BAD_REQUEST", "No included sample matches this selection; a version needs at least one.");
    const [version] = await tx
      .insert(datasetVersions)
      .values({ datasetId: input.datasetId, number: next, name: input.name, contentHash: summary.contentHash, sampleCount: summary.sampleCount, createdBy: input.createdBy })
      .returning();
    await tx.execute(
      sql`insert into ${versionSamples} (version_id, sample_id) select ${version.id}, ${samples.id} from ${samples} where ${where}`,
    );
    return version;
  });
}

export async function listVersions(db: Database, datasetId: string) {
  return db.select().from(datasetVersions).where(eq(datasetVersions.datasetId, datasetId)).orderBy(desc(datasetVersions.number));
}

export async function getVersion(db: Database, datasetId: string, versionId: string) {
  const [version] = await db.select().from(datasetVersions).where(and(eq(datasetVersions.datasetId, datasetId), eq(datasetVersions.id, versionId)));
  if (!version) throw new DomainError("NOT_FOUND", `Version ${versionId} is not a version of this dataset.`);
  return version;
}

/** Samples in `to` but not `from` (added) and the reverse (removed): counts, and the first few of each. */
export async function compareVersions(db: Database, datasetId: string, fromId: string, toId: string, exampleLimit = 20) {
  await getVersion(db, datasetId, fromId);
  await getVersion(db, datasetId, toId);
  const difference = (left: string, right: string) =>
    sql`select ${versionSamples.sampleId} as id from ${versionSamples} where ${versionSamples.versionId} = ${left}
        except select ${versionSamples.sampleId} from ${versionSamples} where ${versionSamples.versionId} = ${right}`;
  const side = async (left: string, right: string) => {
    const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(sql`(${difference(left, right)}) as d`);
    const examples = await db
      .select({ id: samples.id, question: sql<string>`left(${samples.question}, 200)` })
      .from(samples)
      .where(sql`${samples.id} in (${difference(left, right)})`)
      .orderBy(asc(samples.id))
      .limit(exampleLimit);
    return { count: total, examples };
  };
  return { added: await side(toId, fromId), removed: await side(fromId, toId) };
}
