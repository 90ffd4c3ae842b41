import { z } from "zod";

/** UTC time as YYYYMMDD_HHMMSS (lmms-eval's own timestamp layout): what makes a run's output folder its own. */
export const stampSchema = z.string().regex(/^\d{8}_\d{6}$/, "A stamp is YYYYMMDD_HHMMSS.");

export function formatStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
}

/** The run name as one path segment: letters, digits, '.', '_' and '-'. */
export function runSlug(name: string): string {
  const slug = name
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "")
    .slice(0, 80);
  return slug === "" ? "run" : slug;
}

/** `<outputRoot>/<run name>-<stamp>`: a fresh folder per launch, so a clone never resumes or overwrites another run. */
export function runFolderPath(outputRoot: string, runName: string, stamp: string): string {
  return `${outputRoot.replace(/\/+$/, "")}/${runSlug(runName)}-${stamp}`;
}

/**
 * The folder as the agent's `collect` names it: relative to the run's working folder. An absolute folder, or one
 * leading out of the working folder, is outside what the agent uploads.
 */
export function collectablePath(folder: string): string | null {
  if (folder.startsWith("/")) return null;
  const segments: string[] = [];
  for (const segment of folder.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length === 0 ? null : segments.join("/");
}
