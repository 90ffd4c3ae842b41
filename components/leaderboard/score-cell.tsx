import Link from "next/link";
import type { ShownCell } from "./leaderboard-rows";

const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(1)}`;

/** Percentage points over the baseline: green where the model does better, red where worse (lower-is-better aware). */
export function Delta({ value, higherIsBetter = true, baselineName }: { value: number; higherIsBetter?: boolean; baselineName: string }) {
  const better = higherIsBetter ? value > 0 : value < 0;
  const worse = higherIsBetter ? value < 0 : value > 0;
  const colour = better ? "text-emerald-600 dark:text-emerald-400" : worse ? "text-red-600 dark:text-red-400" : "text-zinc-400";
  return (
    <span data-delta={better ? "better" : worse ? "worse" : "same"} title={`${signed(value)} points vs ${baselineName}`} className={`tabular-nums ${colour}`}>
      {signed(value)}
    </span>
  );
}

/**
 * One score: percent with one decimal, bold when best in its column, † when reproduced, ± its standard error and
 * the delta vs the baseline beneath. A cell of a model evaluated here links to its per-sample results.
 */
export function ScoreCell({
  cell,
  href,
  higherIsBetter,
  baselineName,
}: {
  cell: ShownCell;
  href?: string;
  higherIsBetter: boolean;
  baselineName: string;
}) {
  const content = (
    <>
      <span className={cell.best ? "font-bold" : ""} data-best={cell.best || undefined}>
        {cell.percent.toFixed(1)}
      </span>
      {cell.reproduced && (
        <sup className="ml-px text-zinc-500" title="Reproduced by the table's authors from the released checkpoint">
          †
        </sup>
      )}
      {(cell.stderr !== null || cell.delta !== null) && (
        <span className="block text-[11px] leading-4">
          {cell.stderr !== null && <span className="text-zinc-400" title="Standard error">±{cell.stderr.toFixed(1)}</span>}
          {cell.stderr !== null && cell.delta !== null && " "}
          {cell.delta !== null && <Delta value={cell.delta} higherIsBetter={higherIsBetter} baselineName={baselineName} />}
        </span>
      )}
    </>
  );
  if (!href) return <div className="px-1.5 py-1.5">{content}</div>;
  return (
    // Not prefetched: a table has hundreds of these links, and few are followed.
    <Link href={href} prefetch={false} className="block rounded px-1.5 py-1.5 hover:bg-indigo-50 hover:text-indigo-700 dark:hover:bg-indigo-950/60 dark:hover:text-indigo-300">
      {content}
    </Link>
  );
}
