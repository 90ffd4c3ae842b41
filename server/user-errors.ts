import "server-only";
import { randomUUID } from "node:crypto";
import { stripNul } from "./db/storable-text";
import { DomainError } from "./errors";

/** Longest error or message stored for a user to read; a longer one is cut with a note. */
export const maxUserMessageChars = 2000;

/** `raw` whole (NUL removed: it is stored), or its start with a note saying how much was cut. */
export function boundText(raw: string, maxChars = maxUserMessageChars): string {
  const text = stripNul(raw);
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}… (cut: ${(text.length - maxChars).toLocaleString("en")} more characters)`;
}

/**
 * What a user or CLI may read of an error: a DomainError's own message (written for them), bounded. Anything else is
 * internal (SQL, a server path, a stack): it goes to the server log under a short id, and the user sees only the id.
 */
export function userFacingMessage(error: unknown): string {
  if (error instanceof DomainError) return boundText(error.message);
  const id = randomUUID().slice(0, 8);
  console.error(`[internal error ${id}]`, error);
  return `internal error (id ${id})`;
}
