"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { readSort, writeSort } from "./run-sorting";
import { RunsTable } from "./runs-table";
import { useUrlParams } from "./use-url-params";

const filters = [
  { label: "All", states: undefined },
  { label: "Active", states: ["queued", "claimed", "running"] },
  { label: "Finished", states: ["succeeded"] },
  { label: "Problems", states: ["failed", "cancelled", "lost"] },
] as const;
const trainingKinds = ["sft", "rl", "eval"];
const select = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** The state filter (?view=active), the kind (?kind=rl) and the sort (?sort=-duration) live in the URL, so a view is a shareable link. */
export function RunsPage() {
  const project = useCurrentProject();
  const pathname = usePathname();
  const [params, updateParams] = useUrlParams();
  const view = params.get("view") ?? "all";
  const current = filters.find((f) => f.label.toLowerCase() === view) ?? filters[0];
  const kind = params.get("kind");
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const toggle = (runId: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });
  const withView = (label: string) => {
    const next = new URLSearchParams(params);
    if (label === "All") next.delete("view");
    else next.set("view", label.toLowerCase());
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const actions = project.role !== "viewer" && (
    <div className="flex gap-2">
      <ButtonLink href={`/p/${project.slug}/runs/import-log`} variant="secondary">
        Import a log
      </ButtonLink>
      <ButtonLink href={`/p/${project.slug}/runs/new`}>New run</ButtonLink>
    </div>
  );
  return (
    <>
      <PageHeader title="Runs" description="Everything that runs in this project: imports, exports, training and evaluation jobs." action={actions} />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <nav aria-label="Run filter" className="flex gap-1">
          {filters.map((f) => (
            <Link
              key={f.label}
              href={withView(f.label)}
              aria-current={f === current ? "page" : undefined}
              className={`rounded-md px-3 py-1 text-sm ${f === current ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-900"}`}
            >
              {f.label}
            </Link>
          ))}
        </nav>
        <select aria-label="Kind" value={kind ?? ""} onChange={(event) => updateParams({ kind: event.target.value || null })} className={select}>
          <option value="">every kind</option>
          {trainingKinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        {selected.size > 0 && (
          <ButtonLink href={`/p/${project.slug}/runs/compare?runs=${[...selected].sort((a, b) => a - b).join(",")}`} className="ml-auto">
            Compare {selected.size} run{selected.size === 1 ? "" : "s"}
          </ButtonLink>
        )}
      </div>
      <Panel title={`${current.label} runs${kind ? ` of kind ${kind}` : ""}`}>
        <RunsTable
          states={current.states ? [...current.states] : undefined}
          kinds={kind ? [kind] : undefined}
          sort={readSort(params.get("sort"))}
          onSort={(sort) => updateParams({ sort: writeSort(sort) })}
          selection={{ selected, onToggle: toggle }}
        />
      </Panel>
    </>
  );
}
