"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useEffect, useState } from "react";
import { evaluationSampleHref } from "@/components/leaderboard/routes";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { ScoreMark } from "./score-mark";

const pageSize = 100;
// The list shows a gist (the sample view renders the trace): thinking tags dropped, the answer set off by an arrow.
const gist = (response: string | null) =>
  response
    ?.replace(/<answer>/gi, " → ")
    .replace(/<\/?(think|answer)>/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
const rowHeight = 60;

/** One task's per-sample results, virtualised; the next keyset page loads as the scroll nears the end. */
export function EvaluationSampleList({ project, evaluationId, task }: { project: string; evaluationId: string; task: string }) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.evaluations.samples.infiniteQueryOptions({ project, evaluationId, task, limit: pageSize }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  // A state ref: the scroll element appears only once the first page has loaded.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  // The React Compiler is not enabled in this app, so its warning about TanStack Virtual's unmemoisable API does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (query.hasNextPage ? 1 : 0),
    getScrollElement: () => scrollElement,
    estimateSize: () => rowHeight,
    overscan: 8,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastShown = virtualRows.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastShown >= items.length - 1 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastShown, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) return <p className="text-sm text-zinc-500">Loading samples…</p>;
  if (query.error) return <p className="text-sm text-red-600">{query.error.message}</p>;
  if (items.length === 0) {
    return (
      <EmptyState title="No per-sample results for this task.">
        lmms-eval writes them with <code className="font-mono">--log_samples</code>; import an output that has a <code className="font-mono">…_samples_{task}.jsonl</code> file.
      </EmptyState>
    );
  }
  return (
    <div>
      <div className="grid grid-cols-[4rem_3rem_7rem_minmax(0,1fr)] gap-3 border-b border-zinc-200 px-3 pb-2 text-xs font-medium text-zinc-500 dark:border-zinc-800">
        <span>Doc</span>
        <span>Score</span>
        <span>Target</span>
        <span>Response</span>
      </div>
      <div ref={setScrollElement} className="max-h-[calc(100vh-16rem)] min-h-24 overflow-auto">
        <div role="list" aria-label={`Samples of ${task}`} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualRows.map((row) => {
            const sample = items[row.index];
            return (
              <div
                key={row.key}
                role={sample ? "listitem" : undefined}
                className="absolute left-0 top-0 w-full"
                style={{ height: row.size, transform: `translateY(${row.start}px)` }}
              >
                {sample ? (
                  <Link
                    href={evaluationSampleHref(project, evaluationId, sample.id, task)}
                    aria-label={`Document ${sample.docId}`}
                    className="grid h-full grid-cols-[4rem_3rem_7rem_minmax(0,1fr)] items-center gap-3 border-b border-zinc-100 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50"
                  >
                    <span className="truncate font-mono text-xs text-zinc-500">{sample.docId}</span>
                    <ScoreMark score={sample.score} />
                    <span className="truncate font-mono text-xs" title={sample.target ?? undefined}>
                      {sample.target ?? "–"}
                    </span>
                    <span className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">{gist(sample.response) || "(empty response)"}</span>
                  </Link>
                ) : (
                  <p className="px-3 py-2 text-sm text-zinc-500">Loading more…</p>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
