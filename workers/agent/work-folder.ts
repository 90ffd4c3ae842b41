import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LaunchSpec } from "@/server/agents/launch-spec";

/**
 * A fresh folder for one attempt at a run, under the agent's work directory, holding the launch spec's files.
 * A run claimed again (after a lost lease) gets a new folder, never the remains of the last attempt.
 */
export function prepareWorkFolder(workDir: string, runId: number, files: LaunchSpec["files"]): string {
  mkdirSync(workDir, { recursive: true });
  const folder = mkdtempSync(path.join(workDir, `run-${runId}-`));
  for (const file of files) {
    const target = confinedPath(folder, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.content);
  }
  return folder;
}

/** A spec's file path stays inside the run's folder: no absolute paths, no `..` out of it. */
function confinedPath(folder: string, relative: string): string {
  const target = path.resolve(folder, relative);
  const inside = path.relative(folder, target);
  if (path.isAbsolute(relative) || inside === "" || inside.startsWith("..") || path.isAbsolute(inside)) {
    throw new Error(`The launch spec's file "${relative}" is not a path inside the run's folder.`);
  }
  return target;
}
