"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { memo, useMemo, useRef, type Ref } from "react";
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
  /** Given to project members: opens the model's edit form. */
  onEditModel?: (modelId: string) => void;
}

// A first guess at a row's height (name and source lines); rows are measured once drawn.
const estimatedRowHeight = 48;
// Rows drawn beyond the visible ones, which also covers the header and the baseline row above the virtual rows.
const overscan = 10;

// The average stays in view at the right edge while the benchmark columns scroll under it.
const stickyAverage = "sticky right-0 border-l border-l-zinc-200 dark:border-l-zinc-800";
const headerCell = "sticky top-0 bg-white dark:bg-zinc-900";

/**
 * Models × benchmarks; the pinned baseline sits on top, the other rows follow the chosen sort. Only the rows in view
 * are in the page (hundreds of models × dozens of benchmarks would be tens of thousands of elements); the header and
 * the model column stay in view as the table scrolls.
 */
export function LeaderboardTable({ project, data, view, baseline, rows, sort, onSort, onChooseEvaluation, chosenEvaluations, onEditModel }: TableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler is not enabled in this app, so its warning about TanStack Virtual's unmemoisable API does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => rows[index].row.model.id,
    overscan,
  });
  const columns = useMemo(() => {
    const byKey = new Map(data.benchmarks.map((b) => [b.key, b]));
    return view.columns.map((key) => ({ key, label: byKey.get(key)?.label ?? key, higherIsBetter: byKey.get(key)?.higherIsBetter ?? true }));
  }, [data.benchmarks, view.columns]);
  const labelOf = (key: string) => data.benchmarks.find((b) => b.key === key)?.label ?? key;
  const withAverage = view.averageOver.length > 0;
  const baselineName = baseline?.row.model.name ?? "";
  const shared = { project, columns, withAverage, baselineName, onChooseEvaluation, onEditModel };
  const virtualRows = virtualizer.getVirtualItems();
  const spaceAbove = virtualRows[0]?.start ?? 0;
  const spaceBelow = virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0);
  const columnCount = columns.length + (withAverage ? 2 : 1);
  const firstRowIndex = baseline ? 3 : 2;
  const sortHeader = { sort, onSort };
  return (
    <div ref={scroller} className="max-h-[calc(100vh-8rem)] overflow-auto">
      <table aria-rowcount={rows.length + firstRowIndex - 1} className="w-full border-separate border-spacing-0 text-sm">
        <thead className="text-xs text-zinc-500">
          <tr aria-rowindex={1}>
            <SortHeader {...sortHeader} sortKey="model" label="Model" className={`${headerCell} left-0 z-30 text-left`} />
            {columns.map((column) => (
              <SortHeader key={column.key} {...sortHeader} sortKey={column.key} label={column.label} className={`${headerCell} z-20 text-right`} />
            ))}
            {withAverage && (
              <SortHeader
                {...sortHeader}
                sortKey="average"
                label={`Avg (${view.averageOver.length})`}
                title={`Average over ${view.averageOver.map(labelOf).join(", ")}`}
                className={`${headerCell} ${stickyAverage} z-30 text-right`}
              />
            )}
          </tr>
        </thead>
        <tbody>
          {baseline && <ModelRow {...shared} shown={baseline} rowIndex={2} isBaseline chosenEvaluation={chosenEvaluations[baseline.row.model.id]} />}
          {spaceAbove > 0 && <Spacer height={spaceAbove} columnCount={columnCount} />}
          {virtualRows.map((item) => {
            const shown = rows[item.index];
            return (
              <ModelRow
                key={item.key}
                {...shared}
                shown={shown}
                rowIndex={item.index + firstRowIndex}
                measureRef={virtualizer.measureElement}
                virtualIndex={item.index}
                isBaseline={false}
                chosenEvaluation={chosenEvaluations[shown.row.model.id]}
              />
            );
          })}
          {spaceBelow > 0 && <Spacer height={spaceBelow} columnCount={columnCount} />}
        </tbody>
      </table>
      {rows.length === 0 && <p className="px-2 py-4 text-sm text-zinc-500">No other model matches the filter with a score in the shown columns: clear the filter or show more columns.</p>}
    </div>
  );
}

/** Stands in for the rows out of view, so the scroll bar reflects the whole table. */
function Spacer({ height, columnCount }: { height: number; columnCount: number }) {
  return (
    <tr aria-hidden="true">
      <td colSpan={columnCount} style={{ height, padding: 0 }} />
    </tr>
  );
}

function SortHeader({
  sortKey,
  label,
  title,
  className,
  sort,
  onSort,
}: Pick<TableProps, "sort" | "onSort"> & { sortKey: SortKey; label: string; title?: string; className: string }) {
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

interface ModelRowProps {
  project: string;
  columns: { key: string; higherIsBetter: boolean }[];
  withAverage: boolean;
  baselineName: string;
  shown: ShownRow;
  isBaseline: boolean;
  rowIndex: number;
  chosenEvaluation: string | undefined;
  onChooseEvaluation: TableProps["onChooseEvaluation"];
  onEditModel: TableProps["onEditModel"];
  measureRef?: Ref<HTMLTableRowElement>;
  /** The row's place among the virtual rows, which the virtualizer reads back when it measures the row. */
  virtualIndex?: number;
}

// Memoised: while the table scrolls, the rows still in view keep their elements untouched.
const ModelRow = memo(function ModelRow({
  project,
  columns,
  withAverage,
  baselineName,
  shown,
  isBaseline,
  rowIndex,
  chosenEvaluation,
  onChooseEvaluation,
  onEditModel,
  measureRef,
  virtualIndex,
}: ModelRowProps) {
  const { model, evaluations } = shown.row;
  const evaluated = model.source === "evaluated";
  // Opaque, since the sticky model and average cells cover the columns scrolling beneath them.
  const rowTone = isBaseline ? "bg-indigo-50 dark:bg-zinc-800" : "bg-white dark:bg-zinc-900";
  const border = isBaseline ? "border-b-2 border-indigo-200 dark:border-indigo-900" : "border-b border-zinc-100 dark:border-zinc-800";
  const firstEvaluation = Object.values(shown.cells).find(Boolean)?.evaluationId ?? evaluations[0]?.id;
  const facts = [model.baseModel && `from ${model.baseModel}`, model.sftData && `SFT ${model.sftData}`, model.rlData && `RL ${model.rlData}`].filter(Boolean).join(" · ");
  return (
    <tr
      ref={measureRef}
      data-index={virtualIndex}
      data-model={model.name}
      aria-rowindex={rowIndex}
      aria-label={isBaseline ? `${model.name} (baseline)` : model.name}
      className="group"
    >
      <th scope="row" className={`sticky left-0 z-10 w-48 max-w-48 px-2 py-1.5 text-left font-normal ${rowTone} ${border}`}>
        <div className="flex items-center gap-1.5">
          {evaluated && firstEvaluation ? (
            <Link href={evaluationHref(project, firstEvaluation)} prefetch={false} className="truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100">
              {model.name}
            </Link>
          ) : (
            <span className="truncate font-medium">{model.name}</span>
          )}
          {onEditModel && (
            <button
              type="button"
              onClick={() => onEditModel(model.id)}
              aria-label={`Edit ${model.name}`}
              title="Edit the model's name, base model, training data and source"
              className="ml-auto shrink-0 rounded px-1 text-xs text-zinc-400 opacity-0 group-hover:opacity-100 hover:bg-zinc-100 hover:text-zinc-700 focus:opacity-100 dark:hover:bg-zinc-700 dark:hover:text-zinc-200"
            >
              ✎
            </button>
          )}
        </div>
        <p className="truncate text-xs text-zinc-500" title={[evaluated ? "evaluated here" : model.sourceLabel, facts].filter(Boolean).join(" · ")}>
          {isBaseline && <span className="mr-1 rounded bg-indigo-600 px-1 text-[10px] font-semibold uppercase tracking-wide text-white">baseline</span>}
          {evaluated ? (
            <span className="text-emerald-700 dark:text-emerald-400">evaluated here</span>
          ) : (
            <span>
              <span className="rounded bg-zinc-100 px-1 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">reference</span> {model.sourceLabel}
            </span>
          )}
          {facts && <span className="text-zinc-400"> · {facts}</span>}
        </p>
        {evaluations.length > 1 && (
          <select
            aria-label={`Evaluation that counts for ${model.name}`}
            value={chosenEvaluation ?? ""}
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
      {columns.map(({ key, higherIsBetter }) => {
        const cell = shown.cells[key];
        return (
          // A minimum width keeps columns from shifting as rows of wider figures scroll into view.
          <td key={key} className={`min-w-18 px-0 text-right tabular-nums ${rowTone} ${border}`}>
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
      {withAverage && (
        <td className={`z-10 px-2 py-1.5 text-right tabular-nums ${stickyAverage} ${rowTone} ${border}`}>
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
});
