import "server-only";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { rename, rm, stat } from "node:fs/promises";
import { DuckDBInstance } from "@duckdb/node-api";

// A verl row carries its images as base64: allow 64 MiB per row (DuckDB's default is 16 MB). The reader's buffers grow
// with this limit, so it is not set higher than real samples need.
const maxRowBytes = 64 * 1024 * 1024;

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Writes one parquet file from rows given one at a time, in bounded memory: rows go to a JSONL file beside the target
 * as they come, then DuckDB streams that file into parquet with the declared nested column types (lists and structs,
 * not JSON text). `select` turns the JSON columns into the final ones (e.g. base64 text into BLOBs with from_base64).
 */
export class ParquetFileWriter {
  private readonly rowsFile: string;
  private readonly partialFile: string;
  private readonly rows: WriteStream;
  count = 0;

  /**
   * `rowGroupSize` bounds the memory of the conversion: DuckDB holds a whole row group before writing it, so formats
   * with image bytes inside their rows want smaller groups than text-only ones.
   */
  constructor(
    private readonly target: string,
    private readonly jsonColumns: Record<string, string>,
    private readonly select: string,
    private readonly rowGroupSize: number,
  ) {
    // DuckDB reads `*`, `?` and `[` in a path as a glob: a folder holding them cannot be written through it.
    if (/[*?[]/.test(target)) throw new Error(`Cannot write parquet to ${target}: the path contains '*', '?' or '['.`);
    this.rowsFile = `${target}.rows.jsonl`;
    this.partialFile = `${target}.partial`;
    this.rows = createWriteStream(this.rowsFile);
    // A write error surfaces where the writer waits (drain, finish); this keeps it from being an uncaught exception.
    this.rows.on("error", () => {});
  }

  /** Appends a row, waiting while the file stream is behind, so rows never pile up in memory. */
  async append(row: Record<string, unknown>): Promise<void> {
    this.count += 1;
    if (!this.rows.write(`${JSON.stringify(row)}\n`)) await once(this.rows, "drain");
  }

  /** Closes the row file after a failure, so the caller can remove the folder it lies in. */
  async abandon(): Promise<void> {
    // Not `once(…, "close")`: writes still pending fail with ERR_STREAM_DESTROYED, which would reject it and hide the
    // error that made the export give up.
    const closed = this.rows.closed ? Promise.resolve() : new Promise<void>((resolve) => this.rows.once("close", () => resolve()));
    this.rows.destroy();
    await closed;
  }

  /** Converts the rows to parquet (interrupted if `signal` aborts) and returns the file's size in bytes. */
  async finish(signal: AbortSignal): Promise<number> {
    this.rows.end();
    await once(this.rows, "finish");
    // One thread: the conversion is quick beside reading the samples, and each thread would hold its own read buffers.
    const instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false", threads: "1" });
    const connection = await instance.connect();
    const interrupt = () => connection.interrupt();
    signal.addEventListener("abort", interrupt, { once: true });
    try {
      const columns = Object.entries(this.jsonColumns).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`);
      const source = `read_json(${sqlString(this.rowsFile)}, format = 'newline_delimited', maximum_object_size = ${maxRowBytes}, columns = {${columns.join(", ")}})`;
      await connection.run(`COPY (SELECT ${this.select} FROM ${source}) TO ${sqlString(this.partialFile)} (FORMAT parquet, ROW_GROUP_SIZE ${this.rowGroupSize})`);
    } finally {
      signal.removeEventListener("abort", interrupt);
      connection.closeSync();
      instance.closeSync();
    }
    signal.throwIfAborted();
    await rm(this.rowsFile);
    await rename(this.partialFile, this.target);
    return (await stat(this.target)).size;
  }
}
