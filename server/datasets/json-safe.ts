import type { RawValue } from "./import";

/**
 * Makes row data storable as jsonb and text: Postgres rejects NUL characters, and raw bytes (image columns the
 * mapping did not take) would balloon into JSON objects, so they are replaced by a short marker.
 */
export function toStorableJson(value: RawValue): unknown {
  if (value instanceof Uint8Array) return { $bytes: value.byteLength };
  if (typeof value === "string") return stripNul(value);
  if (Array.isArray(value)) return value.map(toStorableJson);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [stripNul(k), toStorableJson(v)]));
  }
  return value;
}

export function stripNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}
