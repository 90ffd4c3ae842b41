"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { parseSampleView, sampleViewQuery, type SampleView } from "./sample-view-params";

/**
 * The dataset view held in the URL. Changes go through history.replaceState, which Next.js syncs into useSearchParams:
 * the URL changes at once, so quick successive changes each start from the one before (no history entry per keystroke).
 */
export function useSampleView() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const view = useMemo(() => parseSampleView(new URLSearchParams(query)), [query]);
  const changeView = useCallback(
    (change: (current: SampleView) => SampleView) => {
      const next = sampleViewQuery(change(parseSampleView(new URLSearchParams(window.location.search))));
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname],
  );
  const updateFilter = useCallback(
    (change: Partial<SampleView["filter"]>) => changeView((current) => ({ ...current, filter: { ...current.filter, ...change } })),
    [changeView],
  );
  return { view, query: sampleViewQuery(view), changeView, updateFilter };
}
