"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { useUrlParams } from "../use-url-params";
import { ChartControls, chartSettingsOf } from "./chart-controls";
import { MetricKeyPicker } from "./metric-key-picker";
import { defaultChartKeys, hasWallTime } from "./series";

// The charting library is most of the run page's script: it loads after the page, in the browser only.
const MetricChart = dynamic(() => import("./metric-chart").then((module) => module.MetricChart), {
  ssr: false,
  loading: () => <div className="h-[180px]" aria-hidden />,
});

/** The server returns at most this many keys per series request. */
const MAX_CHARTS = 20;
const LIVE_POLL_MS = 2_000;

/**
 * A run's metric charts, server-downsampled to ~1,000 points per series (minima and maxima kept). The charts shown,
 * the smoothing and the x axis live in the URL (`metric`, repeated; `smooth`; `x`); with no `metric` the run's known
 * panels are shown (RL: reward, response length, KL, entropy).
 */
export function MetricCharts({ runId, live }: { runId: number; live: boolean }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const [params, updateParams] = useUrlParams();
  const keysQuery = useQuery(trpc.runs.metricKeys.queryOptions({ project: project.slug, runId }, { refetchInterval: live ? LIVE_POLL_MS : false }));
  const keys = keysQuery.data ?? [];
  // An empty `metric=` records that the user removed every chart (no fallback to the defaults then).
  const chosen = params.has("metric") ? params.getAll("metric").filter((key) => key !== "") : defaultChartKeys(keys);
  const shown = chosen.slice(0, MAX_CHARTS);
  const series = useQuery(
    trpc.runs.metricSeries.queryOptions(
      { project: project.slug, runId, keys: shown, maxPoints: 1_000 },
      { enabled: shown.length > 0, refetchInterval: live ? LIVE_POLL_MS : false, placeholderData: keepPreviousData },
    ),
  );
  const { smoothing, xAxis: requestedAxis } = chartSettingsOf(params);
  const wallTimeAvailable = hasWallTime(series.data ?? []);
  const xAxis = wallTimeAvailable ? requestedAxis : "step";
  const setCharts = (next: string[]) => updateParams({ metric: next.length > 0 ? next : [""] });

  if (keysQuery.error) return <ErrorMessage error={keysQuery.error} />;
  if (keysQuery.isPending) return null;
  if (keys.length === 0) {
    return (
      <Panel title="Metrics">
        <p className="text-sm text-zinc-500">{live ? "No metrics yet: they appear as the run prints step lines." : "This run logged no metrics."}</p>
      </Panel>
    );
  }
  const controls = (
    <ChartControls
      smoothing={smoothing}
      onSmoothing={(weight) => updateParams({ smooth: weight.toFixed(2) })}
      xAxis={xAxis}
      onXAxis={(mode) => updateParams({ x: mode === "step" ? null : mode })}
      wallTimeAvailable={wallTimeAvailable}
    />
  );
  return (
    <Panel title="Metrics" action={controls}>
      <MetricKeyPicker keys={keys} shown={shown} onAdd={(key) => setCharts([...shown, key])} disabled={shown.length >= MAX_CHARTS} />
      <ErrorMessage error={series.error} />
      {shown.length === 0 && <p className="mt-3 text-sm text-zinc-500">No chart chosen: add one above.</p>}
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        {shown.map((key) => (
          <figure key={key} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
            <figcaption className="mb-1 flex items-center justify-between gap-2">
              <span className="truncate font-mono text-xs" title={key}>
                {key}
              </span>
              <button
                type="button"
                aria-label={`Remove the chart of ${key}`}
                onClick={() => setCharts(shown.filter((k) => k !== key))}
                className="rounded px-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
              >
                ×
              </button>
            </figcaption>
            <MetricChart metric={key} points={series.data?.find((s) => s.key === key)?.points ?? []} smoothing={smoothing} xAxis={xAxis} />
          </figure>
        ))}
      </div>
    </Panel>
  );
}
