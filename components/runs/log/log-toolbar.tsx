"use client";
import { Button } from "@/components/ui/button";

interface LogToolbarProps {
  query: string;
  onQuery(value: string): void;
  matchCount: number;
  /** Index into the matches, -1 when there are none. */
  currentMatch: number;
  onStep(delta: 1 | -1): void;
  follow: boolean;
  onFollow(follow: boolean): void;
  lineCount: number;
  live: boolean;
}

export function LogToolbar(props: LogToolbarProps) {
  const { query, matchCount, currentMatch } = props;
  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
      <input
        type="search"
        aria-label="Search the log"
        placeholder="Search the log"
        value={query}
        onChange={(event) => props.onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") props.onStep(event.shiftKey ? -1 : 1);
        }}
        className="w-64 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
      />
      {query !== "" && (
        <>
          <span className="tabular-nums text-zinc-500" aria-live="polite">
            {matchCount === 0 ? "no matching line" : `line ${currentMatch + 1} of ${matchCount.toLocaleString("en")} matching`}
          </span>
          <Button variant="ghost" className="px-2 py-0.5" aria-label="Previous match" disabled={matchCount === 0} onClick={() => props.onStep(-1)}>
            ↑
          </Button>
          <Button variant="ghost" className="px-2 py-0.5" aria-label="Next match" disabled={matchCount === 0} onClick={() => props.onStep(1)}>
            ↓
          </Button>
        </>
      )}
      <span className="ml-auto tabular-nums text-xs text-zinc-500">{props.lineCount.toLocaleString("en")} lines</span>
      <label className="flex items-center gap-1.5 text-zinc-600 dark:text-zinc-300" title={props.live ? "Keep the newest line in view" : "Jump to the last line"}>
        <input type="checkbox" checked={props.follow} onChange={(event) => props.onFollow(event.target.checked)} className="accent-indigo-600" />
        Follow
      </label>
    </div>
  );
}
