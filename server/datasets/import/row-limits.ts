import "server-only";

/** Largest row or text field an import accepts by default (MMR_MAX_IMPORT_ROW_BYTES): far above any real sample. */
export const defaultMaxRowBytes = 8 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

const bytes = (size: number) => `${size.toLocaleString("en")} bytes (${mb(size)})`;

export function oversizedRowReason(size: number, limit: number): string {
  return `the row is ${bytes(size)}, over the limit of ${bytes(limit)}`;
}

export function oversizedFieldReason(size: number, limit: number): string {
  return `the text is ${bytes(size)}, over the limit of ${bytes(limit)} for a field`;
}

/** Bytes a row read from parquet takes as text, near enough to compare with the limit (strings, blobs, nesting). */
export function approximateBytes(value: unknown): number {
  if (typeof value === "string") return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + approximateBytes(item), 0);
  if (typeof value === "object" && value !== null) return Object.entries(value).reduce((sum, [key, item]) => sum + key.length + approximateBytes(item), 0);
  return 8;
}
