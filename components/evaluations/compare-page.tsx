"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { compareHref, importHref, leaderboardHref } from "@/components/leaderboard/routes";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ComparePicker, sharedTasks } from "./compare-picker";
import { ComparisonSummary } from "./comparison-summary";
import { FlipLists } from "./flip-lists";

// The markdown + KaTeX renderer is most of this page's script and serves only an opened sample: it loads then.
const SideBySide = dynamic(() => import("./side-by-side").then((module) => module.SideBySide), {
  ssr: false,
  loading: () => <div className="h-64" aria-hidden />,
});

/** Two evaluations on one task, sample by sample. The URL (?a=&b=&task=&doc=) holds the whole view. */
export function ComparePage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const search = useSearchParams();
  const evaluations = useQuery(trpc.evaluations.list.queryOptions({ project: project.slug }, { select: (all) => all.filter((e) => Object.keys(e.samples).length > 0) }));
  const all = evaluations.data ?? [];
  const a = search.get("a") ?? undefined;
  const b = search.get("b") ?? undefined;
  const doc = search.get("doc") ?? undefined;
  const evaluationA = all.find((e) => e.id === a);
  const evaluationB = all.find((e) => e.id === b);
  const tasks = sharedTasks(evaluationA, evaluationB);
  const requestedTask = search.get("task") ?? undefined;
  const task = requestedTask && tasks.includes(requestedTask) ? requestedTask : tasks[0];
  const ready = evaluationA && evaluationB && task && a !== b;
  const comparison = useQuery(
    trpc.evaluations.compare.queryOptions({ project: project.slug, evaluationA: a ?? "", evaluationB: b ?? "", task: task ?? "" }, { enabled: Boolean(ready) }),
  );
  // history.replaceState changes the URL at once (Next.js syncs it into useSearchParams), so a second pick made before
  // the page re-renders still starts from the first. Any change closes an open side-by-side view (doc).
  const change = (next: { a?: string; b?: string; task?: string }) => {
    const current = new URLSearchParams(window.location.search);
    const merged = { a: current.get("a") ?? undefined, b: current.get("b") ?? undefined, task: current.get("task") ?? task, ...next };
    window.history.replaceState(null, "", compareHref(project.slug, merged));
  };

  const header = (
    <>
      <Link href={leaderboardHref(project.slug)} className="text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        ← Leaderboard
      </Link>
      <PageHeader title="Compare two models" description="Two evaluations on one task, document by document: which samples flipped, and whether the difference is more than chance." />
    </>
  );
  if (evaluations.isPending) return <>{header}<p className="text-sm text-zinc-500">Loading evaluations…</p></>;
  if (evaluations.error) return <>{header}<ErrorMessage error={evaluations.error} /></>;
  if (all.length < 2) {
    return (
      <>
        {header}
        <EmptyState title="A comparison needs two evaluations with per-sample results.">
          <p>Import lmms-eval outputs written with --log_samples for two models on the same task.</p>
          {project.role !== "viewer" && (
            <ButtonLink href={importHref(project.slug, "lmms-eval")} className="mt-3">
              Import lmms-eval output
            </ButtonLink>
          )}
        </EmptyState>
      </>
    );
  }
  const nameA = evaluationA?.model ?? "A";
  const nameB = evaluationB?.model ?? "B";
  return (
    <>
      {header}
      <div className="space-y-4">
        <Panel title="What to compare">
          <ComparePicker evaluations={all} a={a} b={b} task={task} tasks={tasks} onChange={change} />
          {a && a === b && <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">Choose two different evaluations.</p>}
        </Panel>
        {!ready && a !== b && <EmptyState title="Choose model A, model B and a task they share.">Only tasks both evaluations have per-sample results for are offered.</EmptyState>}
        {ready && comparison.isPending && <p className="text-sm text-zinc-500">Comparing {task} sample by sample…</p>}
        <ErrorMessage error={comparison.error} />
        {ready && comparison.data && (
          <>
            <Panel title={`${nameA} vs ${nameB} on ${task}`}>
              <ComparisonSummary comparison={comparison.data} nameA={nameA} nameB={nameB} />
            </Panel>
            {doc && <SideBySide key={doc} project={project.slug} a={a!} b={b!} task={task} docId={doc} nameA={nameA} nameB={nameB} />}
            <FlipLists project={project.slug} a={a!} b={b!} task={task} comparison={comparison.data} openDoc={doc} />
          </>
        )}
      </div>
    </>
  );
}
