import "server-only";
import { DatasetFileError } from "./errors";
import { JsonArraySplitter, JsonStructureError } from "./json-array-splitter";
import { recordFromJsonText } from "./json-row";
import { openForReading } from "./open-file";
import { defaultMaxRowBytes, oversizedRowReason } from "./row-limits";
import type { RawRecord } from "./types";

/** Runs a splitter step, turning a structural problem into an error that names the file. */
function naming<T>(path: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof JsonStructureError) throw new DatasetFileError(path, error.message);
    throw error;
  }
}

/**
 * Rows of a JSON file holding one array of row objects, streamed: the file is read in chunks and each element parsed
 * on its own, so memory is bounded by the row limit, not the file: an element longer than `maxRowBytes` is yielded as `invalid`
 * with its size, without being held. An element that is not a JSON object is yielded as
 * `invalid` with its line and reason. A file that is not an array, or ends before its closing `]`, throws
 * DatasetFileError after the rows read so far (a consumer must treat the whole read as failed).
 */
export async function* readJsonArrayRows(path: string, options: { maxRowBytes?: number } = {}): AsyncGenerator<RawRecord> {
  const maxRowBytes = options.maxRowBytes ?? defaultMaxRowBytes;
  const splitter = new JsonArraySplitter(maxRowBytes);
  const input = (await openForReading(path)).createReadStream({ encoding: "utf8", highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      for (const element of naming(path, () => splitter.push(chunk))) {
        yield element.text === undefined
          ? { kind: "invalid", row: element.row, line: element.line, reason: oversizedRowReason(element.bytes, maxRowBytes) }
          : recordFromJsonText(element.text, element.row, element.line);
      }
    }
    naming(path, () => splitter.end());
  } finally {
    input.destroy();
  }
}
