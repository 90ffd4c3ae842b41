import "server-only";
import { columnNames } from "./column-candidates";
import type { ColumnInfo, RawRow, RawValue } from "./types";

function kindOf(value: RawValue, nested = true): string {
  if (value === null) return "null";
  if (value instanceof Uint8Array) return "bytes";
  if (Array.isArray(value)) {
    if (!nested) return "list";
    const kinds = [...new Set(value.map((item) => kindOf(item, false)))];
    return `list<${kinds.length ? kinds.join(" | ") : "empty"}>`;
  }
  return typeof value === "object" ? "object" : typeof value;
}

/** Columns of JSON rows with the kinds of value seen in the sample, e.g. `string | null` or `list<object>`. */
export function describeJsonColumns(rows: RawRow[]): ColumnInfo[] {
  return columnNames(rows).map((name) => {
    const kinds = new Set<string>();
    for (const row of rows) kinds.add(name in row ? kindOf(row[name]) : "missing");
    return { name, type: [...kinds].join(" | ") };
  });
}
