"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { leaderboardHref } from "@/components/leaderboard/routes";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { BenchmarkForm, type BenchmarkDraft } from "./benchmark-form";

type Benchmark = RouterOutputs["evaluations"]["benchmarks"][number];

const draftOf = (b: Benchmark): BenchmarkDraft => ({
  key: b.key,
  label: b.label,
  task: b.task,
  metric: b.metric,
  filter: b.filter,
  modality: b.modality === "text" ? "text" : "image",
  higherIsBetter: b.higherIsBetter,
  position: b.position,
});

const blank: BenchmarkDraft = { key: "", label: "", task: "", metric: "", filter: "none", modality: "image", higherIsBetter: true, position: 100 };

/** The benchmark catalog: which lmms-eval task, metric and filter each leaderboard column reads. Admins edit it. */
export function BenchmarkCatalog() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const benchmarks = useQuery(trpc.evaluations.benchmarks.queryOptions({ project: project.slug }));
  const evaluations = useQuery(trpc.evaluations.list.queryOptions({ project: project.slug }));
  const [editing, setEditing] = useState<{ draft: BenchmarkDraft; isNew: boolean } | null>(null);
  const isAdmin = project.role === "admin";

  const catalogued = new Set((benchmarks.data ?? []).map((b) => `${b.task}/${b.metric}/${b.filter}`));
  const cataloguedTasks = new Set((benchmarks.data ?? []).map((b) => b.task));
  // Harness scores whose task no column reads: imported and kept, but shown nowhere until catalogued.
  const outside = new Map<string, { task: string; metric: string; filter: string; models: Set<string> }>();
  for (const e of evaluations.data ?? []) {
    if (e.format === "table") continue;
    for (const s of e.scores) {
      if (cataloguedTasks.has(s.task) || catalogued.has(`${s.task}/${s.metric}/${s.filter}`) || s.value === null) continue;
      const id = `${s.task}/${s.metric}/${s.filter}`;
      const entry = outside.get(id) ?? { task: s.task, metric: s.metric, filter: s.filter, models: new Set() };
      entry.models.add(e.model);
      outside.set(id, entry);
    }
  }

  return (
    <>
      <Link href={leaderboardHref(project.slug)} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        ← Leaderboard
      </Link>
      <PageHeader
        title="Benchmarks"
        description={`The columns of the leaderboard and the lmms-eval task, metric and filter each reads. ${isAdmin ? "Add a task here and its imported scores appear as a column." : "Project admins edit this catalog."}`}
        action={isAdmin && !editing && <Button onClick={() => setEditing({ draft: blank, isNew: true })}>Add a benchmark</Button>}
      />
      <div className="space-y-4">
        {editing && <BenchmarkForm key={`${editing.isNew}/${editing.draft.key}`} project={project.slug} initial={editing.draft} isNew={editing.isNew} onDone={() => setEditing(null)} />}
        <Panel title="Catalog">
          <ErrorMessage error={benchmarks.error} />
          {benchmarks.isPending ? (
            <p className="text-sm text-zinc-500">Loading the catalog…</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs text-zinc-500">
                  <tr>
                    {["Key", "Label", "Task", "Metric", "Filter", "Modality", "Better", ""].map((heading) => (
                      <th key={heading} className="py-2 pr-3 font-medium">
                        {heading}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                  {(benchmarks.data ?? []).map((b) => (
                    <tr key={b.key}>
                      <td className="py-1.5 pr-3 font-mono text-xs">{b.key}</td>
                      <td className="py-1.5 pr-3">{b.label}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs">{b.task}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs">{b.metric}</td>
                      <td className="py-1.5 pr-3 font-mono text-xs text-zinc-500">{b.filter}</td>
                      <td className="py-1.5 pr-3 text-zinc-500">{b.modality}</td>
                      <td className="py-1.5 pr-3 text-zinc-500">{b.higherIsBetter ? "higher" : "lower"}</td>
                      <td className="py-1.5 text-right">
                        {isAdmin && (
                          <Button variant="ghost" className="py-0.5! text-xs!" onClick={() => setEditing({ draft: draftOf(b), isNew: false })} aria-label={`Edit ${b.key}`}>
                            Edit
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Panel>
        {outside.size > 0 && (
          <Panel title="Imported tasks outside the catalog">
            <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400">These scores are stored and their samples open from the evaluation, but no leaderboard column reads them yet.</p>
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {[...outside.values()].map((o) => (
                <li key={`${o.task}/${o.metric}/${o.filter}`} className="flex flex-wrap items-center gap-3 py-1.5 text-sm">
                  <span className="font-mono text-xs">
                    {o.task} · {o.metric},{o.filter}
                  </span>
                  <span className="text-xs text-zinc-500">{[...o.models].join(", ")}</span>
                  {isAdmin && (
                    <Button variant="secondary" className="ml-auto py-0.5! text-xs!" onClick={() => setEditing({ draft: { ...blank, key: o.task, label: o.task, task: o.task, metric: o.metric, filter: o.filter }, isNew: true })}>
                      Add as a column
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </Panel>
        )}
      </div>
    </>
  );
}
