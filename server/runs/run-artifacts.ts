import "server-only";
import { lstat, readdir } from "node:fs/promises";
import path from "node:path";
import type { Database } from "@/server/db/client";
import type { ServerEnv } from "@/server/env";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import { artifactDownloadPath } from "@/server/datasets/export/list-exports";
import { getRun } from "./listing";

/** What an agent may collect for one run; sent with each claim so the agent skips what would be refused anyway. */
export function collectedArtifactLimits(env: ServerEnv) {
  return { fileBytes: env.MMR_MAX_ARTIFACT_FILE_BYTES, runBytes: env.MMR_MAX_RUN_ARTIFACT_BYTES, files: 2_000 };
}

export interface ArtifactFile {
  /** Relative to the run's artifact folder, `/`-separated. */
  path: string;
  bytes: number;
}

/**
 * Every regular file in a run's artifact folder (an export's output, or what an agent collected), sorted by path.
 * Symbolic links are not followed: nothing the server writes there is one.
 */
export async function listArtifactFiles(env: ServerEnv, runId: number): Promise<ArtifactFile[]> {
  const folder = artifactFolder(env, runId);
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const files: ArtifactFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    // A file replaced or removed between the listing and this look is simply not listed.
    const stats = await lstat(absolute).catch(() => null);
    if (stats?.isFile()) files.push({ path: path.relative(folder, absolute).split(path.sep).join("/"), bytes: stats.size });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const shownFiles = 1_000;

/** A run's artifact files with their download links, for its page: the first thousand, and how many there are. */
export async function listRunArtifacts(deps: { db: Database; env: ServerEnv }, projectId: string, runId: number) {
  await getRun(deps.db, projectId, runId);
  const files = await listArtifactFiles(deps.env, runId);
  return {
    total: files.length,
    totalBytes: files.reduce((sum, file) => sum + file.bytes, 0),
    files: files.slice(0, shownFiles).map((file) => ({ ...file, url: artifactDownloadPath(runId, file.path) })),
  };
}
