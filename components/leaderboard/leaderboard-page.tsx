"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import type { LeaderboardData, LeaderboardView } from "@/server/evaluations/leaderboard-view";
import { LeaderboardEmpty } from "./leaderboard-empty";
import { ExportButtons, ExportPreview } from "./leaderboard-export";
import type { LeaderboardParams, SortKey } from "./leaderboard-params";
import { arrangeRows, resolveView, viewRows } from "./leaderboard-rows";
import { LeaderboardTable } from "./leaderboard-table";
import { LeaderboardToolbar } from "./leaderboard-toolbar";
import { ModelForm } from "./model-form";
import { benchmarksHref, compareHref, importHref, isUuid } from "./routes";
import { useLeaderboardParams } from "./use-leaderboard-params";

// The charting library is most of this page's script: it loads after the table, in the browser only.
const LeaderboardCharts = dynamic(() => import("./leaderboard-charts").then((module) => module.LeaderboardCharts), {
  ssr: false,
  loading: () => <p className="mt-4 text-sm text-zinc-500">Loading the charts…</p>,
});

export function LeaderboardPage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const { params, changeParams } = useLeaderboardParams();
  // An edited link may hold a malformed id; the server would refuse the whole request for it.
  const chosenEvaluations = useMemo(
    () => Object.fromEntries(Object.entries(params.chosenEvaluations).filter(([m, e]) => isUuid(m) && isUuid(e))),
    [params.chosenEvaluations],
  );
  const hasChoice = Object.keys(chosenEvaluations).length > 0;
  const board = useQuery(
    trpc.leaderboard.get.queryOptions({ project: project.slug, chosenEvaluations: hasChoice ? chosenEvaluations : undefined }, { placeholderData: keepPreviousData }),
  );
  const canEdit = project.role !== "viewer";

  const header = (
    <PageHeader
      title="Leaderboard"
      description="Models × benchmarks from lmms-eval results here and papers' reference rows. Click a score of a model evaluated here for its samples."
      action={
        <div className="flex shrink-0 gap-2">
          <ButtonLink href={compareHref(project.slug)} variant="secondary">
            Compare two models
          </ButtonLink>
          <ButtonLink href={benchmarksHref(project.slug)} variant="secondary">
            Benchmarks
          </ButtonLink>
          {canEdit && <ButtonLink href={importHref(project.slug)}>Import results</ButtonLink>}
        </div>
      }
    />
  );
  if (board.isPending) return <>{header}<p className="text-sm text-zinc-500">Loading the leaderboard…</p></>;
  if (board.error) return <>{header}<ErrorMessage error={board.error} /></>;
  if (board.data.rows.length === 0) return <>{header}<LeaderboardEmpty project={project.slug} canImport={canEdit} /></>;
  return (
    <>
      {header}
      <Leaderboard project={project.slug} data={board.data} params={params} changeParams={changeParams} chosenEvaluations={chosenEvaluations} canEdit={canEdit} />
    </>
  );
}

interface LeaderboardProps {
  project: string;
  data: LeaderboardData;
  params: LeaderboardParams;
  changeParams: ReturnType<typeof useLeaderboardParams>["changeParams"];
  chosenEvaluations: Record<string, string>;
  canEdit: boolean;
}

/**
 * The table, its toolbar and charts for the view in the URL. Scores, bests, averages and deltas are derived once per
 * view; the charts follow a moment later, so a change shows in the table first.
 */
function Leaderboard({ project, data, params, changeParams, chosenEvaluations, canEdit }: LeaderboardProps) {
  const [exportFormat, setExportFormat] = useState<"csv" | "md" | "latex" | null>(null);
  const [editedModelId, setEditedModelId] = useState<string | null>(null);
  // Keyed by content: while only the sort, the filter or a chart changes, the view and the rows derived from it stay
  // the same objects, and the table's rows skip rendering.
  const viewKey = JSON.stringify(resolveView(data, params));
  const view = useMemo(() => JSON.parse(viewKey) as LeaderboardView, [viewKey]);
  const allRows = useMemo(() => viewRows(data, view), [data, view]);
  const { filter, sort } = params;
  const { baseline, rows } = useMemo(() => arrangeRows(allRows, view, { filter, sort }), [allRows, view, filter, sort]);
  const chartRows = useDeferredValue(useMemo(() => (baseline ? [baseline, ...rows] : rows), [baseline, rows]));
  const chartView = useDeferredValue(view);
  const editedModel = data.rows.find((r) => r.model.id === editedModelId)?.model;

  const sortBy = useCallback(
    (key: SortKey) =>
      changeParams((current) => ({
        sort: current.sort?.key === key ? { key, descending: !current.sort.descending } : { key, descending: key !== "model" },
      })),
    [changeParams],
  );
  const chooseEvaluation = useCallback(
    (modelId: string, evaluationId: string | null) =>
      changeParams((current) => {
        const { [modelId]: _previous, ...others } = current.chosenEvaluations;
        return { chosenEvaluations: evaluationId ? { ...others, [modelId]: evaluationId } : others };
      }),
    [changeParams],
  );
  const chartBenchmark = useCallback((key: string) => changeParams({ chartBenchmark: key }), [changeParams]);
  const chartModel = useCallback((modelId: string) => changeParams({ chartModel: modelId }), [changeParams]);

  return (
    <>
      <LeaderboardToolbar data={data} view={view} params={params} changeParams={changeParams} />
      <Panel title={`${rows.length + (baseline ? 1 : 0)} of ${data.rows.length} models`} action={<ExportButtons chosen={exportFormat} onChoose={setExportFormat} />}>
        {exportFormat && <ExportPreview project={project} format={exportFormat} view={view} chosenEvaluations={chosenEvaluations} onClose={() => setExportFormat(null)} />}
        {editedModel && <ModelForm key={editedModel.id} project={project} model={editedModel} onDone={() => setEditedModelId(null)} />}
        <LeaderboardTable
          project={project}
          data={data}
          view={view}
          baseline={baseline}
          rows={rows}
          sort={params.sort}
          onSort={sortBy}
          chosenEvaluations={chosenEvaluations}
          onChooseEvaluation={chooseEvaluation}
          onEditModel={canEdit ? setEditedModelId : undefined}
        />
        <p className="mt-3 text-xs text-zinc-500">
          Percent, one decimal. <b>Bold</b>: best in its column. †: reproduced by the table&apos;s authors. ±: standard error.
          {baseline && <> Small figures under a score: points over the baseline {baseline.row.model.name}.</>}
        </p>
      </Panel>
      <LeaderboardCharts
        data={data}
        view={chartView}
        rows={chartRows}
        benchmark={params.chartBenchmark}
        model={params.chartModel}
        onBenchmark={chartBenchmark}
        onModel={chartModel}
      />
    </>
  );
}
