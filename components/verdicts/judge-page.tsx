"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { AgreementMatrix } from "./agreement-matrix";
import { CellItems } from "./cell-items";
import { EndpointsSummary } from "./endpoints-summary";
import { ItemDetail } from "./item-detail";
import { parseTarget, useJudgeParams } from "./judge-params";
import { JudgeJobs } from "./judge-jobs";
import { PairwiseTable } from "./pairwise-table";
import { StartJudgeForm } from "./start-judge-form";

/** Judge jobs, and how far graders (judge runs, their stages, imported verdicts, the harness, people) agree on a target. */
export function JudgePage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const { params, change } = useJudgeParams();
  const target = parseTarget(params.target);
  const canEdit = project.role !== "viewer";
  const datasets = useQuery(trpc.datasets.list.queryOptions({ project: project.slug }));
  const evaluations = useQuery(trpc.evaluations.list.queryOptions({ project: project.slug }));
  const pairwise = useQuery({ ...trpc.verdicts.pairwise.queryOptions({ project: project.slug, target: target! }, { placeholderData: keepPreviousData }), enabled: target !== null });
  const graders = pairwise.data?.graders ?? [];
  const a = graders.some((g) => g.id === params.a) ? params.a : (graders[0]?.id ?? null);
  const b = graders.some((g) => g.id === params.b) && params.b !== a ? params.b : (graders.find((g) => g.id !== a)?.id ?? null);
  const agreement = useQuery({ ...trpc.verdicts.agreement.queryOptions({ project: project.slug, target: target!, a: a!, b: b! }), enabled: target !== null && a !== null && b !== null });
  const labelOf = (id: string | null) => graders.find((g) => g.id === id)?.label ?? "";

  return (
    <div className="space-y-6">
      <PageHeader title="Judge" description="Judge jobs over datasets and evaluations, and how far graders agree: judge runs, their rule and math stages, imported verdicts, the harness's score and human labels." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <JudgeJobs project={project.slug} />
        </div>
        <EndpointsSummary project={project.slug} />
      </div>
      {canEdit && <StartJudgeForm project={project.slug} />}
      <Panel title="Agreement">
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField label="Target" value={params.target ?? ""} onChange={(e) => change({ target: e.target.value, a: null, b: null, cell: null, item: null })}>
            <option value="">Choose a dataset or an evaluation…</option>
            {datasets.data?.map((d) => (
              <option key={d.id} value={`dataset:${d.id}`}>
                Dataset: {d.name}
              </option>
            ))}
            {evaluations.data?.map((e) => (
              <option key={e.id} value={`evaluation:${e.id}`}>
                Evaluation: {e.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Grader A" value={a ?? ""} disabled={graders.length < 2} onChange={(e) => change({ a: e.target.value, cell: null, item: null })}>
            {graders.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Grader B" value={b ?? ""} disabled={graders.length < 2} onChange={(e) => change({ b: e.target.value, cell: null, item: null })}>
            {graders.map((g) => (
              <option key={g.id} value={g.id} disabled={g.id === a}>
                {g.label}
              </option>
            ))}
          </SelectField>
        </div>
        <ErrorMessage error={pairwise.error ?? agreement.error} />
        {target === null && <EmptyState title="Pick a target.">The figures compare graders over one dataset or evaluation.</EmptyState>}
        {target !== null && pairwise.isSuccess && graders.length < 2 && (
          <EmptyState title="Nothing to compare yet.">{graders.length === 0 ? "No grader has graded this target: run a judge over it." : "One grader so far: run another judge, or label verdicts."}</EmptyState>
        )}
        {agreement.data && a && b && (
          <div className="mt-4 grid gap-6 lg:grid-cols-2">
            <AgreementMatrix agreement={agreement.data} labelA={labelOf(a)} labelB={labelOf(b)} selected={params.cell} onSelect={(cell) => change({ a, b, cell, item: null })} />
            <PairwiseTable graders={graders} pairs={pairwise.data?.pairs ?? []} onPick={(pa, pb) => change({ a: pa, b: pb, cell: null, item: null })} />
          </div>
        )}
      </Panel>
      {target && a && b && params.cell && (
        <div className="grid gap-6 lg:grid-cols-2">
          <Panel title={`Items: ${params.cell.replaceAll("_", " ")}`}>
            <CellItems project={project.slug} target={target} a={a} b={b} cell={params.cell} canEdit={canEdit} selected={params.item} onOpen={(item) => change({ item })} />
          </Panel>
          <Panel title="Item">{params.item ? <ItemDetail project={project.slug} target={target} itemId={params.item} canEdit={canEdit} /> : <p className="text-sm text-zinc-500">Open an item to see each stage&apos;s outcome.</p>}</Panel>
        </div>
      )}
    </div>
  );
}
