import { ansiPlainText } from "./ansi";

/** Longer lines are cut for display: a 10 MB line would freeze the page, and nobody reads past this. */
export const MAX_SHOWN_LINE_LENGTH = 10_000;

export interface LogLine {
  /** The line as the viewer draws it (colours kept). */
  text: string;
  /** Without escape sequences, lower-cased: what search looks in. */
  searchable: string;
}

/** Log event payloads: `{ lines: string[] }` from agents and imports, `{ line: string }` from the pipeline runner. */
export function linesOfPayload(payload: unknown): string[] {
  const { lines, line } = (payload ?? {}) as { lines?: unknown; line?: unknown };
  if (Array.isArray(lines)) return lines.filter((l): l is string => typeof l === "string");
  if (typeof line === "string") return [line];
  return [];
}

/**
 * What a terminal would show for a raw line: a progress bar redrawn with `\r` shows its last drawing, a CRLF ending
 * shows nothing, NUL bytes show nothing.
 */
export function shownText(raw: string): string {
  let text = raw.includes("\0") ? raw.replaceAll("\0", "") : raw;
  if (text.includes("\r")) text = text.split("\r").findLast((piece) => piece !== "") ?? "";
  if (text.length > MAX_SHOWN_LINE_LENGTH) {
    return `${text.slice(0, MAX_SHOWN_LINE_LENGTH)} … (${(text.length - MAX_SHOWN_LINE_LENGTH).toLocaleString("en")} more characters)`;
  }
  return text;
}

export function toLogLine(raw: string): LogLine {
  const text = shownText(raw);
  return { text, searchable: ansiPlainText(text).toLowerCase() };
}

/** Indexes of the lines containing `query` (case-insensitive); none for an empty query. */
export function matchingLines(lines: readonly LogLine[], query: string): number[] {
  const needle = query.toLowerCase();
  if (needle === "") return [];
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i].searchable.includes(needle)) found.push(i);
  return found;
}
