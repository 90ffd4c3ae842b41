"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { LeaderboardCharts } from "./leaderboard-charts";
import { LeaderboardEmpty } from "./leaderboard-empty";
import { ExportButtons, ExportPreview } from "./leaderboard-export";
import type { SortKey } from "./leaderboard-params";
import { resolveView, shownRows } from "./leaderboard-rows";
import { LeaderboardTable } from "./leaderboard-table";
import { LeaderboardToolbar } from "./leaderboard-toolbar";
import { benchmarksHref, compareHref, importHref, isUuid } from "./routes";
import { useLeaderboardParams } from "./use-leaderboard-params";

export function LeaderboardPage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const { params, changeParams } = useLeaderboardParams();
  const [exportFormat, setExportFormat] = useState<"csv" | "md" | "latex" | null>(null);
  // An edited link may hold a malformed id; the server would refuse the whole request for it.
  const chosenEvaluations = Object.fromEntries(Object.entries(params.chosenEvaluations).filter(([m, e]) => isUuid(m) && isUuid(e)));
  const hasChoice = Object.keys(chosenEvaluations).length > 0;
  const board = useQuery(
    trpc.leaderboard.get.queryOptions({ project: project.slug, chosenEvaluations: hasChoice ? chosenEvaluations : undefined }, { placeholderData: keepPreviousData }),
  );
  const canImport = project.role !== "viewer";

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
          {canImport && <ButtonLink href={importHref(project.slug)}>Import results</ButtonLink>}
        </div>
      }
    />
  );
  if (board.isPending) return <>{header}<p className="text-sm text-zinc-500">Loading the leaderboard…</p></>;
  if (board.error) return <>{header}<ErrorMessage error={board.error} /></>;
  const data = board.data;
  if (data.rows.length === 0) return <>{header}<LeaderboardEmpty project={project.slug} canImport={canImport} /></>;

  const view = resolveView(data, params);
  const { baseline, rows } = shownRows(data, view, params);
  const sortBy = (key: SortKey) =>
    changeParams((current) => ({
      sort: current.sort?.key === key ? { key, descending: !current.sort.descending } : { key, descending: key !== "model" },
    }));
  const chooseEvaluation = (modelId: string, evaluationId: string | null) =>
    changeParams((current) => {
      const { [modelId]: _previous, ...others } = current.chosenEvaluations;
      return { chosenEvaluations: evaluationId ? { ...others, [modelId]: evaluationId } : others };
    });

  return (
    <>
      {header}
      <LeaderboardToolbar data={data} view={view} params={params} changeParams={changeParams} />
      <Panel title={`${rows.length + (baseline ? 1 : 0)} of ${data.rows.length} models`} action={<ExportButtons chosen={exportFormat} onChoose={setExportFormat} />}>
        {exportFormat && <ExportPreview project={project.slug} format={exportFormat} view={view} chosenEvaluations={chosenEvaluations} onClose={() => setExportFormat(null)} />}
        <LeaderboardTable
          project={project.slug}
          data={data}
          view={view}
          baseline={baseline}
          rows={rows}
          sort={params.sort}
          onSort={sortBy}
          chosenEvaluations={chosenEvaluations}
          onChooseEvaluation={chooseEvaluation}
        />
        <p className="mt-3 text-xs text-zinc-500">
          Percent, one decimal. <b>Bold</b>: best in its column. †: reproduced by the table&apos;s authors. ±: standard error.
          {baseline && <> Small figures under a score: points over the baseline {baseline.row.model.name}.</>}
        </p>
      </Panel>
      <LeaderboardCharts
        data={data}
        view={view}
        rows={baseline ? [baseline, ...rows] : rows}
        benchmark={params.chartBenchmark}
        model={params.chartModel}
        onBenchmark={(chartBenchmark) => changeParams({ chartBenchmark })}
        onModel={(chartModel) => changeParams({ chartModel })}
      />
    </>
  );
}
