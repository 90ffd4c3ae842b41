import "server-only";
import { eq } from "drizzle-orm";
import { user } from "@/db/schema";
import type { Database } from "@/server/db/client";

export async function getAccount(db: Database, userId: string) {
  const [account] = await db
    .select({ id: user.id, name: user.name, email: user.email, isAdmin: user.isAdmin })
    .from(user)
    .where(eq(user.id, userId));
  return account;
}
