import "server-only";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { uploads } from "@/db/schema";
import type { AppDeps } from "@/server/deps";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { clientRelativePath, writeBodyWithinLimit } from "@/server/files/client-files";
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

/**
 * Streams one file of an upload to disk. The upload's total stays under MMR_MAX_UPLOAD_BYTES: a declared length over
 * it is refused before reading, and a body that grows past it is cut off and its partial file removed.
 */
export async function writeUploadFile(
  deps: Pick<AppDeps, "db" | "env">,
  input: { uploadId: string; projectId: string; relativePath: string; body: ReadableStream<Uint8Array>; declaredBytes: number | null },
): Promise<{ path: string; bytes: number }> {
  await assertUploadInProject(deps.db, input.uploadId, input.projectId);
  const relative = path.join(...clientRelativePath(input.relativePath.split("/"), "file path in an upload"));
  const limit = deps.env.MMR_MAX_UPLOAD_BYTES;
  const [{ used }] = await deps.db.select({ used: uploads.bytes }).from(uploads).where(eq(uploads.id, input.uploadId));
  const tooLargeMessage = `The upload is larger than the ${limit}-byte limit (MMR_MAX_UPLOAD_BYTES).`;
  if (input.declaredBytes !== null && used + input.declaredBytes > limit) throw new DomainError("PAYLOAD_TOO_LARGE", tooLargeMessage);

  const target = path.join(uploadFolder(deps.env, input.uploadId), relative);
  const partial = `${target}.partial`;
  await mkdir(path.dirname(target), { recursive: true });
  const written = await writeBodyWithinLimit(input.body, partial, (bytes) => (used + bytes > limit ? tooLargeMessage : null));
  await rename(partial, target);
  await deps.db.update(uploads).set({ bytes: sql`${uploads.bytes} + ${written}` }).where(eq(uploads.id, input.uploadId));
  return { path: input.relativePath, bytes: written };
}
