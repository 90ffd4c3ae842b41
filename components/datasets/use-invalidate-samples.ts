"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/components/trpc/client";

/** After a curation change: lists, counts, samples and tag counts of the dataset all read stale data. */
export function useInvalidateSamples() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.samples.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.datasets.tags.queryKey() }),
      ]),
    [queryClient, trpc],
  );
}
