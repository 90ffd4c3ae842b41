"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, SelectField, TextField } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";

const stageLabels = { rule: "Rule / choice match", math: "Math equivalence", llm: "LLM judge" } as const;
type Stage = keyof typeof stageLabels;

/** Starts a judge job: what to grade (a dataset or an evaluation), the cascade's stages and, for the LLM stage, its endpoint. */
export function StartJudgeForm({ project }: { project: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const datasets = useQuery(trpc.datasets.list.queryOptions({ project }));
  const evaluations = useQuery(trpc.evaluations.list.queryOptions({ project }));
  const endpoints = useQuery(trpc.endpoints.list.queryOptions({ project }));
  const [target, setTarget] = useState("");
  const [stages, setStages] = useState<Stage[]>(["rule", "math"]);
  const [endpoint, setEndpoint] = useState("");
  const [name, setName] = useState("");
  const start = useMutation(
    trpc.verdicts.startJudge.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );

  const toggle = (stage: Stage) => setStages((current) => (current.includes(stage) ? current.filter((s) => s !== stage) : (Object.keys(stageLabels) as Stage[]).filter((s) => s === stage || current.includes(s))));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = target.split(":");
    start.mutate({
      project,
      target: kind === "dataset" ? { kind: "dataset", datasetId: id } : { kind: "evaluation", evaluationId: id },
      cascade: stages,
      endpoint: stages.includes("llm") ? endpoint || undefined : undefined,
      name: name || undefined,
    });
  };

  return (
    <Panel title="Run a judge">
      <form onSubmit={submit} className="space-y-3" aria-label="Run a judge">
        <SelectField label="Grade" value={target} onChange={(e) => setTarget(e.target.value)} required>
          <option value="">Choose a dataset or an evaluation…</option>
          {datasets.data && datasets.data.length > 0 && (
            <optgroup label="Datasets (answer vs trace)">
              {datasets.data.map((d) => (
                <option key={d.id} value={`dataset:${d.id}`}>
                  {d.name}
                </option>
              ))}
            </optgroup>
          )}
          {evaluations.data && evaluations.data.length > 0 && (
            <optgroup label="Evaluations (target vs filtered_resps)">
              {evaluations.data.map((e) => (
                <option key={e.id} value={`evaluation:${e.id}`}>
                  {e.label}
                </option>
              ))}
            </optgroup>
          )}
        </SelectField>
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Cascade, in order</legend>
          {(Object.keys(stageLabels) as Stage[]).map((stage) => (
            <label key={stage} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={stages.includes(stage)} onChange={() => toggle(stage)} />
              {stageLabels[stage]}
            </label>
          ))}
        </fieldset>
        {stages.includes("llm") && (
          <SelectField label="Judge endpoint" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} required>
            <option value="">{endpoints.data?.length ? "Choose an endpoint…" : "No endpoint yet: add one in Settings"}</option>
            {endpoints.data?.map((e) => (
              <option key={e.id} value={e.name}>
                {e.name} ({e.model})
              </option>
            ))}
          </SelectField>
        )}
        <TextField label="Name (optional)" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        <ErrorMessage error={start.error} />
        {start.data && <p className="text-sm text-emerald-700 dark:text-emerald-400">Judge run {start.data.id} queued: {start.data.name}</p>}
        <Button type="submit" disabled={start.isPending || stages.length === 0 || target === ""}>
          {start.isPending ? "Starting…" : "Start judge job"}
        </Button>
      </form>
    </Panel>
  );
}
