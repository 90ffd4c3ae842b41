"use client";
import { useRouter } from "next/navigation";

const newProject = "__new__";

export function ProjectSwitcher({ current, projects }: { current: { slug: string }; projects: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <select
      aria-label="Project"
      value={current.slug}
      onChange={(event) => router.push(event.target.value === newProject ? "/projects/new" : `/p/${event.target.value}`)}
      className="w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
    >
      {projects.map((p) => (
        <option key={p.slug} value={p.slug}>
          {p.name}
        </option>
      ))}
      <option value={newProject}>+ New project…</option>
    </select>
  );
}
