import { notFound } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/server/auth/page-session";
import { DomainError } from "@/server/errors";
import { getProjectAccess, listProjectsForUser } from "@/server/projects/projects";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const { deps, user } = await requirePageUser();
  const access = await getProjectAccess(deps.db, slug, user.id).catch((error) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const projects = await listProjectsForUser(deps.db, user.id);
  return (
    <AppShell project={{ ...access.project, role: access.role }} projects={projects} user={user}>
      {children}
    </AppShell>
  );
}
