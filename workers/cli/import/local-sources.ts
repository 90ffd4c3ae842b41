import { open, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { CliError } from "../errors";

export type Container = "parquet" | "json" | "jsonl";

/** One data file to import, and the folder its relative image paths start from. */
export interface LocalSource {
  file: string;
  dataFolder: string;
  container: Container;
  /** The dataset list's `data_type`, passed on so the server reads the file as the list says. */
  declaredType?: string;
}

export interface LocalImport {
  /** What PATH was: a data file is sent as it is; a directory or dataset list becomes a generated list. */
  kind: "data-file" | "directory" | "dataset-list";
  sources: LocalSource[];
}

const containerByExtension: Record<string, Container> = { ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json" };
const datasetListExtensions = new Set([".yaml", ".yml"]);
const maxDatasetListBytes = 1024 * 1024;

/**
 * The data files behind a local PATH: a data file (parquet, JSON array, JSON Lines); a dataset-list YAML
 * (`datasets: [{path, data_folder, data_type}]`, relative paths from the YAML's folder); or a directory, meaning the
 * data files directly inside it (by extension, not recursive), each with the directory as its data folder.
 */
export async function listLocalSources(inputPath: string): Promise<LocalImport> {
  const absolute = path.resolve(inputPath);
  const info = await stat(absolute).catch(() => null);
  if (!info) throw new CliError(`${inputPath} does not exist.`);
  if (info.isDirectory()) return { kind: "directory", sources: await dataFilesInDirectory(absolute, inputPath) };
  if (datasetListExtensions.has(path.extname(absolute).toLowerCase())) return { kind: "dataset-list", sources: await readDatasetList(absolute, info.size) };
  return { kind: "data-file", sources: [{ file: absolute, dataFolder: path.dirname(absolute), container: await detectContainer(absolute) }] };
}

async function dataFilesInDirectory(directory: string, shownAs: string): Promise<LocalSource[]> {
  const names = (await readdir(directory)).filter((name) => path.extname(name).toLowerCase() in containerByExtension).sort();
  // stat, not the directory entry's type: a symlink to a data file counts as the file.
  const isFile = await Promise.all(names.map(async (name) => (await stat(path.join(directory, name)).catch(() => null))?.isFile() ?? false));
  const dataFiles = names.filter((_, index) => isFile[index]);
  if (dataFiles.length === 0) throw new CliError(`${shownAs} holds no data files (.parquet, .pq, .json, .jsonl, .ndjson) directly inside it.`);
  return Promise.all(
    dataFiles.map(async (name) => {
      const file = path.join(directory, name);
      return { file, dataFolder: directory, container: await detectContainer(file) };
    }),
  );
}

/**
 * How a data file stores its rows, like the server decides it: by extension, and for `.json` or an unknown
 * extension by its first bytes (`.json` files in the field are often JSON Lines).
 */
async function detectContainer(file: string): Promise<Container> {
  const extension = path.extname(file).toLowerCase();
  if (extension !== ".json" && containerByExtension[extension]) return containerByExtension[extension];
  const head = await readHead(file, 64 * 1024);
  if (head.subarray(0, 4).toString("latin1") === "PAR1") return "parquet";
  const text = head.toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("[")) return "json";
  if (text.startsWith("{")) return "jsonl";
  throw new CliError(`${file} is not a data file mmr imports (parquet, JSON array, JSON Lines, or a dataset-list YAML).`);
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const listEntrySchema = z.object({ path: z.string().min(1), data_folder: z.string().nullish(), data_type: z.string().nullish() });
const listEntriesSchema = z.array(listEntrySchema).min(1);
// The recipe's list file, or a whole lmms-engine training config whose dataset_config holds the list.
const datasetListSchema = z.union([z.object({ datasets: listEntriesSchema }), z.object({ dataset_config: z.object({ datasets: listEntriesSchema }) })]);
const containerByDataType: Record<string, Container> = { parquet: "parquet", json: "json", jsonl: "jsonl" };

async function readDatasetList(file: string, size: number): Promise<LocalSource[]> {
  if (size > maxDatasetListBytes) throw new CliError(`${file}: a dataset list is at most ${maxDatasetListBytes} bytes; this file has ${size}.`);
  let document: unknown;
  try {
    document = parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new CliError(`${file} is not valid YAML (${(error as Error).message.split("\n")[0]}).`);
  }
  const parsed = datasetListSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at '${issue.path.join(".")}'` : "";
    throw new CliError(`${file}: expected 'datasets: [{path, data_folder, data_type}]'${where}: ${issue.message}`);
  }
  const entries = "datasets" in parsed.data ? parsed.data.datasets : parsed.data.dataset_config.datasets;
  const listFolder = path.dirname(file);
  return Promise.all(
    entries.map(async (entry, index): Promise<LocalSource> => {
      const where = `${file}, entry ${index + 1} ('${entry.path}')`;
      const dataFile = path.resolve(listFolder, entry.path);
      if (!(await stat(dataFile).catch(() => null))?.isFile()) throw new CliError(`${where}: ${dataFile} is not a file.`);
      const declaredType = entry.data_type ?? undefined;
      const declared = declaredType === undefined ? undefined : containerByDataType[declaredType.toLowerCase()];
      if (declaredType !== undefined && !declared) throw new CliError(`${where}: data_type '${declaredType}' is not supported (parquet, json or jsonl).`);
      return {
        file: dataFile,
        dataFolder: entry.data_folder ? path.resolve(listFolder, entry.data_folder) : path.dirname(dataFile),
        container: declared ?? (await detectContainer(dataFile)),
        declaredType,
      };
    }),
  );
}
