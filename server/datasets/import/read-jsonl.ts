import "server-only";
import { recordFromJsonText } from "./json-row";
import { DatasetFileError } from "./errors";
import { defaultMaxRowBytes, oversizedRowReason } from "./row-limits";
import { openForReading } from "./open-file";
import type { RawRecord } from "./types";

const NEWLINE = 10;

/**
 * Rows of a JSON Lines file, one per non-blank line, streamed. A line that is not a JSON object is yielded as an
 * `invalid` record with its line number and the parser's reason, and reading goes on. A line longer than
 * `maxRowBytes` is never held: its bytes are counted and dropped up to the next newline, and it is yielded as
 * `invalid` with its size, so memory stays bounded by the limit whatever the file holds. A file without any row
 * throws DatasetFileError.
 */
export async function* readJsonlRows(path: string, options: { maxRowBytes?: number } = {}): AsyncGenerator<RawRecord> {
  const maxRowBytes = options.maxRowBytes ?? defaultMaxRowBytes;
  const input = (await openForReading(path)).createReadStream({ highWaterMark: 1 << 20 });
  let parts: Buffer[] = [];
  let lineBytes = 0;
  let line = 0;
  let row = 0;
  const finishLine = (): RawRecord | undefined => {
    line += 1;
    const size = lineBytes;
    const text = size > maxRowBytes ? undefined : Buffer.concat(parts).toString("utf8");
    parts = [];
    lineBytes = 0;
    if (text === undefined) return { kind: "invalid", row: ++row, line, reason: oversizedRowReason(size, maxRowBytes) };
    // A UTF-8 byte-order mark is not part of the first row; a CRLF line ends before its CR.
    const content = (line === 1 ? text.replace(/^\uFEFF/, "") : text).replace(/\r$/, "");
    if (content.trim() === "") return undefined;
    return recordFromJsonText(content, ++row, line);
  };
  const keep = (piece: Buffer) => {
    lineBytes += piece.length;
    if (lineBytes <= maxRowBytes) parts.push(piece);
    else parts = [];
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      let start = 0;
      for (let newline = chunk.indexOf(NEWLINE); newline >= 0; newline = chunk.indexOf(NEWLINE, start)) {
        keep(chunk.subarray(start, newline));
        start = newline + 1;
        const record = finishLine();
        if (record) yield record;
      }
      if (start < chunk.length) keep(chunk.subarray(start));
    }
    if (lineBytes > 0) {
      const record = finishLine();
      if (record) yield record;
    }
    if (row === 0) throw new DatasetFileError(path, "the file is empty: it holds no rows");
  } finally {
    // Also when the consumer stops early (a preview): destroying the stream closes the file.
    input.destroy();
  }
}
