"use client";
import { useQueries } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { ChartControls, chartSettingsOf } from "../charts/chart-controls";
import { defaultChartKeys, hasWallTime } from "../charts/series";
import { RunStateBadge } from "../run-state-badge";
import { useUrlParams } from "../use-url-params";
import { ConfigDiff } from "./config-diff";
import { readRunIds } from "./compare-params";
import { runColour } from "./run-colours";

// The charting library is most of this page's script: it loads after the page, in the browser only.
const OverlayChart = dynamic(() => import("./overlay-chart").then((module) => module.OverlayChart), {
  ssr: false,
  loading: () => <div className="h-[340px]" aria-hidden />,
});

const MAX_RUNS = 8;
const select = "max-w-80 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950";

/**
 * Several runs side by side (`?runs=1,2,3`): one metric overlaid (`metric`, default the first known panel any of
 * them has), and a diff of two of their configs. Everything is in the URL.
 */
export function ComparePage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const [params, updateParams] = useUrlParams();
  const runIds = readRunIds(params.get("runs"), MAX_RUNS);
  const input = (runId: number) => ({ project: project.slug, runId });
  const runs = useQueries({ queries: runIds.map((id) => trpc.runs.get.queryOptions(input(id))) });
  const keyLists = useQueries({ queries: runIds.map((id) => trpc.runs.metricKeys.queryOptions(input(id))) });
  const allKeys = [...new Set(keyLists.flatMap((q) => q.data ?? []))].sort();
  const metric = params.get("metric") ?? defaultChartKeys(allKeys)[0] ?? allKeys[0];
  const series = useQueries({
    queries: runIds.map((id) => ({ ...trpc.runs.metricSeries.queryOptions({ ...input(id), keys: [metric ?? ""], maxPoints: 1_000 }), enabled: metric !== undefined })),
  });
  const { smoothing, xAxis: requestedAxis } = chartSettingsOf(params);
  const loadedRuns = runs.flatMap((q) => (q.data ? [q.data] : []));
  const overlay = runIds.flatMap((runId, i) => {
    const points = series[i].data?.[0]?.points;
    const run = runs[i].data;
    return points && run ? [{ runId, name: run.name, points }] : [];
  });
  const wallTimeAvailable = hasWallTime(overlay);
  const xAxis = wallTimeAvailable ? requestedAxis : "step";
  const setRuns = (ids: number[]) => updateParams({ runs: ids.length > 0 ? ids.join(",") : null });
  const error = [...runs, ...keyLists, ...series].find((q) => q.error)?.error;

  return (
    <>
      <PageHeader title="Compare runs" description="One metric of several runs on one chart, and what changed between their configs." />
      <RunPicker runIds={runIds} onChange={setRuns} />
      <ErrorMessage error={error} />
      {runIds.length === 0 ? (
        <EmptyState title="No runs chosen.">
          Tick runs in the <Link href={`/p/${project.slug}/runs`} className="text-indigo-600 hover:underline">runs table</Link> and press Compare, or add run numbers above.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <ul className="flex flex-wrap gap-2" aria-label="Compared runs">
            {runIds.map((runId, position) => {
              const run = runs[position].data;
              return (
                <li key={runId} className="flex items-center gap-2 rounded-md border border-zinc-200 bg-white px-2 py-1 text-sm dark:border-zinc-800 dark:bg-zinc-900">
                  <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: runColour(position) }} />
                  <Link href={`/p/${project.slug}/runs/${runId}`} className="hover:underline">
                    <span className="text-zinc-400">#{runId}</span> {run?.name ?? "…"}
                  </Link>
                  {run && <RunStateBadge state={run.state} />}
                  <button type="button" aria-label={`Remove run ${runId}`} onClick={() => setRuns(runIds.filter((id) => id !== runId))} className="px-1 text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200">
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          <Panel
            title="Metric"
            action={
              <ChartControls
                smoothing={smoothing}
                onSmoothing={(weight) => updateParams({ smooth: weight.toFixed(2) })}
                xAxis={xAxis}
                onXAxis={(mode) => updateParams({ x: mode === "step" ? null : mode })}
                wallTimeAvailable={wallTimeAvailable}
              />
            }
          >
            {metric === undefined ? (
              <p className="text-sm text-zinc-500">None of these runs logged a metric.</p>
            ) : (
              <>
                <select aria-label="Metric to compare" value={metric} onChange={(event) => updateParams({ metric: event.target.value })} className={select}>
                  {allKeys.map((key) => (
                    <option key={key} value={key}>
                      {key}
                    </option>
                  ))}
                </select>
                <OverlayChart metric={metric} series={overlay} smoothing={smoothing} xAxis={xAxis} />
              </>
            )}
          </Panel>
          {loadedRuns.length >= 2 ? <ConfigDiff runs={loadedRuns} /> : <p className="text-sm text-zinc-500">Add a second run to diff configs.</p>}
        </div>
      )}
    </>
  );
}

function RunPicker({ runIds, onChange }: { runIds: number[]; onChange(ids: number[]): void }) {
  const [text, setText] = useState("");
  const added = readRunIds(text);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(readRunIds([...runIds, ...added].join(","), MAX_RUNS));
    setText("");
  };
  return (
    <form onSubmit={submit} className="mb-4 flex items-center gap-2">
      <input
        aria-label="Run numbers to add"
        placeholder="Add runs by number: 12, 15"
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="w-64 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <Button type="submit" variant="secondary" disabled={added.length === 0 || runIds.length >= MAX_RUNS}>
        Add
      </Button>
      {runIds.length >= MAX_RUNS && <span className="text-xs text-zinc-500">At most {MAX_RUNS} runs.</span>}
    </form>
  );
}
