"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { SampleCard, SampleRow, type SampleListItem } from "./sample-summary";
import type { SampleView } from "./sample-view-params";

const pageSize = 100;
const rowHeight = 88;
const cardHeight = 236;
const cardMinWidth = 200;

/**
 * The samples of a view, virtualised: only the rows on screen are in the DOM, and the next keyset page loads as the
 * scroll nears the end of what is loaded.
 */
export function SampleResults({
  project,
  datasetId,
  view,
  sampleHref,
  sourceLabels,
}: {
  project: string;
  datasetId: string;
  view: SampleView;
  sampleHref: (id: number) => string;
  sourceLabels: Map<string, string>;
}) {
  const trpc = useTRPC();
  const query = useInfiniteQuery(
    trpc.samples.list.infiniteQueryOptions(
      { project, datasetId, filter: view.filter, sort: view.sort, limit: pageSize },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  // A state ref: the scroll element appears only once the first page has loaded.
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const columns = useColumnCount(scrollElement, view.layout === "grid" ? cardMinWidth : Infinity);
  const rowCount = Math.ceil(items.length / columns);

  // The React Compiler is not enabled in this app, so its warning about TanStack Virtual's unmemoisable API does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount + (query.hasNextPage ? 1 : 0),
    getScrollElement: () => scrollElement,
    estimateSize: () => (view.layout === "grid" ? cardHeight : rowHeight),
    overscan: 6,
    paddingEnd: view.layout === "grid" ? 12 : 0,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastShown = virtualRows.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastShown >= rowCount - 1 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [lastShown, rowCount, hasNextPage, isFetchingNextPage, fetchNextPage]);
  // Row sizes differ between list and grid; measured positions from the other layout would be wrong.
  useEffect(() => virtualizer.measure(), [view.layout, columns, virtualizer]);

  if (query.isPending) return <p className="p-4 text-sm text-zinc-500">Loading samples…</p>;
  if (query.error) return <p className="p-4 text-sm text-red-600">{query.error.message}</p>;
  if (items.length === 0) {
    return (
      <div className="p-4">
        <EmptyState title="No sample matches this view.">Loosen a filter, or clear them all, to see samples again.</EmptyState>
      </div>
    );
  }

  const render = (sample: SampleListItem) => {
    const props = { sample, href: sampleHref(sample.id), sourceLabel: sourceLabels.get(sample.sourceId) };
    return view.layout === "grid" ? <SampleCard {...props} /> : <SampleRow {...props} />;
  };
  return (
    <div ref={setScrollElement} data-testid="sample-results" className="max-h-[calc(100vh-12rem)] min-h-24 overflow-auto">
      <div role="list" aria-label="Samples" className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => {
          const rowItems = items.slice(row.index * columns, (row.index + 1) * columns);
          return (
            <div
              key={row.key}
              className={`absolute left-0 top-0 w-full ${view.layout === "grid" ? "grid gap-3 px-3 pt-3" : ""}`}
              style={{ height: row.size, transform: `translateY(${row.start}px)`, gridTemplateColumns: view.layout === "grid" ? `repeat(${columns}, minmax(0, 1fr))` : undefined }}
            >
              {row.index >= rowCount ? (
                <p className="px-3 py-2 text-sm text-zinc-500">Loading more…</p>
              ) : (
                rowItems.map((sample) => (
                  <div role="listitem" key={sample.id} className="h-full min-w-0">
                    {render(sample)}
                  </div>
                ))
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** How many cards of at least `minWidth` fit the element's width (1 for a list). */
function useColumnCount(element: HTMLElement | null, minWidth: number): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return Number.isFinite(minWidth) ? Math.max(1, Math.floor(width / minWidth)) : 1;
}
