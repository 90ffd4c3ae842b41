"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { leaderboardQuery, parseLeaderboardParams, type LeaderboardParams } from "./leaderboard-params";

/**
 * The leaderboard view held in the URL. Changes go through history.replaceState, which Next.js syncs into
 * useSearchParams: each change starts from the URL as it is now, and typing in the filter adds no history entries.
 */
export function useLeaderboardParams() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const params = useMemo(() => parseLeaderboardParams(new URLSearchParams(query)), [query]);
  const changeParams = useCallback(
    (change: Partial<LeaderboardParams> | ((current: LeaderboardParams) => Partial<LeaderboardParams>)) => {
      const current = parseLeaderboardParams(new URLSearchParams(window.location.search));
      const next = leaderboardQuery({ ...current, ...(typeof change === "function" ? change(current) : change) });
      window.history.replaceState(null, "", next ? `${pathname}?${next}` : pathname);
    },
    [pathname],
  );
  return { params, changeParams };
}
