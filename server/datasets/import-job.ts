import "server-only";
import { relative } from "node:path";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { datasets, datasetSources } from "@/db/schema";
import { DomainError } from "@/server/errors";
import { boundText, userFacingMessage } from "@/server/user-errors";
import { defineJobHandler, type JobContext } from "@/server/runs/job-handler";
import { refreshSampleCount } from "./datasets";
import { fileSha256 } from "./file-digest";
import {
  applyMapping,
  columnMappingSchema,
  formatRowError,
  listDatasetSources,
  readParquetSchema,
  readSourceRows,
  type ColumnMapping,
  type DatasetSource,
  type NormalisedSample,
  type SampleField,
} from "./import";
import { suggestMappingForSource } from "./import-mapping";
import { assertSourceInsideRoots, importLocationSchema, resolveImportLocation, withUserPaths } from "./import-location";
import { oversizedFieldReason } from "./import/row-limits";
import { SampleImageStore } from "./sample-images";
import { SampleWriter } from "./sample-writer";
import { discardUpload } from "./uploads";

export const importConfigSchema = z.object({
  datasetId: z.uuid(),
  location: importLocationSchema,
  /** Mappings the user corrected in the preview, by source label; other sources use the suggestion. */
  mappings: z.record(z.string(), columnMappingSchema).default({}),
  /** The import created the dataset: if it ends without a sample (failed, cancelled, nothing read), the dataset goes too. */
  newDataset: z.boolean().default(false),
});
export type ImportConfig = z.infer<typeof importConfigSchema>;

const exampleLimit = 20;
// One example quotes at most this much, so a job's stored result stays small whatever the rows hold.
const exampleChars = 500;

interface ImportTally {
  rowsImported: number;
  rowsSkipped: number;
  duplicates: number;
  imagesMissing: number;
  sourcesAlreadyImported: string[];
  skippedRows: string[];
  missingImages: string[];
}

export interface ImportResult extends ImportTally {
  datasetId: string;
}

/**
 * The `import` job: reads every source of a file, directory or dataset list into one dataset.
 * A source whose file was imported before adds nothing; a source that fails leaves nothing behind.
 */
export const importJob = defineJobHandler({
  kind: "import",
  configSchema: importConfigSchema,
  async execute(config, context): Promise<ImportResult> {
    const { deps } = context;
    try {
      return await withUserPaths(config.location, deps.env, () => importAll(config, context));
    } catch (error) {
      if (config.newDataset) await removeIfEmpty(context, config.datasetId);
      // Only a message written for the user leaves the job (a cancel is the runner's to report); anything else is logged under an id.
      throw error instanceof DomainError || context.signal.aborted ? error : new DomainError("BAD_REQUEST", userFacingMessage(error));
    }
  },
});

async function removeIfEmpty(context: JobContext, datasetId: string): Promise<void> {
  if ((await refreshSampleCount(context.deps.db, datasetId)) === 0) await context.deps.db.delete(datasets).where(eq(datasets.id, datasetId));
}

async function importAll(config: ImportConfig, context: JobContext): Promise<ImportResult> {
  const { deps } = context;
  const { path, roots } = await resolveImportLocation(config.location, deps.env);
  const sources = await listDatasetSources(path);
  const tally: ImportTally = { rowsImported: 0, rowsSkipped: 0, duplicates: 0, imagesMissing: 0, sourcesAlreadyImported: [], skippedRows: [], missingImages: [] };
  try {
    for (const [index, source] of sources.entries()) {
      await assertSourceInsideRoots(source, roots);
      const shownPath = config.location.kind === "upload" ? relative(roots[0], source.path) : source.path;
      await context.log(`Source ${index + 1}/${sources.length}: ${source.label} (${shownPath})`);
      await importSource(source, { config, context, tally, progressBase: index / sources.length, progressSpan: 1 / sources.length });
    }
  } catch (error) {
    // Nothing half-imported stays: the sources this run created go, with their samples.
    await deps.db.delete(datasetSources).where(eq(datasetSources.importRunId, context.run.id));
    throw error;
  }
  const total = await refreshSampleCount(deps.db, config.datasetId);
  if (config.newDataset && total === 0) {
    const why = tally.skippedRows.length > 0 ? `every row was skipped (${tally.rowsSkipped}; the first: ${tally.skippedRows[0]})` : "the file holds no rows";
    throw new DomainError("BAD_REQUEST", `No sample imported: ${why}.`);
  }
  // An upload has served its purpose once its samples and images are stored.
  if (config.location.kind === "upload") await discardUpload(deps, config.location.uploadId);
  await context.log(`Imported ${tally.rowsImported} samples (${tally.rowsSkipped} rows skipped, ${tally.duplicates} duplicates, ${tally.imagesMissing} images missing); the dataset now holds ${total}.`);
  return { datasetId: config.datasetId, ...tally };
}

/** The first text field of a sample over the limit, with its size. */
function oversizedField(sample: NormalisedSample, limit: number): { field: SampleField; bytes: number } | undefined {
  for (const field of ["question", "answer", "trace", "systemPrompt"] as const) {
    const text = sample[field];
    // A UTF-8 byte is at most one UTF-16 unit, so only a long string needs counting.
    if (text !== undefined && text.length * 3 > limit) {
      const bytes = Buffer.byteLength(text);
      if (bytes > limit) return { field, bytes };
    }
  }
  return undefined;
}

/** Drops the conversation's image parts of images that could not be stored, so the k-th part stays the k-th image. */
function withoutImageParts(sample: NormalisedSample, dropped: number[]): NormalisedSample {
  if (dropped.length === 0 || !sample.messages) return sample;
  const gone = new Set(dropped);
  let imageIndex = 0;
  const messages = sample.messages.map((message) => ({
    ...message,
    content: message.content.filter((part) => part.type !== "image" || !gone.has(imageIndex++)),
  }));
  return { ...sample, messages };
}

async function importSource(
  source: DatasetSource,
  job: { config: ImportConfig; context: JobContext; tally: ImportTally; progressBase: number; progressSpan: number },
): Promise<void> {
  const { config, context, tally } = job;
  const { db, blobs } = context.deps;
  const digest = await fileSha256(source.path);
  const [previous] = await db
    .select({ id: datasetSources.id })
    .from(datasetSources)
    .where(and(eq(datasetSources.datasetId, config.datasetId), eq(datasetSources.fileSha256, digest), eq(datasetSources.status, "ready")));
  if (previous) {
    tally.sourcesAlreadyImported.push(source.label);
    await context.log(`${source.label}: this file was imported before; nothing to add.`);
    return;
  }

  const mapping: ColumnMapping = config.mappings[source.label] ?? (await suggestMappingForSource(source));
  const [created] = await db
    .insert(datasetSources)
    .values({ datasetId: config.datasetId, label: source.label, origin: source.path, format: source.container, fileSha256: digest, mapping, importRunId: context.run.id })
    .returning({ id: datasetSources.id });
  const writer = new SampleWriter(db, { datasetId: config.datasetId, sourceId: created.id });
  const images = new SampleImageStore(blobs);
  const expectedRows = source.container === "parquet" ? (await readParquetSchema(source.path)).rowCount : undefined;
  let rowsSeen = 0;
  let skipped = 0;

  const skip = async (message: string) => {
    skipped += 1;
    const example = boundText(message, exampleChars);
    if (tally.skippedRows.length < exampleLimit) tally.skippedRows.push(example);
    if (skipped <= 100) await context.log(`skipped ${example}`);
  };

  try {
    const { MMR_MAX_IMPORT_ROW_BYTES: rowLimit, MMR_MAX_IMPORT_FIELD_BYTES: fieldLimit } = context.deps.env;
    for await (const record of readSourceRows(source, { maxRowBytes: rowLimit })) {
      rowsSeen += 1;
      if (rowsSeen % 1000 === 0) {
        context.signal.throwIfAborted();
        const fraction = expectedRows ? rowsSeen / expectedRows : 0;
        context.reportProgress(job.progressBase + job.progressSpan * Math.min(fraction, 1), `${source.label}: ${rowsSeen.toLocaleString("en")} rows read`);
      }
      if (record.kind === "invalid") {
        await skip(formatRowError({ row: record.row, line: record.line, reason: record.reason }, source.label));
        continue;
      }
      const mapped = applyMapping(record, mapping, { sourceLabel: source.label });
      if (!mapped.ok) {
        await skip(formatRowError(mapped.error, source.label));
        continue;
      }
      const oversized = oversizedField(mapped.sample, fieldLimit);
      if (oversized) {
        await skip(formatRowError({ row: record.row, line: record.line, field: oversized.field, reason: `${oversized.field}: ${oversizedFieldReason(oversized.bytes, fieldLimit)}` }, source.label));
        continue;
      }
      const { stored, issues } = await images.store(mapped.sample.images, source.dataFolder);
      for (const issue of issues) {
        tally.imagesMissing += 1;
        if (tally.missingImages.length < exampleLimit) tally.missingImages.push(boundText(`${source.label} row ${record.row}: ${issue.path} (${issue.reason})`, exampleChars));
      }
      await writer.add(record.row, withoutImageParts(mapped.sample, issues.map((i) => i.index)), stored);
    }
    await writer.flush();
  } catch (error) {
    // The job deletes this source on failure; the batches in flight end first, so none is still writing after that.
    await writer.abandon();
    throw error;
  }
  context.signal.throwIfAborted();

  await db
    .update(datasetSources)
    .set({ status: "ready", rowsImported: writer.inserted, rowsSkipped: skipped })
    .where(eq(datasetSources.id, created.id));
  tally.rowsImported += writer.inserted;
  tally.duplicates += writer.duplicates;
  tally.rowsSkipped += skipped;
  await context.log(`${source.label}: ${writer.inserted} samples, ${skipped} rows skipped, ${writer.duplicates} duplicates.`);
}
