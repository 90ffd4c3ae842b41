import "server-only";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { projectMembers, runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import type { ServerEnv } from "@/server/env";

/** Where runs write the files they produce (exports today), one folder per run. */
export function artifactsRoot(env: ServerEnv): string {
  return path.resolve(env.MMR_DATA_DIR, "artifacts");
}

export function artifactFolder(env: ServerEnv, runId: number): string {
  return path.join(artifactsRoot(env), String(runId));
}

/** The run's project, when `userId` is a member of it (any role); null for an unknown run and a stranger alike. */
export async function runVisibleTo(db: Database, runId: number, userId: string): Promise<{ projectId: string } | null> {
  const [run] = await db
    .select({ projectId: runs.projectId })
    .from(runs)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, runs.projectId), eq(projectMembers.userId, userId)))
    .where(eq(runs.id, runId));
  return run ?? null;
}

/**
 * The absolute path of a file a client names inside a run's artifact folder, segment by segment. `..`, `.`, empty
 * segments and separators inside a segment are refused outright; symlinks are followed and must stay in the folder.
 */
export async function resolveArtifactFile(env: ServerEnv, runId: number, segments: string[]): Promise<string> {
  const valid = segments.length > 0 && segments.every((s) => s !== "" && s !== "." && s !== ".." && !/[/\\\0]/.test(s));
  if (!valid) throw new DomainError("BAD_REQUEST", `Not an artifact path: ${JSON.stringify(segments.join("/"))}.`);
  const missing = () => new DomainError("NOT_FOUND", `Run ${runId} has no file ${segments.join("/")}.`);
  const folder = await realpath(artifactFolder(env, runId)).catch(() => {
    throw missing();
  });
  const file = await realpath(path.join(folder, ...segments)).catch(() => {
    throw missing();
  });
  const fromFolder = path.relative(folder, file);
  if (fromFolder.startsWith("..") || path.isAbsolute(fromFolder)) throw new DomainError("FORBIDDEN", "That path leads out of the run's artifact folder.");
  if (!(await stat(file)).isFile()) throw missing();
  return file;
}
