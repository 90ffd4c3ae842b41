import "server-only";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { getProjectAccess, type ProjectAccess } from "@/server/projects/projects";
import { roleAtLeast, type ProjectRole } from "@/server/projects/roles";
import { resolveCaller } from "@/server/trpc/context";

/** For route handlers outside tRPC: the caller's access to a project, with the same rules as projectProcedure. */
export async function requireProjectAccess(
  deps: AppDeps,
  headers: Headers,
  projectSlug: string,
  minimumRole: ProjectRole,
): Promise<ProjectAccess & { userId: string }> {
  const caller = await resolveCaller(deps, headers);
  if (!caller.actor) throw new DomainError("UNAUTHORIZED", caller.authError ?? "Sign in, or pass a personal API token.");
  const access = await getProjectAccess(deps.db, projectSlug, caller.actor.userId);
  if (!roleAtLeast(access.role, minimumRole)) throw new DomainError("FORBIDDEN", `This needs the ${minimumRole} role in project "${projectSlug}".`);
  return { ...access, userId: caller.actor.userId };
}
