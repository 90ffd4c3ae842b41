"use client";
import Link from "next/link";
import type { LeaderboardData, LeaderboardView } from "@/server/evaluations/leaderboard-view";
import type { LeaderboardParams, SortKey } from "./leaderboard-params";
import type { ShownRow } from "./leaderboard-rows";
import { evaluationHref } from "./routes";
import { Delta, ScoreCell } from "./score-cell";

interface TableProps {
  project: string;
  data: LeaderboardData;
  view: LeaderboardView;
  baseline: ShownRow | null;
  rows: ShownRow[];
  sort: LeaderboardParams["sort"];
  onSort: (key: SortKey) => void;
  onChooseEvaluation: (modelId: string, evaluationId: string | null) => void;
  chosenEvaluations: Record<string, string>;
}

// The average stays in view at the right edge while the benchmark columns scroll under it.
const stickyAverage = "sticky right-0 z-10 border-l border-l-zinc-200 dark:border-l-zinc-800";

/** Models × benchmarks; the pinned baseline sits on top, the other rows follow the chosen sort. */
export function LeaderboardTable(props: TableProps) {
  const { data, view, baseline, rows } = props;
  const labelOf = (key: string) => data.benchmarks.find((b) => b.key === key)?.label ?? key;
  const withAverage = view.averageOver.length > 0;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-0 text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <SortHeader {...props} sortKey="model" label="Model" className="sticky left-0 z-10 bg-white text-left dark:bg-zinc-900" />
            {view.columns.map((key) => (
              <SortHeader key={key} {...props} sortKey={key} label={labelOf(key)} className="text-right" />
            ))}
            {withAverage && (
              <SortHeader
                {...props}
                sortKey="average"
                label={`Avg (${view.averageOver.length})`}
                title={`Average over ${view.averageOver.map(labelOf).join(", ")}`}
                className={`text-right ${stickyAverage} bg-white dark:bg-zinc-900`}
              />
            )}
          </tr>
        </thead>
        <tbody>
          {baseline && <ModelRow {...props} shown={baseline} isBaseline />}
          {rows.map((shown) => (
            <ModelRow key={shown.row.model.id} {...props} shown={shown} isBaseline={false} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="px-2 py-4 text-sm text-zinc-500">No other model matches the filter with a score in the shown columns: clear the filter or show more columns.</p>}
    </div>
  );
}

function SortHeader({ sortKey, label, title, className, sort, onSort }: TableProps & { sortKey: SortKey; label: string; title?: string; className: string }) {
  const active = sort?.key === sortKey;
  const ariaSort = active ? (sort.descending ? "descending" : "ascending") : "none";
  return (
    <th aria-sort={ariaSort} className={`border-b border-zinc-200 px-1.5 py-2 align-bottom text-[11px] leading-tight font-medium dark:border-zinc-800 ${className}`}>
      <button type="button" onClick={() => onSort(sortKey)} title={title ?? `Sort by ${label}`} className={`inline-flex items-end gap-1 hover:text-zinc-900 dark:hover:text-zinc-100 ${active ? "text-zinc-900 dark:text-zinc-100" : ""}`}>
        <span className="whitespace-normal">{label}</span>
        <span aria-hidden className={active ? "" : "invisible"}>
          {active && !sort.descending ? "▲" : "▼"}
        </span>
      </button>
    </th>
  );
}

function ModelRow({ project, data, view, shown, isBaseline, baseline, onChooseEvaluation, chosenEvaluations }: TableProps & { shown: ShownRow; isBaseline: boolean }) {
  const { model, evaluations } = shown.row;
  const evaluated = model.source === "evaluated";
  const baselineName = baseline?.row.model.name ?? "";
  // Opaque, since the sticky model and average cells cover the columns scrolling beneath them.
  const rowTone = isBaseline ? "bg-indigo-50 dark:bg-zinc-800" : "bg-white dark:bg-zinc-900";
  const border = isBaseline ? "border-b-2 border-indigo-200 dark:border-indigo-900" : "border-b border-zinc-100 dark:border-zinc-800";
  const firstEvaluation = Object.values(shown.cells).find(Boolean)?.evaluationId ?? evaluations[0]?.id;
  const trainingData = [model.sftData && `SFT ${model.sftData}`, model.rlData && `RL ${model.rlData}`].filter(Boolean).join(" · ");
  return (
    <tr data-model={model.name} aria-label={isBaseline ? `${model.name} (baseline)` : model.name}>
      <th scope="row" className={`sticky left-0 z-10 w-48 max-w-48 px-2 py-1.5 text-left font-normal ${rowTone} ${border}`}>
        <div className="flex items-center gap-1.5">
          {evaluated && firstEvaluation ? (
            <Link href={evaluationHref(project, firstEvaluation)} className="truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100">
              {model.name}
            </Link>
          ) : (
            <span className="truncate font-medium">{model.name}</span>
          )}
        </div>
        <p className="truncate text-xs text-zinc-500" title={evaluated ? undefined : model.sourceLabel}>
          {isBaseline && <span className="mr-1 rounded bg-indigo-600 px-1 text-[10px] font-semibold uppercase tracking-wide text-white">baseline</span>}
          {evaluated ? (
            <span className="text-emerald-700 dark:text-emerald-400">evaluated here</span>
          ) : (
            <span>
              <span className="rounded bg-zinc-100 px-1 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">reference</span> {model.sourceLabel}
            </span>
          )}
          {trainingData && <span className="text-zinc-400"> · {trainingData}</span>}
        </p>
        {evaluations.length > 1 && (
          <select
            aria-label={`Evaluation that counts for ${model.name}`}
            value={chosenEvaluations[model.id] ?? ""}
            onChange={(event) => onChooseEvaluation(model.id, event.target.value || null)}
            className="mt-1 w-full rounded border border-zinc-300 bg-white px-1 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-950"
          >
            <option value="">Newest of {evaluations.length} evaluations</option>
            {evaluations.map((e) => (
              <option key={e.id} value={e.id}>
                {/* Labels read "<model> · <date>"; the row already names the model. */}
                {e.label.startsWith(`${model.name} · `) ? e.label.slice(model.name.length + 3) : e.label}
              </option>
            ))}
          </select>
        )}
      </th>
      {view.columns.map((key) => {
        const cell = shown.cells[key];
        const higherIsBetter = data.benchmarks.find((b) => b.key === key)?.higherIsBetter ?? true;
        return (
          <td key={key} className={`px-0 text-right tabular-nums ${rowTone} ${border}`}>
            {cell ? (
              <ScoreCell cell={cell} higherIsBetter={higherIsBetter} baselineName={baselineName} href={evaluated ? evaluationHref(project, cell.evaluationId, cell.task) : undefined} />
            ) : (
              <span className="px-1.5 text-zinc-300 dark:text-zinc-600" title="No score">
                –
              </span>
            )}
          </td>
        );
      })}
      {view.averageOver.length > 0 && (
        <td className={`px-2 py-1.5 text-right tabular-nums ${stickyAverage} ${rowTone} ${border}`}>
          {shown.average === null ? (
            <span className="text-zinc-300 dark:text-zinc-600" title="Missing a score the average needs">
              –
            </span>
          ) : (
            <>
              <span className={shown.bestAverage ? "font-bold" : ""}>{shown.average.toFixed(1)}</span>
              {shown.averageDelta !== null && (
                <span className="block text-[11px] leading-4">
                  <Delta value={shown.averageDelta} baselineName={baselineName} />
                </span>
              )}
            </>
          )}
        </td>
      )}
    </tr>
  );
}
