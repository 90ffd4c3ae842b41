import { readFile } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { parse } from "yaml";
import { z } from "zod";
import { CliError } from "../errors";
import { localPathInside } from "./artifact-download";

// The lmms-engine dataset list the SFT export writes: each entry a parquet file and the folder its image paths are
// relative to, both relative to the list's own folder.
const datasetListSchema = z.object({
  datasets: z.array(z.object({ path: z.string(), data_folder: z.string().optional(), data_type: z.string().optional() })),
});

const batchSize = 2_048;

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** `a/./b/../c` as `a/c`; null when it climbs above the folder it is relative to. */
function normalizedRelative(relative: string): string | null {
  const normalized = path.posix.normalize(relative);
  return normalized === ".." || normalized.startsWith("../") || path.posix.isAbsolute(normalized) ? null : normalized;
}

/**
 * The image files an export's dataset lists reference: the server lists its parquet and YAML files but not the images
 * of the data folder (one per distinct image, possibly hundreds of thousands), so they are read from the downloaded
 * parquet's image parts. The distinct paths are gathered once inside DuckDB and handed out in batches, so the list of
 * a large export never sits whole in this process's memory.
 */
export class ReferencedImages {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    /** How many distinct image files the lists reference. */
    readonly count: number,
  ) {}

  /** Reads the dataset lists (downloaded, relative to `folder`) and the parquet files they name. */
  static async open(folder: string, datasetLists: string[]): Promise<ReferencedImages> {
    const selects: string[] = [];
    for (const list of datasetLists) {
      for (const entry of await readDatasetList(folder, list)) selects.push(imagePathsOf(folder, entry));
    }
    if (selects.length === 0) selects.push("SELECT NULL::VARCHAR AS file");
    // DuckDB is loaded only here: it takes a moment, and no other command needs it.
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false", threads: "1" });
    const connection = await instance.connect();
    try {
      await connection.run(`CREATE TEMP TABLE image_files AS SELECT DISTINCT file FROM (${selects.join(" UNION ALL ")}) WHERE file IS NOT NULL`);
      const counted = await connection.runAndReadAll("SELECT count(*)::INTEGER FROM image_files");
      return new ReferencedImages(instance, connection, counted.getRowsJS()[0][0] as number);
    } catch (error) {
      connection.closeSync();
      instance.closeSync();
      throw new CliError(`Could not read the image paths of the downloaded parquet: ${(error as Error).message}`);
    }
  }

  /** The image files' paths relative to the output folder, `batchSize` at a time. */
  async *batches(): AsyncGenerator<string[]> {
    const result = await this.connection.stream("SELECT file FROM image_files");
    let batch: string[] = [];
    for await (const rows of result.yieldRowsJs()) {
      for (const [file] of rows) {
        const relative = normalizedRelative(String(file));
        if (relative === null) throw new CliError(`The export references an image outside its folder (${JSON.stringify(file)}): not downloaded.`);
        batch.push(relative);
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

async function readDatasetList(folder: string, list: string) {
  const parsed = datasetListSchema.safeParse(parse(await readFile(localPathInside(folder, list), "utf8")));
  if (!parsed.success) throw new CliError(`${list} from the server is not a dataset list (datasets: [{path, data_folder}]).`);
  const listFolder = path.posix.dirname(list);
  return parsed.data.datasets.map((entry) => {
    const parquet = normalizedRelative(path.posix.join(listFolder, entry.path));
    const dataFolder = normalizedRelative(path.posix.join(listFolder, entry.data_folder ?? "."));
    if (parquet === null || dataFolder === null) throw new CliError(`${list} names a file outside the export's folder: not followed.`);
    return { parquet, dataFolder };
  });
}

/** SQL for the paths (relative to the output folder) of the image parts of one lmms-engine parquet's messages. */
function imagePathsOf(folder: string, entry: { parquet: string; dataFolder: string }): string {
  const file = localPathInside(folder, entry.parquet);
  // DuckDB reads `*`, `?` and `[` in a path as a glob.
  if (/[*?[]/.test(file)) throw new CliError(`Cannot read ${file}: DuckDB takes '*', '?' and '[' in a path as a pattern. Choose another --output.`);
  const prefix = entry.dataFolder === "." ? "" : `${entry.dataFolder}/`;
  return `SELECT ${sqlString(prefix)} || part.image_url.url AS file
    FROM (SELECT unnest(message.content) AS part FROM (SELECT unnest(messages) AS message FROM read_parquet(${sqlString(file)})))
    WHERE part.type = 'image_url'`;
}
