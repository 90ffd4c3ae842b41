import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import * as schema from "@/db/schema";
import type { Database } from "@/server/db/client";
import { assertSignUpAllowed, onAccountCreated } from "./sign-up-policy";

export interface AuthOptions {
  db: Database;
  secret: string;
  baseURL: string;
}

export function createAuth({ db, secret, baseURL }: AuthOptions) {
  return betterAuth({
    database: drizzleAdapter(db, { provider: "pg", schema }),
    secret,
    baseURL,
    trustedOrigins: [baseURL, "http://localhost:*", "http://127.0.0.1:*"],
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 256 },
    user: {
      additionalFields: { isAdmin: { type: "boolean", defaultValue: false, input: false } },
    },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    // Sign-up is the first account, an invitation, or an instance whose admin opened it.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-up/email") return;
        const body = (ctx.body ?? {}) as { email?: unknown; inviteToken?: unknown };
        const refusal = await assertSignUpAllowed(db, {
          email: typeof body.email === "string" ? body.email : "",
          inviteToken: typeof body.inviteToken === "string" ? body.inviteToken : undefined,
        });
        if (refusal) throw new APIError("FORBIDDEN", { message: refusal });
      }),
    },
    databaseHooks: {
      user: {
        create: {
          after: async (created, ctx) => {
            const body = (ctx?.body ?? {}) as { inviteToken?: unknown };
            await onAccountCreated(db, {
              userId: created.id,
              email: created.email,
              inviteToken: typeof body.inviteToken === "string" ? body.inviteToken : undefined,
            });
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
