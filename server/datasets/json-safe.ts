import { stripNul } from "@/server/db/storable-text";
import type { RawValue } from "./import";

/**
 * Makes row data storable as jsonb and text: Postgres rejects NUL characters, and raw bytes (image columns the
 * mapping did not take) would balloon into JSON objects, so they are replaced by a short marker. Copies only what
 * changes and returns anything already storable as it is: this runs on every row of an import, and most rows need
 * nothing.
 */
export function toStorableJson(value: RawValue): unknown {
  if (value instanceof Uint8Array) return { $bytes: value.byteLength };
  if (typeof value === "string") return stripNul(value);
  if (Array.isArray(value)) return storableArray(value);
  if (value && typeof value === "object") return storableObject(value);
  return value;
}

function storableArray(items: RawValue[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let i = 0; i < items.length; i++) {
    const stored = toStorableJson(items[i]);
    if (stored !== items[i]) copy ??= items.slice(0, i);
    copy?.push(stored);
  }
  return copy ?? items;
}

function storableObject(record: { [key: string]: RawValue }): object {
  const keys = Object.keys(record);
  const changed = keys.some((key) => stripNul(key) !== key || toStorableJson(record[key]) !== record[key]);
  if (!changed) return record;
  return Object.fromEntries(keys.map((key) => [stripNul(key), toStorableJson(record[key])]));
}

