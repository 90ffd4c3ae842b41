import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { projectMembers, user } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { createInvitation } from "./invitations";
import type { ProjectRole } from "./roles";

export async function listMembers(db: Database, projectId: string) {
  return db
    .select({ userId: user.id, name: user.name, email: user.email, role: projectMembers.role, joinedAt: projectMembers.createdAt })
    .from(projectMembers)
    .innerJoin(user, eq(user.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(user.email));
}

/** An existing account joins at once; anyone else gets a single-use sign-up link. */
export async function inviteMember(
  db: Database,
  input: { projectId: string; email: string; role: ProjectRole; invitedBy: string },
): Promise<{ status: "added" } | { status: "invited"; token: string; expiresAt: Date }> {
  const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, input.email.toLowerCase()));
  if (existing) {
    const inserted = await db
      .insert(projectMembers)
      .values({ projectId: input.projectId, userId: existing.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new DomainError("CONFLICT", `${input.email} is already a member of this project.`);
    return { status: "added" };
  }
  const invitation = await createInvitation(db, input);
  return { status: "invited", token: invitation.token, expiresAt: invitation.expiresAt };
}

async function assertAnotherAdminRemains(db: Database, projectId: string, userId: string) {
  const [{ admins }] = await db
    .select({ admins: sql<number>`count(*)::int` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "admin"), sql`${projectMembers.userId} <> ${userId}`));
  if (admins === 0) throw new DomainError("BAD_REQUEST", "A project needs at least one admin; promote someone else first.");
}

export async function setMemberRole(db: Database, projectId: string, userId: string, role: ProjectRole) {
  if (role !== "admin") await assertAnotherAdminRemains(db, projectId, userId);
  const updated = await db
    .update(projectMembers)
    .set({ role })
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .returning();
  if (updated.length === 0) throw new DomainError("NOT_FOUND", "That user is not a member of this project.");
}

export async function removeMember(db: Database, projectId: string, userId: string) {
  await assertAnotherAdminRemains(db, projectId, userId);
  await db.delete(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
}
