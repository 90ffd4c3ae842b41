import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { invitations, projectMembers } from "@/db/schema";
import { generateSecret, hashSecret } from "@/server/auth/token-secret";
import type { Database } from "@/server/db/client";
import type { ProjectRole } from "./roles";

const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export async function createInvitation(
  db: Database,
  input: { projectId: string; email: string; role: ProjectRole; invitedBy: string },
) {
  const token = generateSecret("inv_");
  const [invitation] = await db
    .insert(invitations)
    .values({
      projectId: input.projectId,
      email: input.email.toLowerCase(),
      role: input.role,
      invitedBy: input.invitedBy,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + invitationLifetimeMs),
    })
    .returning({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt });
  return { ...invitation, token };
}

export async function findUsableInvitation(db: Database, token: string) {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tokenHash, hashSecret(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())),
    );
  return invitation ?? null;
}

/** Joins the account to the invitation's project; a token for another email is ignored. */
export async function acceptInvitation(db: Database, token: string, account: { userId: string; email: string }) {
  const invitation = await findUsableInvitation(db, token);
  if (!invitation || invitation.email !== account.email.toLowerCase()) return false;
  await db.transaction(async (tx) => {
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await tx
      .insert(projectMembers)
      .values({ projectId: invitation.projectId, userId: account.userId, role: invitation.role })
      .onConflictDoNothing();
  });
  return true;
}

export async function listPendingInvitations(db: Database, projectId: string) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.projectId, projectId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())));
}

export async function revokeInvitation(db: Database, projectId: string, invitationId: string) {
  await db.delete(invitations).where(and(eq(invitations.projectId, projectId), eq(invitations.id, invitationId)));
}
