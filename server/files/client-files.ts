import "server-only";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DomainError } from "@/server/errors";

/**
 * A relative path a client names (a file of an upload, a file an agent collected), checked segment by segment: 1–32
 * segments, none empty, `.`, `..`, or holding a separator or NUL, none over 255 bytes. `what` names it in the error.
 */
export function clientRelativePath(segments: string[], what: string): string[] {
  const valid =
    segments.length > 0 &&
    segments.length <= 32 &&
    segments.every((s) => s !== "" && s !== "." && s !== ".." && !/[/\\\0]/.test(s) && Buffer.byteLength(s) <= 255);
  if (!valid) throw new DomainError("BAD_REQUEST", `Not an acceptable ${what}: ${JSON.stringify(segments.join("/"))}.`);
  return segments;
}

/**
 * Streams a request body to `file`, counting bytes as they come; `overLimit(bytesSoFar)` names the limit a body has
 * just passed, which cuts it off. A body that fails or is cut off leaves no file. Returns the bytes written.
 */
export async function writeBodyWithinLimit(
  body: ReadableStream<Uint8Array> | null,
  file: string,
  overLimit: (bytes: number) => string | null,
): Promise<number> {
  let written = 0;
  const countBytes = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.byteLength;
      const problem = overLimit(written);
      done(problem ? new DomainError("PAYLOAD_TOO_LARGE", problem) : null, chunk);
    },
  });
  try {
    await pipeline(body ? Readable.fromWeb(body as never) : Readable.from([]), countBytes, createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return written;
}
