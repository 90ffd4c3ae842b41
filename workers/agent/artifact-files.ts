import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { ClaimedRun } from "./agent-api";

/** What the server accepts for one run (sent with the claim). */
export type ArtifactLimits = ClaimedRun["artifactLimits"];

export interface CollectableFile {
  /** Relative to the run's working folder, `/`-separated: where the server keeps it in the run's artifact folder. */
  path: string;
  absolute: string;
  bytes: number;
}

export interface CollectionPlan {
  files: CollectableFile[];
  /** One line per thing left out (a missing folder, refused links, files over a limit), for the run's log. */
  skipped: string[];
}

const inside = (folder: string, candidate: string) => {
  const relative = path.relative(folder, candidate);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
};

/** A few names, then how many more: a log line stays readable when thousands of files are skipped. */
function listed(names: string[]): string {
  const shown = names.slice(0, 5).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/**
 * The files to upload from a run's `collect` folders (relative to its working folder), within the server's limits,
 * in path order. Symbolic links are followed only to files inside the collected folder; links leading out of it, and
 * linked folders, are left out, so a run cannot ship the machine's other files.
 */
export async function planArtifactCollection(workFolder: string, collect: string[], limits: ArtifactLimits): Promise<CollectionPlan> {
  const skipped: string[] = [];
  const found = new Map<string, CollectableFile>();
  const realWorkFolder = await realpath(workFolder);
  for (const folder of collect) {
    const root = path.resolve(workFolder, folder);
    if (path.isAbsolute(folder) || !inside(workFolder, root) || root === workFolder) {
      skipped.push(`collect "${folder}": not a folder inside the run's folder; skipped.`);
      continue;
    }
    const realRoot = await realpath(root).catch(() => null);
    if (realRoot === null) {
      skipped.push(`collect "${folder}": no such folder; nothing collected from it.`);
      continue;
    }
    if (!inside(realWorkFolder, realRoot)) {
      skipped.push(`collect "${folder}": a link leading out of the run's folder; refused.`);
      continue;
    }
    if (!(await stat(realRoot)).isDirectory()) {
      skipped.push(`collect "${folder}": not a folder; skipped.`);
      continue;
    }
    const refusedLinks: string[] = [];
    for await (const file of walk(root, realRoot, refusedLinks)) {
      const relative = path.relative(workFolder, file.absolute).split(path.sep).join("/");
      found.set(relative, { path: relative, absolute: file.absolute, bytes: file.bytes });
    }
    if (refusedLinks.length > 0) skipped.push(`collect "${folder}": refused ${refusedLinks.length} link(s) leading out of it or to a folder: ${listed(refusedLinks)}.`);
  }

  const files: CollectableFile[] = [];
  const tooLarge: string[] = [];
  const overBudget: string[] = [];
  let total = 0;
  for (const file of [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (file.bytes > limits.fileBytes) tooLarge.push(file.path);
    else if (files.length >= limits.files || total + file.bytes > limits.runBytes) overBudget.push(file.path);
    else {
      files.push(file);
      total += file.bytes;
    }
  }
  if (tooLarge.length > 0) skipped.push(`not uploaded, larger than ${limits.fileBytes} bytes each: ${listed(tooLarge)}.`);
  if (overBudget.length > 0) {
    skipped.push(`not uploaded, past the run's limit of ${limits.files} files or ${limits.runBytes} bytes: ${listed(overBudget)}.`);
  }
  return { files, skipped };
}

/** Regular files under `root`, links to files inside `realRoot` included with their target's size. */
async function* walk(root: string, realRoot: string, refusedLinks: string[]): AsyncGenerator<{ absolute: string; bytes: number }> {
  const pending = [root];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) pending.push(absolute);
      else if (entry.isFile()) yield { absolute, bytes: (await lstat(absolute)).size };
      else if (entry.isSymbolicLink()) {
        const target = await realpath(absolute).catch(() => null);
        const targetStats = target !== null && inside(realRoot, target) ? await stat(target) : null;
        if (targetStats?.isFile()) yield { absolute, bytes: targetStats.size };
        else if (target !== null) refusedLinks.push(path.relative(root, absolute));
      }
    }
  }
}
