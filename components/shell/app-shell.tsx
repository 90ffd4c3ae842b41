"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { createContext, useContext } from "react";
import type { ProjectRole } from "@/server/projects/roles";
import { projectNav } from "./nav-items";
import { ProjectSwitcher } from "./project-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

export interface ShellProject {
  id: string;
  slug: string;
  name: string;
  role: ProjectRole;
}

const ProjectContext = createContext<ShellProject | null>(null);

/** The current project and the caller's role in it, for components that hide what the role may not do. */
export function useCurrentProject(): ShellProject {
  const project = useContext(ProjectContext);
  if (!project) throw new Error("useCurrentProject is used outside a project page");
  return project;
}

export function AppShell({
  project,
  projects,
  user,
  children,
}: {
  project: ShellProject;
  projects: { slug: string; name: string; role: ProjectRole }[];
  user: { name: string; email: string };
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const base = `/p/${project.slug}`;
  return (
    <ProjectContext.Provider value={project}>
      <div className="flex min-h-screen">
        <aside className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <Link href={base} prefetch={false} className="flex items-center gap-2 px-4 py-4 text-sm font-semibold">
            <img src="/icon.svg" alt="" className="h-6 w-6" />
            MMR Studio
          </Link>
          <div className="px-3 pb-3">
            <ProjectSwitcher current={project} projects={projects} />
          </div>
          <nav aria-label="Project" className="flex flex-col gap-0.5 px-2">
            {projectNav.map((item) => {
              const href = item.segment ? `${base}/${item.segment}` : base;
              const active = item.segment ? pathname.startsWith(href) : pathname === base;
              return (
                <Link
                  key={item.label}
                  href={href}
                  // Prefetching every area on every page load competed with the page's own data requests.
                  prefetch={false}
                  aria-current={active ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm ${
                    active
                      ? "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                      : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
                  }`}
                >
                  {item.label}
                </Link>
              );
            })}
          </nav>
          <div className="mt-auto flex items-center justify-between border-t border-zinc-200 px-3 py-3 dark:border-zinc-800">
            <UserMenu user={user} />
            <ThemeToggle />
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
      </div>
    </ProjectContext.Provider>
  );
}
