"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { MetricCharts } from "./charts/metric-charts";
import { ArtifactsPanel } from "./detail/artifacts-panel";
import { CheckpointsPanel } from "./detail/checkpoints-panel";
import { RunConfigPanel } from "./detail/run-config-panel";
import { RunFacts } from "./detail/run-facts";
import { RunLog } from "./log/run-log";
import { activeRunStates, RunStateBadge } from "./run-state-badge";
import { useNow } from "./use-now";

const trainingKinds = ["sft", "rl", "eval"];

export function RunDetail({ runId }: { runId: number }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { project: project.slug, runId };
  const run = useQuery(
    trpc.runs.get.queryOptions(input, {
      refetchInterval: (q) => (q.state.data && activeRunStates.includes(q.state.data.state) ? 1_500 : false),
    }),
  );
  const cancel = useMutation(
    trpc.runs.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey(input) }) }),
  );
  const active = run.data ? activeRunStates.includes(run.data.state) : false;
  const now = useNow(active);

  if (run.isPending) return <p className="text-sm text-zinc-500">Loading run…</p>;
  if (run.error) return <ErrorMessage error={run.error} />;
  const r = run.data;
  const canCancel = active && !r.cancelRequested && project.role !== "viewer";
  const training = trainingKinds.includes(r.kind);
  // Only a run launched from a recipe form can be cloned into one (an imported or API-launched run has no recipe).
  const launchedFromRecipe = training && Boolean((r.config as { recipe?: unknown } | null)?.recipe);

  return (
    <div className="space-y-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">
            <span className="text-zinc-400">#{r.id}</span> {r.name}
          </h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-zinc-500">
            <RunStateBadge state={r.state} />
            <span className="font-mono text-xs">{r.kind}</span>
            {r.cancelRequested && active && <span>cancelling…</span>}
          </p>
        </div>
        <div className="flex gap-2">
          {training && (
            <ButtonLink variant="secondary" href={`/p/${project.slug}/runs/compare?runs=${r.id}`}>
              Compare…
            </ButtonLink>
          )}
          {launchedFromRecipe && project.role !== "viewer" && (
            <ButtonLink variant="secondary" href={`/p/${project.slug}/runs/new?from=${r.id}`}>
              Clone…
            </ButtonLink>
          )}
          {canCancel && (
            <Button variant="danger" onClick={() => cancel.mutate(input)} disabled={cancel.isPending}>
              Cancel run
            </Button>
          )}
        </div>
      </div>
      <ErrorMessage error={cancel.error} />
      <Panel title="Progress">
        <RunFacts run={r} now={now} />
      </Panel>
      {training && <MetricCharts runId={r.id} live={active} />}
      <Panel title="Log">
        <RunLog key={r.id} runId={r.id} live={active} />
      </Panel>
      {training && (
        <div className="grid gap-4 lg:grid-cols-2">
          <CheckpointsPanel runId={r.id} live={active} />
          <ArtifactsPanel runId={r.id} live={active} />
          <RunConfigPanel run={r} />
        </div>
      )}
    </div>
  );
}
