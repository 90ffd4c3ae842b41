import "server-only";
import { DomainError } from "@/server/errors";
import type { RowError } from "./types";

/** The file as a whole cannot be read (missing, truncated, corrupt, wrong layout). The message always names the file. */
export class DatasetFileError extends DomainError {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super("BAD_REQUEST", `${file}: ${detail}`);
    this.name = "DatasetFileError";
  }
}

/** "row 17: no question (field 'question' is empty)", prefixed with the file when given. */
export function formatRowError(error: RowError, file?: string): string {
  const where = error.line !== undefined && error.line !== error.row ? `row ${error.row} (line ${error.line})` : `row ${error.row}`;
  return `${file ? `${file} ` : ""}${where}: ${error.reason}`;
}
