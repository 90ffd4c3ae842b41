import "server-only";
import { and, desc, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens } from "@/db/schema";
import { generateSecret, hashSecret } from "@/server/auth/token-secret";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";

export type TokenKind = "personal" | "worker";
const prefixes: Record<TokenKind, string> = { personal: "mmr_pat_", worker: "mmr_wkr_" };
export const tokenPattern = /^mmr_(pat|wkr)_[A-Za-z0-9_-]{20,128}$/;

export async function createApiToken(
  db: Database,
  input: { kind: TokenKind; name: string; userId: string; projectId?: string; secret?: string },
) {
  if (input.kind === "worker" && !input.projectId) throw new DomainError("BAD_REQUEST", "A worker token belongs to a project.");
  const secret = input.secret ?? generateSecret(prefixes[input.kind]);
  if (!secret.startsWith(prefixes[input.kind]) || !tokenPattern.test(secret)) {
    throw new DomainError("BAD_REQUEST", `A ${input.kind} token must look like ${prefixes[input.kind]}<at least 20 of A-Z a-z 0-9 _ ->.`);
  }
  const [row] = await db
    .insert(apiTokens)
    .values({
      kind: input.kind,
      name: input.name,
      userId: input.userId,
      projectId: input.projectId ?? null,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, prefixes[input.kind].length + 4),
    })
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, createdAt: apiTokens.createdAt });
  return { ...row, token: secret };
}

const listedColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export async function listPersonalTokens(db: Database, userId: string) {
  return db
    .select(listedColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), eq(apiTokens.kind, "personal")))
    .orderBy(desc(apiTokens.createdAt));
}

export async function listWorkerTokens(db: Database, projectId: string) {
  return db
    .select(listedColumns)
    .from(apiTokens)
    .where(and(eq(apiTokens.projectId, projectId), eq(apiTokens.kind, "worker")))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revokes a token that belongs to the given owner (a user's personal token or a project's worker token). */
export async function revokeToken(db: Database, tokenId: string, owner: { userId: string } | { projectId: string }) {
  const ownerMatch = "userId" in owner
    ? and(eq(apiTokens.userId, owner.userId), eq(apiTokens.kind, "personal"))
    : and(eq(apiTokens.projectId, owner.projectId), eq(apiTokens.kind, "worker"));
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), ownerMatch, isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  if (revoked.length === 0) throw new DomainError("NOT_FOUND", "No such active token.");
}

export interface TokenIdentity {
  tokenId: string;
  kind: TokenKind;
  userId: string;
  projectId: string | null;
}

export type TokenCheck = { ok: true; identity: TokenIdentity } | { ok: false; reason: string };

export async function verifyToken(db: Database, secret: string): Promise<TokenCheck> {
  if (!tokenPattern.test(secret)) return { ok: false, reason: "Malformed token: expected mmr_pat_… or mmr_wkr_…" };
  const [row] = await db
    .select({ id: apiTokens.id, kind: apiTokens.kind, userId: apiTokens.userId, projectId: apiTokens.projectId, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashSecret(secret)));
  if (!row) return { ok: false, reason: "Unknown token." };
  if (row.revokedAt) return { ok: false, reason: "This token has been revoked." };
  // last_used_at is advisory: write it at most once a minute, not on every request.
  const aMinuteAgo = new Date(Date.now() - 60_000);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, aMinuteAgo))));
  return { ok: true, identity: { tokenId: row.id, kind: row.kind, userId: row.userId, projectId: row.projectId } };
}
