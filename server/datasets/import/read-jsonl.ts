import "server-only";
import { createInterface } from "node:readline";
import { recordFromJsonText } from "./json-row";
import { openForReading } from "./open-file";
import type { RawRecord } from "./types";

/**
 * Rows of a JSON Lines file, one per non-blank line, streamed line by line. A line that is not a JSON object is yielded
 * as an `invalid` record with its line number and the parser's reason, and reading goes on. Each line is held in memory
 * whole, so memory is bounded by the longest line.
 */
export async function* readJsonlRows(path: string): AsyncGenerator<RawRecord> {
  const input = (await openForReading(path)).createReadStream({ encoding: "utf8" });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  let row = 0;
  try {
    for await (const text of lines) {
      line += 1;
      // A UTF-8 byte-order mark is not part of the first row.
      const content = line === 1 ? text.replace(/^\uFEFF/, "") : text;
      if (content.trim() === "") continue;
      row += 1;
      yield recordFromJsonText(content, row, line);
    }
  } finally {
    // Also when the consumer stops early (a preview): destroying the stream closes the file.
    lines.close();
    input.destroy();
  }
}
