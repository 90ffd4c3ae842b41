import "server-only";
import { realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, resolve } from "node:path";
import type { ImageRef } from "./types";

export interface ImageProblem {
  /** The path as the row gives it. */
  path: string;
  reason: "missing" | "outside-data-folder" | "not-a-file";
}

function isInside(folder: string, target: string): boolean {
  const fromFolder = relative(folder, target);
  return fromFolder === "" || (!fromFolder.startsWith("..") && !isAbsolute(fromFolder));
}

/**
 * Problems with a sample's path images: missing files, and paths that leave the data folder (`..`, absolute paths
 * elsewhere, symlinks pointing out). Byte images need no check. The import job confines data folders to the configured
 * import roots; this keeps each image inside its data folder.
 */
export async function checkImagePaths(images: ImageRef[], dataFolder: string): Promise<ImageProblem[]> {
  const problems: ImageProblem[] = [];
  if (images.every((image) => image.kind !== "path")) return problems;
  const folder = resolve(dataFolder);
  const realFolder = await realpath(folder).catch(() => folder);
  for (const image of images) {
    if (image.kind !== "path") continue;
    const target = resolve(folder, image.path);
    if (!isInside(folder, target)) {
      problems.push({ path: image.path, reason: "outside-data-folder" });
      continue;
    }
    const realTarget = await realpath(target).catch(() => undefined);
    if (realTarget === undefined) problems.push({ path: image.path, reason: "missing" });
    else if (!isInside(realFolder, realTarget)) problems.push({ path: image.path, reason: "outside-data-folder" });
    else if (!(await stat(realTarget)).isFile()) problems.push({ path: image.path, reason: "not-a-file" });
  }
  return problems;
}
