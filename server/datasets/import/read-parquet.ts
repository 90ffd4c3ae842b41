import "server-only";
import { stat } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { rawValueConverter, sharedDuckDB } from "./duckdb-values";
import { DatasetFileError } from "./errors";
import { approximateBytes, defaultMaxRowBytes, oversizedRowReason } from "./row-limits";
import type { ColumnInfo, RawRecord, RawRow } from "./types";

/** DuckDB's message without the SQL excerpt it appends ("LINE 1: SELECT ..."). */
function duckdbReason(error: unknown): string {
  return ((error as Error).message ?? String(error)).split("\n")[0].trim();
}

function describeParquetFailure(path: string, error: unknown): DatasetFileError {
  const reason = duckdbReason(error);
  const corrupt = /magic bytes|decompression|corrupt|out of range|truncated|invalid|footer|thrift/i.test(reason);
  return new DatasetFileError(path, corrupt ? `not a readable parquet file: it is truncated or corrupt (${reason})` : `cannot read parquet (${reason})`);
}

/** Checks the path before DuckDB sees it: it must be one existing file, and DuckDB would expand glob characters. */
async function checkParquetPath(path: string): Promise<void> {
  if (/[*?[]/.test(path)) throw new DatasetFileError(path, "parquet paths containing '*', '?' or '[' are not supported (DuckDB reads them as globs)");
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new DatasetFileError(path, "file not found");
  if (!info.isFile()) throw new DatasetFileError(path, "not a regular file");
}

async function withConnection<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const connection = await (await sharedDuckDB()).connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
  }
}

async function footerRowCount(connection: DuckDBConnection, path: string): Promise<number> {
  const reader = await connection.runAndReadAll("SELECT num_rows FROM parquet_file_metadata($1)", [path]);
  return Number(reader.getRowsJS()[0][0]);
}

/** Row count (from the footer, without reading data) and DuckDB column types of a parquet file. */
export async function readParquetSchema(path: string): Promise<{ rowCount: number; columns: ColumnInfo[] }> {
  await checkParquetPath(path);
  return withConnection(async (connection) => {
    try {
      const rowCount = await footerRowCount(connection, path);
      const columnsReader = await connection.runAndReadAll("DESCRIBE SELECT * FROM read_parquet($1)", [path]);
      const columns = columnsReader.getRowObjectsJS().map((column) => ({ name: String(column.column_name), type: String(column.column_type) }));
      return { rowCount, columns };
    } catch (error) {
      throw describeParquetFailure(path, error);
    }
  });
}

/**
 * Why a streamed read stopped early. DuckDB's streaming fetch returns "no more chunks" on an error too, and the Node
 * API does not expose the error; a non-streaming scan that decodes every column (counting them keeps it small) raises it.
 */
async function earlyEndFailure(connection: DuckDBConnection, path: string, rowsRead: number, rowsDeclared: number): Promise<DatasetFileError> {
  try {
    await connection.run("SELECT count(COLUMNS(*)) FROM read_parquet($1)", [path]);
  } catch (error) {
    return describeParquetFailure(path, error);
  }
  return new DatasetFileError(path, `not a readable parquet file: it is truncated or corrupt (reading stopped after ${rowsRead} of the ${rowsDeclared} rows its footer declares)`);
}

/**
 * Rows of a parquet file, streamed through DuckDB one vector (about 2,048 rows) at a time in file order, so memory is
 * bounded by DuckDB's row-group buffers rather than the file. Nested lists and structs arrive as arrays and objects,
 * BLOB columns (image bytes) as Uint8Array. A truncated or corrupt file throws DatasetFileError naming it, possibly
 * after some rows were yielded (a consumer must treat the whole read as failed). The rows read are checked against the
 * count in the footer, because a damaged row group can otherwise end the stream early without an error. A row over
 * `maxRowBytes` is yielded as `invalid` with its size, so it goes no further than DuckDB's vector.
 */
export async function* readParquetRows(path: string, options: { maxRowBytes?: number } = {}): AsyncGenerator<RawRecord> {
  const maxRowBytes = options.maxRowBytes ?? defaultMaxRowBytes;
  await checkParquetPath(path);
  const connection = await (await sharedDuckDB()).connect();
  try {
    let rowsDeclared: number;
    let batches: AsyncIterableIterator<RawRow[]>;
    try {
      rowsDeclared = await footerRowCount(connection, path);
      const result = await connection.stream("SELECT * FROM read_parquet($1)", [path]);
      batches = result.yieldConvertedRowObjects(rawValueConverter);
    } catch (error) {
      throw describeParquetFailure(path, error);
    }
    let row = 0;
    while (true) {
      let batch: IteratorResult<RawRow[]>;
      try {
        batch = await batches.next();
      } catch (error) {
        throw describeParquetFailure(path, error);
      }
      if (batch.done) break;
      for (const values of batch.value) {
        const bytes = approximateBytes(values);
        yield bytes > maxRowBytes ? { kind: "invalid", row: ++row, reason: oversizedRowReason(bytes, maxRowBytes) } : { kind: "row", row: ++row, values };
      }
    }
    if (row !== rowsDeclared) throw await earlyEndFailure(connection, path, row, rowsDeclared);
  } finally {
    connection.closeSync();
  }
}
