import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAppDeps } from "@/server/deps";

/** For server-rendered pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser() {
  const deps = await getAppDeps();
  const session = await deps.auth.api.getSession({ headers: await headers() });
  if (!session) redirect("/sign-in");
  return { deps, user: { id: session.user.id, name: session.user.name, email: session.user.email, isAdmin: Boolean(session.user.isAdmin) } };
}

export async function getPageUserId(): Promise<string | null> {
  const deps = await getAppDeps();
  const session = await deps.auth.api.getSession({ headers: await headers() });
  return session?.user.id ?? null;
}
