import { redirect } from "next/navigation";
import { requirePageUser } from "@/server/auth/page-session";
import { listProjectsForUser } from "@/server/projects/projects";

// Home: the first project the user belongs to, or the page to create one.
export default async function Home() {
  const { deps, user } = await requirePageUser();
  const [first] = await listProjectsForUser(deps.db, user.id);
  redirect(first ? `/p/${first.slug}` : "/projects/new");
}
