import "server-only";
import { eq, sql } from "drizzle-orm";
import { instanceSettings, user } from "@/db/schema";
import type { Database } from "@/server/db/client";

export async function getInstanceSettings(db: Database) {
  const [row] = await db.select().from(instanceSettings).where(eq(instanceSettings.id, "instance"));
  return { signUpOpen: row?.signUpOpen ?? false };
}

export async function setSignUpOpen(db: Database, open: boolean) {
  await db
    .insert(instanceSettings)
    .values({ id: "instance", signUpOpen: open })
    .onConflictDoUpdate({ target: instanceSettings.id, set: { signUpOpen: open, updatedAt: new Date() } });
  return { signUpOpen: open };
}

/** What the sign-up page needs to know before anyone is signed in. */
export async function getSignUpState(db: Database) {
  const [{ accounts }] = await db.select({ accounts: sql<number>`count(*)::int` }).from(user);
  return { firstAccount: accounts === 0, open: accounts === 0 || (await getInstanceSettings(db)).signUpOpen };
}
