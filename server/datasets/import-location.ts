import "server-only";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DomainError } from "@/server/errors";
import type { ServerEnv } from "@/server/env";
import { confineToRoots } from "./import-roots";
import type { DatasetSource } from "./import";

/** Where an import reads from: a path under the admin's import roots, or files a client uploaded. */
export const importLocationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("server-path"), path: z.string().min(1) }),
  z.object({ kind: z.literal("upload"), uploadId: z.uuid(), file: z.string().min(1) }),
]);
export type ImportLocation = z.infer<typeof importLocationSchema>;

export function uploadsRoot(env: ServerEnv): string {
  return path.resolve(env.MMR_DATA_DIR, "uploads");
}

export function uploadFolder(env: ServerEnv, uploadId: string): string {
  return path.join(uploadsRoot(env), uploadId);
}

/** The absolute path to read, confined to the roots it may come from; those roots also bound its images. */
export async function resolveImportLocation(location: ImportLocation, env: ServerEnv): Promise<{ path: string; roots: string[] }> {
  const roots = location.kind === "server-path" ? env.MMR_IMPORT_ROOTS : [uploadFolder(env, location.uploadId)];
  const requested = location.kind === "server-path" ? location.path : path.join(roots[0], location.file);
  return { path: await confineToRoots(requested, roots, location.kind === "server-path" ? "path" : "uploaded file"), roots };
}

/** A dataset list may name files and data folders anywhere: each must still lie inside the roots. */
export async function assertSourceInsideRoots(source: DatasetSource, roots: string[]): Promise<void> {
  await confineToRoots(source.path, roots, `file of source "${source.label}"`);
  if (existsSync(source.dataFolder)) await confineToRoots(source.dataFolder, roots, `data folder of source "${source.label}"`);
}

/**
 * Runs `action` so that its errors name an uploaded file as the user named it ("trunc.parquet: …"), never by the
 * server folder it was stored in. A server-path import keeps its paths: the user typed them.
 */
export async function withUserPaths<T>(location: ImportLocation, env: ServerEnv, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (location.kind === "upload" && error instanceof Error) {
      const folder = uploadFolder(env, location.uploadId);
      const folders = [folder, existsSync(folder) ? realpathSync(folder) : folder];
      const rewritten = folders.reduce((message, f) => message.replaceAll(`${f}${path.sep}`, "").replaceAll(f, "the upload"), error.message);
      if (error instanceof DomainError) error.message = rewritten;
    }
    throw error;
  }
}
