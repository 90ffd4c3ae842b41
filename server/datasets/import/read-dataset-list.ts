import "server-only";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { detectContainer } from "./detect-container";
import { DatasetFileError } from "./errors";
import type { Container, DatasetSource } from "./types";

const entrySchema = z.object({
  path: z.string().min(1),
  data_folder: z.string().nullish(),
  data_type: z.string().nullish(),
});
const datasetsSchema = z.array(entrySchema).min(1);
// The recipe's list file, or a whole lmms-engine training config whose dataset_config holds the list.
const listFileSchema = z.union([
  z.object({ datasets: datasetsSchema }),
  z.object({ dataset_config: z.object({ datasets: datasetsSchema }) }),
]);

const containerByDataType: Record<string, DatasetSource["container"]> = { parquet: "parquet", json: "json", jsonl: "jsonl" };
const maxListFileBytes = 1024 * 1024;

async function parseListFile(path: string): Promise<z.infer<typeof datasetsSchema>> {
  const size = (await stat(path).catch(() => undefined))?.size;
  if (size === undefined) throw new DatasetFileError(path, "file not found");
  if (size > maxListFileBytes) throw new DatasetFileError(path, `a dataset list is at most ${maxListFileBytes} bytes; this file has ${size}`);
  let document: unknown;
  try {
    document = parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new DatasetFileError(path, `not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = listFileSchema.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` at '${issue.path.join(".")}'` : "";
    throw new DatasetFileError(path, `expected 'datasets: [{path, data_folder, data_type}]'${where}: ${issue.message}`);
  }
  return "datasets" in parsed.data ? parsed.data.datasets : parsed.data.dataset_config.datasets;
}

/** `name`, or `name-2`, `name-3`... when an earlier entry took it. */
function uniqueLabel(name: string, taken: Set<string>): string {
  let label = name;
  for (let suffix = 2; taken.has(label); suffix++) label = `${name}-${suffix}`;
  taken.add(label);
  return label;
}

/**
 * The sources a recipe dataset-list YAML names (`datasets: [{path, data_folder, data_type}]`), in order. Relative
 * paths and data folders resolve against the YAML's folder; an entry without `data_folder` uses its data file's
 * folder. `data_type` may be parquet, json or jsonl, or absent (then the file decides). Labels are file names without
 * extension, made unique. Listed files are checked to exist, so a wrong entry fails before anything is read.
 */
export async function readDatasetList(path: string): Promise<DatasetSource[]> {
  const listFolder = dirname(resolve(path));
  const entries = await parseListFile(path);
  const taken = new Set<string>();
  const sources: DatasetSource[] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1} ('${entry.path}')`;
    const dataPath = resolve(listFolder, entry.path);
    if (!(await stat(dataPath).catch(() => undefined))?.isFile()) throw new DatasetFileError(path, `${where}: ${dataPath} is not a file`);
    let container: Container;
    if (entry.data_type) {
      const declared = containerByDataType[entry.data_type.toLowerCase()];
      if (!declared) throw new DatasetFileError(path, `${where}: data_type '${entry.data_type}' is not supported (parquet, json or jsonl)`);
      container = declared;
    } else {
      container = await detectContainer(dataPath);
      if (container === "dataset-list") throw new DatasetFileError(path, `${where}: dataset lists cannot list other dataset lists`);
    }
    sources.push({
      label: uniqueLabel(basename(dataPath, extname(dataPath)), taken),
      path: dataPath,
      dataFolder: entry.data_folder ? resolve(listFolder, entry.data_folder) : dirname(dataPath),
      container: container as DatasetSource["container"],
    });
  }
  return sources;
}
