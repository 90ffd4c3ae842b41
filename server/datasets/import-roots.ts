import "server-only";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { DomainError } from "@/server/errors";

function isInside(folder: string, target: string): boolean {
  const fromFolder = path.relative(folder, target);
  return fromFolder === "" || (!fromFolder.startsWith("..") && !path.isAbsolute(fromFolder));
}

/**
 * Resolves a user-given server path and checks that it lies inside one of `roots`, after following symlinks.
 * `..` segments are refused outright: a path that needs them is not one an admin meant to share.
 */
export async function confineToRoots(requested: string, roots: string[], what = "path"): Promise<string> {
  if (roots.length === 0) {
    throw new DomainError("FORBIDDEN", "Server-path imports are disabled: an admin must set MMR_IMPORT_ROOTS.");
  }
  if (requested.split(/[\\/]/).includes("..")) throw new DomainError("FORBIDDEN", `The ${what} ${requested} contains "..".`);
  const realRoots = await Promise.all(roots.map((root) => realpath(path.resolve(root)).catch(() => path.resolve(root))));
  const absolute = path.isAbsolute(requested) ? requested : path.join(realRoots[0], requested);
  const real = await realpath(absolute).catch(() => {
    throw new DomainError("NOT_FOUND", `The ${what} ${requested} does not exist on the server.`);
  });
  if (!realRoots.some((root) => isInside(root, real))) {
    throw new DomainError("FORBIDDEN", `The ${what} ${requested} is outside the import roots an admin allowed.`);
  }
  return real;
}
