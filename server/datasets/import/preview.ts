import "server-only";
import { resolve } from "node:path";
import { applyMapping } from "./apply-mapping";
import { detectContainer } from "./detect-container";
import { checkImagePaths, type ImageProblem } from "./image-checks";
import { describeJsonColumns } from "./json-columns";
import { readParquetSchema } from "./read-parquet";
import { listDatasetSources, readSourceRows } from "./sources";
import { suggestMapping } from "./suggest-mapping";
import type { ColumnInfo, ColumnMapping, Container, DatasetSource, NormalisedSample, RawRecord, RowError, RowLayout } from "./types";

export interface PreviewOptions {
  /** Rows shown per source (default 20, at most 1,000). */
  limit?: number;
  /** Folder that a single file's relative image paths refer to (default: the file's folder). Lists name their own. */
  dataFolder?: string;
  /** The user's corrected mappings, by source label; sources not named here get the suggested mapping. */
  mappings?: Record<string, ColumnMapping>;
}

export interface PreviewedSample {
  row: number;
  sample: NormalisedSample;
  imageProblems: ImageProblem[];
}

export interface SourcePreview {
  source: DatasetSource;
  /** Exact for parquet (from the footer); absent for JSON, where counting means reading the whole file. */
  rowCount?: number;
  columns: ColumnInfo[];
  layout: RowLayout;
  suggestedMapping: ColumnMapping;
  /** The mapping the samples below were made with: the user's when given, else the suggestion. */
  mapping: ColumnMapping;
  samples: PreviewedSample[];
  /** Unreadable rows and rows the mapping rejects, among the first `limit`. */
  rowErrors: RowError[];
}

export interface FilePreview {
  path: string;
  container: Container;
  sources: SourcePreview[];
}

// Suggestions look at more rows than are shown, to find fields that only some rows fill.
const suggestionRows = 200;
const maxLimit = 1000;

async function firstRecords(source: DatasetSource, count: number): Promise<RawRecord[]> {
  const records: RawRecord[] = [];
  for await (const record of readSourceRows(source)) {
    records.push(record);
    if (records.length >= count) break;
  }
  return records;
}

async function previewSource(source: DatasetSource, limit: number, userMapping: ColumnMapping | undefined): Promise<SourcePreview> {
  const records = await firstRecords(source, Math.max(limit, suggestionRows));
  const rows = records.flatMap((record) => (record.kind === "row" ? [record.values] : []));
  const { layout, mapping: suggestedMapping } = suggestMapping(rows);
  const mapping = userMapping ?? suggestedMapping;
  const schema = source.container === "parquet" ? await readParquetSchema(source.path) : undefined;
  const samples: PreviewedSample[] = [];
  const rowErrors: RowError[] = [];
  for (const record of records.slice(0, limit)) {
    if (record.kind === "invalid") {
      rowErrors.push(record.line === undefined ? { row: record.row, reason: record.reason } : { row: record.row, line: record.line, reason: record.reason });
      continue;
    }
    const mapped = applyMapping(record, mapping, { sourceLabel: source.label });
    if (!mapped.ok) rowErrors.push(mapped.error);
    else samples.push({ row: record.row, sample: mapped.sample, imageProblems: await checkImagePaths(mapped.sample.images, source.dataFolder) });
  }
  const preview: SourcePreview = { source, columns: schema?.columns ?? describeJsonColumns(rows), layout, suggestedMapping, mapping, samples, rowErrors };
  if (schema) preview.rowCount = schema.rowCount;
  return preview;
}

/**
 * What importing `path` would produce, reading only the first rows of each source: its container, and per source the
 * columns, detected layout, suggested (or given) mapping, the first `limit` rows as normalised samples with their image
 * problems, and the rows that would be skipped with why. Throws DatasetFileError when a file cannot be read at all.
 */
export async function previewFile(path: string, options: PreviewOptions = {}): Promise<FilePreview> {
  const limit = Math.min(Math.max(1, options.limit ?? 20), maxLimit);
  const absolute = resolve(path);
  const container = await detectContainer(absolute);
  const sources = await listDatasetSources(absolute, options.dataFolder ? { dataFolder: options.dataFolder } : {});
  const previews: SourcePreview[] = [];
  for (const source of sources) previews.push(await previewSource(source, limit, options.mappings?.[source.label]));
  return { path: absolute, container, sources: previews };
}
