import "server-only";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, eq, sql } from "drizzle-orm";
import { uploads } from "@/db/schema";
import type { AppDeps } from "@/server/deps";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { uploadFolder } from "./import-location";

export async function createUpload(db: Database, owner: { projectId: string; userId: string }) {
  const [upload] = await db.insert(uploads).values(owner).returning({ id: uploads.id });
  return { uploadId: upload.id };
}

export async function discardUpload(deps: Pick<AppDeps, "db" | "env">, uploadId: string) {
  await rm(uploadFolder(deps.env, uploadId), { recursive: true, force: true });
  await deps.db.delete(uploads).where(eq(uploads.id, uploadId));
}

export async function assertUploadInProject(db: Database, uploadId: string, projectId: string) {
  const [upload] = await db.select({ id: uploads.id }).from(uploads).where(and(eq(uploads.id, uploadId), eq(uploads.projectId, projectId)));
  if (!upload) throw new DomainError("NOT_FOUND", `Upload ${uploadId} does not exist in this project.`);
}

/** A client-given relative path, checked segment by segment: no absolute paths, no `..`, nothing odd. */
export function safeRelativePath(requested: string): string {
  const segments = requested.split("/");
  const valid = segments.every((s) => s !== "" && s !== "." && s !== ".." && !/[\\\0]/.test(s) && s.length <= 255);
  if (!valid || segments.length > 32) throw new DomainError("BAD_REQUEST", `Not an acceptable file path in an upload: ${JSON.stringify(requested)}.`);
  return segments.join(path.sep);
}

/**
 * Streams one file of an upload to disk. The upload's total stays under MMR_MAX_UPLOAD_BYTES: a declared length over
 * it is refused before reading, and a body that grows past it is cut off and its partial file removed.
 */
export async function writeUploadFile(
  deps: Pick<AppDeps, "db" | "env">,
  input: { uploadId: string; projectId: string; relativePath: string; body: ReadableStream<Uint8Array>; declaredBytes: number | null },
): Promise<{ path: string; bytes: number }> {
  await assertUploadInProject(deps.db, input.uploadId, input.projectId);
  const relative = safeRelativePath(input.relativePath);
  const limit = deps.env.MMR_MAX_UPLOAD_BYTES;
  const [{ used }] = await deps.db.select({ used: uploads.bytes }).from(uploads).where(eq(uploads.id, input.uploadId));
  const tooLarge = () => new DomainError("PAYLOAD_TOO_LARGE", `The upload is larger than the ${limit}-byte limit (MMR_MAX_UPLOAD_BYTES).`);
  if (input.declaredBytes !== null && used + input.declaredBytes > limit) throw tooLarge();

  const target = path.join(uploadFolder(deps.env, input.uploadId), relative);
  const partial = `${target}.partial`;
  await mkdir(path.dirname(target), { recursive: true });
  let written = 0;
  const countBytes = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      written += chunk.byteLength;
      done(used + written > limit ? tooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(input.body as never), countBytes, createWriteStream(partial));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, target);
  await deps.db.update(uploads).set({ bytes: sql`${uploads.bytes} + ${written}` }).where(eq(uploads.id, input.uploadId));
  return { path: input.relativePath, bytes: written };
}
