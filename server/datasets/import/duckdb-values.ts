import "server-only";
import { DuckDBInstance, DuckDBTypeId, JSDuckDBValueConverter, type DuckDBValueConverter, type JS } from "@duckdb/node-api";
import type { RawValue } from "./types";

let sharedInstance: Promise<DuckDBInstance> | undefined;

/**
 * One in-memory DuckDB per process, used only to read files; connections to it are cheap. Extension auto-install is
 * off because extensions download at run time, which these machines cannot do (parquet and json are built in).
 */
export function sharedDuckDB(): Promise<DuckDBInstance> {
  sharedInstance ??= DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false" }).catch(
    (error: unknown) => {
      sharedInstance = undefined; // let the next read try again instead of failing forever
      throw error;
    },
  );
  return sharedInstance;
}

const bigIntegerTypes = new Set<DuckDBTypeId>([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT, DuckDBTypeId.BIGNUM]);
const temporalTypes = new Set<DuckDBTypeId>([
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIME,
  DuckDBTypeId.TIME_NS,
  DuckDBTypeId.TIME_TZ,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_S,
  DuckDBTypeId.TIMESTAMP_MS,
  DuckDBTypeId.TIMESTAMP_NS,
  DuckDBTypeId.TIMESTAMP_TZ,
  DuckDBTypeId.INTERVAL,
]);

/**
 * DuckDB values as RawValue: lists → arrays, structs → objects, BLOB → Uint8Array (image bytes), as DuckDB's JS
 * converter does; but 64-bit and wider integers become numbers when exact (strings otherwise) and dates / times their
 * text, so rows hold JSON-like values only.
 */
export const rawValueConverter: DuckDBValueConverter<RawValue> = (value, type, converter) => {
  if (value === null) return null;
  if (bigIntegerTypes.has(type.typeId)) {
    const integer = BigInt(String(value));
    return integer >= BigInt(Number.MIN_SAFE_INTEGER) && integer <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(integer) : integer.toString();
  }
  if (temporalTypes.has(type.typeId)) return String(value);
  return JSDuckDBValueConverter(value, type, converter as DuckDBValueConverter<JS>) as RawValue;
};
