"use client";
import { useQuery } from "@tanstack/react-query";
import { activeRunStates } from "@/components/runs/run-state-badge";
import { useTRPC } from "@/components/trpc/client";

/** How many recent exports the versions panel shows. */
export const recentExportLimit = 5;

/** The dataset's recent exports, polled while one of them is still going. */
export function useDatasetExports(project: string, datasetId: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.datasetExports.list.queryOptions(
      { project, datasetId, limit: recentExportLimit },
      { refetchInterval: (q) => (q.state.data?.items.some((item) => activeRunStates.includes(item.state)) ? 2_000 : false) },
    ),
  );
}
