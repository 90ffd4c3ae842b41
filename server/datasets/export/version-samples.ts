import "server-only";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { blobs, datasetSources, sampleImages, samples, versionSamples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import type { ChatMessage } from "../import";

export interface ExportImage {
  sha256: string;
  mime: string;
  originalPath: string | null;
}

/** A sample as the exporters read it: its text fields, its conversation when it has one, and its images in order. */
export interface ExportSample {
  id: number;
  externalId: string | null;
  contentHash: string;
  question: string;
  answer: string | null;
  trace: string | null;
  systemPrompt: string | null;
  messages: ChatMessage[] | null;
  /** The sample's own source (verl's data_source, which picks the reward function), else its file's label. */
  source: string;
  /** verl's `ability` column when the imported row had one (it stays in `extra`). */
  ability: string | null;
  images: ExportImage[];
}

/**
 * The samples of a version in id order, `batchSize` at a time: keyset pagination over the version's sample ids, so
 * memory holds two batches (the next is read while the caller works on one) whatever the version's size, and each page
 * costs the same deep in the version as at its start.
 */
export async function* readVersionSamples(db: Database, versionId: string, batchSize: number): AsyncGenerator<ExportSample[]> {
  let next = readBatch(db, versionId, 0, batchSize);
  for (;;) {
    const { batch, lastId } = await next;
    if (lastId === null) return;
    next = readBatch(db, versionId, lastId, batchSize);
    // A caller that stops early never awaits the read-ahead: its failure must not become an unhandled rejection.
    next.catch(() => {});
    yield batch;
  }
}

/** The samples after `afterId`, and the last id of the page (null past the end) to continue from. */
async function readBatch(db: Database, versionId: string, afterId: number, batchSize: number): Promise<{ batch: ExportSample[]; lastId: number | null }> {
  // The page's bounds first, alone: an index range scan on (version_id, sample_id), whatever the planner thinks of the
  // joins; samples and images are then read within those bounds.
  const page = await db
    .select({ id: versionSamples.sampleId })
    .from(versionSamples)
    .where(and(eq(versionSamples.versionId, versionId), gt(versionSamples.sampleId, afterId)))
    .orderBy(asc(versionSamples.sampleId))
    .limit(batchSize);
  if (page.length === 0) return { batch: [], lastId: null };
  const lastId = page[page.length - 1].id;
  const inPage = and(eq(versionSamples.versionId, versionId), gt(versionSamples.sampleId, afterId), lte(versionSamples.sampleId, lastId));
  const rows = await db
    .select({
      id: samples.id,
      externalId: samples.externalId,
      contentHash: samples.contentHash,
      question: samples.question,
      answer: samples.answer,
      trace: samples.trace,
      systemPrompt: samples.systemPrompt,
      messages: samples.messages,
      source: sql<string>`coalesce(${samples.sourceName}, ${datasetSources.label})`,
      ability: sql<string | null>`${samples.extra}->>'ability'`,
    })
    .from(versionSamples)
    .innerJoin(samples, eq(samples.id, versionSamples.sampleId))
    .innerJoin(datasetSources, eq(datasetSources.id, samples.sourceId))
    .where(inPage)
    .orderBy(asc(versionSamples.sampleId));
  const images = await db
    .select({ sampleId: sampleImages.sampleId, sha256: blobs.sha256, mime: blobs.mime, originalPath: sampleImages.originalPath })
    .from(versionSamples)
    .innerJoin(sampleImages, eq(sampleImages.sampleId, versionSamples.sampleId))
    .innerJoin(blobs, eq(blobs.sha256, sampleImages.blobSha256))
    .where(inPage)
    .orderBy(asc(sampleImages.sampleId), asc(sampleImages.position));
  const imagesBySample = new Map<number, ExportImage[]>();
  for (const { sampleId, ...image } of images) imagesBySample.set(sampleId, [...(imagesBySample.get(sampleId) ?? []), image]);
  const batch = rows.map((row) => ({ ...row, messages: row.messages as ChatMessage[] | null, images: imagesBySample.get(row.id) ?? [] }));
  return { batch, lastId };
}
