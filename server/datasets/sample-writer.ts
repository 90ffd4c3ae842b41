import "server-only";
import { hash } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { blobs, datasetSources, sampleImages, samples } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { classifyAnswer } from "./answer-kind";
import { isFieldConversation } from "./field-conversation";
import type { NormalisedSample } from "./import";
import { stripNul } from "@/server/db/storable-text";
import { toStorableJson } from "./json-safe";
import type { StoredImage } from "./sample-images";
import { searchVectorText } from "./search-terms";

type SampleRow = typeof samples.$inferInsert;

/**
 * What makes a sample this sample, hashed: the same one imported twice is stored once. The first 128 bits of the
 * sha256, written as the uuid the column stores (collisions stay out of reach at any dataset size).
 */
export function sampleContentHash(sample: NormalisedSample, imageKeys: string[]): string {
  const identity: unknown[] = [sample.externalId ?? null, sample.question, sample.answer ?? null, sample.trace ?? null, sample.systemPrompt ?? null, sample.messages ?? null, imageKeys];
  // Appended only when present, so samples without a verdict keep the hashes they always had.
  if (sample.verdict !== undefined) identity.push(sample.verdict);
  const digest = hash("sha256", JSON.stringify(identity));
  return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
}

const fieldsOf = (sample: NormalisedSample, images: StoredImage[]) => ({ question: sample.question, systemPrompt: sample.systemPrompt ?? null, imageCount: images.length });

function toRow(datasetId: string, sourceId: string, rowNumber: number, sample: NormalisedSample, images: StoredImage[]): SampleRow {
  const trace = sample.trace === undefined ? null : stripNul(sample.trace);
  const question = stripNul(sample.question);
  const answer = sample.answer === undefined ? null : stripNul(sample.answer);
  return {
    datasetId,
    sourceId,
    rowNumber,
    externalId: sample.externalId ?? null,
    sourceName: sample.source === undefined ? null : stripNul(sample.source),
    contentHash: sampleContentHash(sample, images.map((i) => i.sha256)),
    question,
    answer,
    // Bounded, so one huge text cannot exceed what a tsvector holds.
    searchText: searchVectorText(question.slice(0, 100_000), answer?.slice(0, 10_000)),
    answerKind: classifyAnswer(sample.answer),
    trace,
    traceLength: trace?.length ?? 0,
    systemPrompt: sample.systemPrompt === undefined ? null : stripNul(sample.systemPrompt),
    messages: sample.messages && !isFieldConversation(sample.messages, fieldsOf(sample, images)) ? toStorableJson(sample.messages as never) : null,
    extra: Object.keys(sample.extra).length > 0 ? toStorableJson(sample.extra) : null,
    verdict: sample.verdict ?? null,
    imageCount: images.length,
    thumbnailSha256: images[0]?.thumbnailSha256 ?? null,
  };
}

const column = <T>(rows: SampleRow[], pick: (row: SampleRow) => T) => sql.param(rows.map(pick));
// postgres.js cannot send a boolean array holding nulls, so verdicts travel as text.
const verdictText = (verdict: boolean | null | undefined) => (verdict === null || verdict === undefined ? null : String(verdict));
const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export class SourceGoneError extends Error {
  constructor() {
    super("the dataset or this source was deleted while it was being imported");
  }
}

/**
 * One INSERT per batch whose values arrive as one array per column (unnest): the statement has a dozen parameters
 * however many rows it carries, which is several times faster than a VALUES list with a parameter per cell. Samples
 * have no foreign keys; the statement locks their source row instead (once, not per row), so the source cannot be
 * deleted under it, and it inserts nothing when the source is already gone.
 */
async function insertSampleRows(db: Database, target: { datasetId: string; sourceId: string }, rows: SampleRow[]) {
  const result = await db.execute(sql`
    with source as (
      select id, dataset_id from ${datasetSources} where id = ${target.sourceId}::uuid and dataset_id = ${target.datasetId}::uuid for key share
    )
    insert into ${samples} (dataset_id, source_id, row_number, external_id, source_name, content_hash, question, answer, answer_kind,
      trace, trace_length, system_prompt, messages, extra, verdict, image_count, thumbnail_sha256, search_text)
    select source.dataset_id, source.id, r.row_number, r.external_id, r.source_name, r.content_hash::uuid, r.question,
      r.answer, r.answer_kind::answer_kind, r.trace, r.trace_length, r.system_prompt, r.messages::jsonb, r.extra::jsonb,
      r.verdict::boolean, r.image_count, r.thumbnail_sha256, r.search_text::tsvector
    from source, unnest(
      ${column(rows, (r) => r.rowNumber)}::int[], ${column(rows, (r) => r.externalId ?? null)}::text[],
      ${column(rows, (r) => r.sourceName ?? null)}::text[],
      ${column(rows, (r) => r.contentHash)}::text[], ${column(rows, (r) => r.question)}::text[],
      ${column(rows, (r) => r.answer ?? null)}::text[], ${column(rows, (r) => r.answerKind ?? "none")}::text[],
      ${column(rows, (r) => r.trace ?? null)}::text[], ${column(rows, (r) => r.traceLength ?? 0)}::int[],
      ${column(rows, (r) => r.systemPrompt ?? null)}::text[], ${column(rows, (r) => json(r.messages))}::text[],
      ${column(rows, (r) => json(r.extra))}::text[], ${column(rows, (r) => verdictText(r.verdict))}::text[],
      ${column(rows, (r) => r.imageCount ?? 0)}::int[],
      ${column(rows, (r) => r.thumbnailSha256 ?? null)}::text[], ${column(rows, (r) => r.searchText)}::text[]
    ) as r(row_number, external_id, source_name, content_hash, question, answer, answer_kind, trace, trace_length, system_prompt,
      messages, extra, verdict, image_count, thumbnail_sha256, search_text)
    on conflict do nothing
    returning id, content_hash`);
  const inserted = rowsOf<{ id: number | string; content_hash: string }>(result).map((r) => ({ id: Number(r.id), contentHash: r.content_hash }));
  // Nothing inserted is either a batch of duplicates or a source that no longer exists.
  if (inserted.length === 0 && rows.length > 0 && !(await sourceExists(db, target.sourceId))) throw new SourceGoneError();
  return inserted;
}

async function sourceExists(db: Database, sourceId: string): Promise<boolean> {
  const [found] = await db.select({ id: datasetSources.id }).from(datasetSources).where(eq(datasetSources.id, sourceId));
  return found !== undefined;
}

type Batch = { row: SampleRow; images: StoredImage[] }[];

/**
 * Buffers samples and writes them in multi-row INSERTs. Three batches may be in flight while the next fills, so
 * reading, mapping and serialising rows overlap with the database's work (with one, the database waited while
 * each batch was serialised). A sample whose content hash the dataset already holds is counted as a duplicate and
 * not stored again, also when two batches in flight hold it.
 */
export class SampleWriter {
  private pending: Batch = [];
  private inFlight: Promise<void>[] = [];
  inserted = 0;
  duplicates = 0;

  constructor(
    private readonly db: Database,
    private readonly target: { datasetId: string; sourceId: string },
    private readonly batchSize = 2000,
    private readonly maxInFlight = 3,
  ) {}

  async add(rowNumber: number, sample: NormalisedSample, images: StoredImage[]): Promise<void> {
    this.pending.push({ row: toRow(this.target.datasetId, this.target.sourceId, rowNumber, sample, images), images });
    if (this.pending.length >= this.batchSize) await this.startBatch();
  }

  /** Writes everything added so far and waits for it. */
  async flush(): Promise<void> {
    await this.startBatch();
    await this.settle(this.inFlight.length);
  }

  /** Stops writing: drops what is buffered and waits for the batches in flight, whatever their outcome. */
  async abandon(): Promise<void> {
    this.pending = [];
    await Promise.allSettled(this.inFlight.splice(0));
  }

  private async startBatch(): Promise<void> {
    await this.settle(this.inFlight.length - this.maxInFlight + 1);
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const write = this.writeBatch(batch);
    // A failure surfaces when the batch is settled; keep it from counting as unhandled meanwhile.
    write.catch(() => {});
    this.inFlight.push(write);
  }

  /** Waits for the `count` oldest batches; on a failure, for every batch in flight, so none outlives the error. */
  private async settle(count: number): Promise<void> {
    try {
      for (let i = 0; i < count; i++) await this.inFlight.shift();
    } catch (error) {
      await Promise.allSettled(this.inFlight.splice(0));
      throw error;
    }
  }

  private async writeBatch(batch: Batch): Promise<void> {
    const insertedRows = await insertSampleRows(this.db, this.target, batch.map((b) => b.row));
    this.inserted += insertedRows.length;
    this.duplicates += batch.length - insertedRows.length;
    await this.writeImages(batch, new Map(insertedRows.map((r) => [r.contentHash, r.id])));
  }

  private async writeImages(batch: Batch, idByHash: Map<string, number>) {
    const links = batch.flatMap(({ row, images }) => {
      const sampleId = idByHash.get(row.contentHash);
      return sampleId === undefined ? [] : images.map((image, position) => ({ sampleId, position, image }));
    });
    if (links.length === 0) return;
    const distinct = new Map(links.map((l) => [l.image.sha256, l.image]));
    const known = await this.db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, [...distinct.keys()]));
    const knownSet = new Set(known.map((k) => k.sha256));
    const fresh = [...distinct.values()].filter((image) => !knownSet.has(image.sha256));
    if (fresh.length > 0) {
      await this.db
        .insert(blobs)
        .values(fresh.map(({ sha256, size, mime, width, height, thumbnailSha256 }) => ({ sha256, size, mime, width, height, thumbnailSha256 })))
        .onConflictDoNothing();
    }
    await this.db
      .insert(sampleImages)
      .values(links.map(({ sampleId, position, image }) => ({ sampleId, position, blobSha256: image.sha256, originalPath: image.originalPath })));
  }
}
