import "server-only";
import { sql } from "drizzle-orm";
import { user } from "@/db/schema";
import type { AppDeps } from "@/server/deps";
import { createProject } from "@/server/projects/projects";
import { createApiToken } from "@/server/tokens/tokens";

/**
 * Headless set-up: with MMR_INIT_ADMIN_EMAIL and MMR_INIT_ADMIN_PASSWORD, an instance that has no account yet
 * gets its admin (plus, optionally, a project and a personal API token with a known secret) at start-up.
 */
export async function createInitialAdmin(deps: AppDeps): Promise<string | null> {
  const { env, db, auth } = deps;
  if (!env.MMR_INIT_ADMIN_EMAIL || !env.MMR_INIT_ADMIN_PASSWORD) return null;
  const [{ accounts }] = await db.select({ accounts: sql<number>`count(*)::int` }).from(user);
  if (accounts > 0) return null;

  const { user: admin } = await auth.api.signUpEmail({
    body: { email: env.MMR_INIT_ADMIN_EMAIL, password: env.MMR_INIT_ADMIN_PASSWORD, name: "Administrator" },
  });
  if (env.MMR_INIT_PROJECT) await createProject(db, { name: env.MMR_INIT_PROJECT, ownerId: admin.id });
  if (env.MMR_INIT_API_TOKEN) {
    await createApiToken(db, { kind: "personal", name: "initial token", userId: admin.id, secret: env.MMR_INIT_API_TOKEN });
  }
  return admin.id;
}
