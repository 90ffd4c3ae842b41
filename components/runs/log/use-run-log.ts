"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { linesOfPayload, toLogLine, type LogLine } from "./log-text";

const PAGE_SIZE = 1000;
/** Live views update within 2 seconds: the next poll starts this long after the last one ended. */
const POLL_MS = 1_500;

interface RunLogState {
  lines: LogLine[];
  loaded: boolean;
  error: Error | null;
}

/**
 * The log lines of a run, loaded incrementally: every page after the last sequence number seen, then (while the run
 * is live) a poll for new events. Each page is fetched once and not cached, so a long log is held once, here.
 * Render it under `key={runId}`: the position belongs to one run.
 */
export function useRunLog(runId: number, live: boolean): RunLogState {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<RunLogState>({ lines: [], loaded: false, error: null });
  // The last sequence number whose lines are in `state`: a restart of the loop (the run finishing) reads on from it.
  const lastSeq = useRef(0);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function pullNewEvents() {
      try {
        for (;;) {
          const events = await queryClient.fetchQuery({
            ...trpc.runs.events.queryOptions({ project: project.slug, runId, afterSeq: lastSeq.current, limit: PAGE_SIZE }),
            staleTime: 0,
            gcTime: 0,
          });
          if (stopped) return;
          const fresh = events.filter((e) => e.type === "log").flatMap((e) => linesOfPayload(e.payload).map(toLogLine));
          if (events.length > 0) lastSeq.current = events[events.length - 1].seq;
          // An empty poll keeps the same state object: nothing re-renders.
          setState((prev) => (fresh.length === 0 && prev.loaded && !prev.error ? prev : { lines: prev.lines.concat(fresh), loaded: true, error: null }));
          if (events.length < PAGE_SIZE) break;
        }
      } catch (error) {
        if (!stopped) setState((prev) => ({ ...prev, loaded: true, error: error as Error }));
      }
      if (!stopped && live) timer = setTimeout(() => void pullNewEvents(), POLL_MS);
    }

    void pullNewEvents();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [project.slug, runId, live, queryClient, trpc]);

  return state;
}
