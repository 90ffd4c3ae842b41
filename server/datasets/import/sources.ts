import "server-only";
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { detectContainer } from "./detect-container";
import { DatasetFileError } from "./errors";
import { readDatasetList } from "./read-dataset-list";
import { readJsonArrayRows } from "./read-json-array";
import { readJsonlRows } from "./read-jsonl";
import { readParquetRows } from "./read-parquet";
import type { DatasetSource, RawRecord } from "./types";

/**
 * The sources behind a path: the entries of a dataset-list YAML, the data files of a folder, or the file itself. A single file's label is its name
 * without extension, and its images resolve against `dataFolder` (default: the file's folder).
 */
export async function listDatasetSources(path: string, options: { dataFolder?: string } = {}): Promise<DatasetSource[]> {
  const absolute = resolve(path);
  if ((await stat(absolute)).isDirectory()) return listDirectorySources(absolute);
  const container = await detectContainer(absolute);
  if (container === "dataset-list") return readDatasetList(absolute);
  return [
    {
      label: basename(absolute, extname(absolute)),
      path: absolute,
      dataFolder: options.dataFolder ? resolve(options.dataFolder) : dirname(absolute),
      container,
    },
  ];
}

const dataFileExtensions = new Set([".parquet", ".pq", ".json", ".jsonl", ".ndjson"]);

/** A directory: every data file directly inside it is a source, with the directory as its data folder. */
async function listDirectorySources(directory: string): Promise<DatasetSource[]> {
  const names = (await readdir(directory, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && dataFileExtensions.has(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort();
  if (names.length === 0) throw new DatasetFileError(directory, "the folder holds no .parquet, .json or .jsonl file");
  const sources: DatasetSource[] = [];
  for (const name of names) sources.push(...(await listDatasetSources(join(directory, name), { dataFolder: directory })));
  return sources;
}

/** Raw rows of one source, streamed, with 1-based row numbers within its file; a row over `maxRowBytes` is `invalid`. */
export function readSourceRows(source: DatasetSource, options: { maxRowBytes?: number } = {}): AsyncGenerator<RawRecord> {
  switch (source.container) {
    case "parquet":
      return readParquetRows(source.path, options);
    case "jsonl":
      return readJsonlRows(source.path, options);
    case "json":
      return readJsonArrayRows(source.path, options);
  }
}
