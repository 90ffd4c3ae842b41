import "server-only";
import { eq } from "drizzle-orm";
import { user } from "@/db/schema";
import type { AppDeps } from "@/server/deps";
import { verifyToken } from "@/server/tokens/tokens";

export interface Actor {
  userId: string;
  isAdmin: boolean;
  via: "session" | "token";
}

export interface WorkerIdentity {
  tokenId: string;
  projectId: string;
  userId: string;
}

export interface TRPCContext {
  deps: AppDeps;
  actor: Actor | null;
  worker: WorkerIdentity | null;
  /** Why a presented credential was refused, so the client hears the reason rather than a bare 401. */
  authError?: string;
}

export type Caller = Omit<TRPCContext, "deps">;

/** Who is asking: a session, a personal token, or a worker token; with the reason when a credential is refused. */
export async function resolveCaller(deps: AppDeps, headers: Headers): Promise<Caller> {
  const authorization = headers.get("authorization");
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!bearer) return { actor: null, worker: null, authError: "Malformed Authorization header: expected 'Bearer <token>'." };
    const check = await verifyToken(deps.db, bearer);
    if (!check.ok) return { actor: null, worker: null, authError: check.reason };
    const { identity } = check;
    if (identity.kind === "worker") {
      // Worker tokens reach the agent API only; elsewhere they are refused with a reason, not treated as their creator.
      const worker = identity.projectId ? { tokenId: identity.tokenId, projectId: identity.projectId, userId: identity.userId } : null;
      return { actor: null, worker, authError: "This is a worker token: it is accepted by the agent API only. Use a personal token (mmr_pat_…)." };
    }
    const [owner] = await deps.db.select({ isAdmin: user.isAdmin }).from(user).where(eq(user.id, identity.userId));
    return { actor: { userId: identity.userId, isAdmin: owner?.isAdmin ?? false, via: "token" }, worker: null };
  }
  const session = await deps.auth.api.getSession({ headers });
  if (!session) return { actor: null, worker: null };
  return { actor: { userId: session.user.id, isAdmin: Boolean(session.user.isAdmin), via: "session" }, worker: null };
}

export async function createContext(deps: AppDeps, headers: Headers): Promise<TRPCContext> {
  return { deps, ...(await resolveCaller(deps, headers)) };
}
