import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { projectMembers, projects } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import type { ProjectRole } from "./roles";

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48);
  return slug || "project";
}

export async function createProject(
  db: Database,
  input: { name: string; description?: string; ownerId: string | null },
) {
  const base = slugify(input.name);
  const taken = await db
    .select({ slug: projects.slug })
    .from(projects)
    .where(sql`${projects.slug} = ${base} or ${projects.slug} like ${`${base}-%`}`);
  const takenSlugs = new Set(taken.map((t) => t.slug));
  let slug = base;
  for (let n = 2; takenSlugs.has(slug); n++) slug = `${base}-${n}`;

  return db.transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({ name: input.name, slug, description: input.description ?? "" })
      .returning();
    if (input.ownerId) {
      await tx.insert(projectMembers).values({ projectId: project.id, userId: input.ownerId, role: "admin" });
    }
    return project;
  });
}

export async function listProjectsForUser(db: Database, userId: string) {
  return db
    .select({ id: projects.id, slug: projects.slug, name: projects.name, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(asc(projects.name));
}

export interface ProjectAccess {
  project: { id: string; slug: string; name: string; description: string };
  role: ProjectRole;
}

/** The caller's access to a project; not-a-member and no-such-project look the same (no existence leak). */
export async function getProjectAccess(db: Database, slug: string, userId: string): Promise<ProjectAccess> {
  const [row] = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      name: projects.name,
      description: projects.description,
      role: projectMembers.role,
    })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, userId)))
    .where(eq(projects.slug, slug));
  if (!row) throw new DomainError("NOT_FOUND", `Project "${slug}" does not exist or you are not a member of it.`);
  const { role, ...project } = row;
  return { project, role };
}

export async function updateProject(db: Database, projectId: string, patch: { name?: string; description?: string }) {
  const [project] = await db.update(projects).set(patch).where(eq(projects.id, projectId)).returning();
  return project;
}
