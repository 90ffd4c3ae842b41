import "server-only";
import type { RawRecord, RawRow } from "./types";

function notARowReason(value: unknown): string | undefined {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return undefined;
  const kind = value === null ? "null" : Array.isArray(value) ? "an array" : `a ${typeof value}`;
  return `expected a JSON object, found ${kind}`;
}

/** One JSON row's text as a record: its object, or why it is not one (a row must be a JSON object). */
export function recordFromJsonText(text: string, row: number, line: number): RawRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: "invalid", row, line, reason: `not valid JSON (${(error as Error).message})` };
  }
  const reason = notARowReason(value);
  return reason ? { kind: "invalid", row, line, reason } : { kind: "row", row, line, values: value as RawRow };
}
