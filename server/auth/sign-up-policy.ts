import "server-only";
import { and, eq, notExists, sql } from "drizzle-orm";
import { projectMembers, projects, user } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { acceptInvitation, findUsableInvitation } from "@/server/projects/invitations";
import { getInstanceSettings } from "@/server/settings/instance";

/** Returns why this sign-up is refused, or null when it may go ahead. */
export async function assertSignUpAllowed(
  db: Database,
  attempt: { email: string; inviteToken?: string },
): Promise<string | null> {
  const [{ accounts }] = await db.select({ accounts: sql<number>`count(*)::int` }).from(user);
  if (accounts === 0) return null;
  if ((await getInstanceSettings(db)).signUpOpen) return null;
  if (attempt.inviteToken) {
    const invitation = await findUsableInvitation(db, attempt.inviteToken);
    if (!invitation) return "This invitation is invalid, expired or already used.";
    if (invitation.email !== attempt.email.toLowerCase()) return "This invitation was issued for another email address.";
    return null;
  }
  return "Sign-up is closed. Ask an administrator for an invitation link.";
}

export async function onAccountCreated(
  db: Database,
  account: { userId: string; email: string; inviteToken?: string },
): Promise<void> {
  // The first account becomes the instance admin and joins the projects nobody belongs to yet (the demo).
  const promoted = await db
    .update(user)
    .set({ isAdmin: true })
    .where(and(eq(user.id, account.userId), notExists(db.select().from(user).where(eq(user.isAdmin, true)))))
    .returning({ id: user.id });
  if (promoted.length > 0) {
    const unowned = await db
      .select({ id: projects.id })
      .from(projects)
      .where(notExists(db.select().from(projectMembers).where(eq(projectMembers.projectId, projects.id))));
    if (unowned.length > 0) {
      await db
        .insert(projectMembers)
        .values(unowned.map((p) => ({ projectId: p.id, userId: account.userId, role: "admin" as const })))
        .onConflictDoNothing();
    }
  }
  if (account.inviteToken) await acceptInvitation(db, account.inviteToken, account);
}
