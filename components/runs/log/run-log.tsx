"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import { ErrorMessage } from "@/components/ui/field";
import { LogLineView } from "./log-line-view";
import { matchingLines } from "./log-text";
import { LogToolbar } from "./log-toolbar";
import { useRunLog } from "./use-run-log";

const ROW_HEIGHT = 20;

/**
 * A run's log: virtualised (only the visible lines are in the page), terminal colours drawn, a search that marks
 * matches and steps through them, and "follow", which keeps the newest line in view while the run is live.
 * Scrolling away from the bottom stops following; scrolling back to it resumes.
 */
export function RunLog({ runId, live }: { runId: number; live: boolean }) {
  const { lines, loaded, error } = useRunLog(runId, live);
  const [query, setQuery] = useState("");
  const search = useDeferredValue(query);
  const matches = useMemo(() => matchingLines(lines, search), [lines, search]);
  const [currentMatch, setCurrentMatch] = useState(0);
  const [follow, setFollow] = useState(live);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  // The React Compiler is not enabled in this app, so its warning about TanStack Virtual's unmemoisable API does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scrollElement, estimateSize: () => ROW_HEIGHT, overscan: 20 });

  // scrollElement is a dependency: the first lines render the scroll box, and only then can it be scrolled.
  useEffect(() => {
    if (follow && scrollElement && lines.length > 0) virtualizer.scrollToIndex(lines.length - 1, { align: "end" });
  }, [follow, lines.length, virtualizer, scrollElement]);

  const shownMatch = matches.length === 0 ? -1 : Math.min(currentMatch, matches.length - 1);
  function goToMatch(position: number) {
    if (matches.length === 0) return;
    const next = (position + matches.length) % matches.length;
    setCurrentMatch(next);
    setFollow(false);
    virtualizer.scrollToIndex(matches[next], { align: "center" });
  }

  if (error) return <ErrorMessage error={error} />;
  if (!loaded) return <p className="text-sm text-zinc-500">Loading the log…</p>;
  if (lines.length === 0) return <p className="text-sm text-zinc-500">{live ? "Waiting for output…" : "This run wrote no log."}</p>;
  return (
    <div>
      <LogToolbar
        query={query}
        onQuery={(value) => {
          setQuery(value);
          setCurrentMatch(0);
        }}
        matchCount={matches.length}
        currentMatch={shownMatch}
        onStep={(delta) => goToMatch(shownMatch + delta)}
        follow={follow}
        onFollow={setFollow}
        lineCount={lines.length}
        live={live}
      />
      <div
        ref={setScrollElement}
        role="log"
        aria-label="Run log"
        tabIndex={0}
        onScroll={(event) => {
          const box = event.currentTarget;
          setFollow(box.scrollHeight - box.scrollTop - box.clientHeight < ROW_HEIGHT);
        }}
        className="h-[28rem] overflow-auto rounded-md bg-zinc-950 py-2 font-mono text-xs leading-5 text-zinc-100"
      >
        <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize(), width: "max-content" }}>
          {virtualizer.getVirtualItems().map((row) => (
            <div key={row.key} className="absolute left-0 top-0 min-w-full pr-3" style={{ height: ROW_HEIGHT, transform: `translateY(${row.start}px)` }}>
              <LogLineView number={row.index + 1} text={lines[row.index].text} query={search} current={shownMatch >= 0 && matches[shownMatch] === row.index} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
