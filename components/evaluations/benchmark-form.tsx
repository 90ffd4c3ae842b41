"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { FormActions } from "@/components/ui/button";
import { ErrorMessage, SelectField, TextField } from "@/components/ui/field";

export interface BenchmarkDraft {
  key: string;
  label: string;
  task: string;
  metric: string;
  filter: string;
  modality: "image" | "text";
  higherIsBetter: boolean;
  position: number;
}

/** Adds a benchmark or edits one (same key: saved over it). Admins only; the server checks it too. */
export function BenchmarkForm({ project, initial, isNew, onDone }: { project: string; initial: BenchmarkDraft; isNew: boolean; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const save = useMutation(
    trpc.evaluations.saveBenchmark.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.evaluations.benchmarks.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
        ]);
        onDone();
      },
    }),
  );
  const set = <K extends keyof BenchmarkDraft>(key: K, value: BenchmarkDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  return (
    <form
      aria-label={isNew ? "New benchmark" : `Edit ${initial.key}`}
      className="space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-3 dark:border-indigo-900 dark:bg-indigo-950/20"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ project, ...draft });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Key (leaderboard column)" value={draft.key} onChange={(e) => set("key", e.target.value)} readOnly={!isNew} required placeholder="mathvista_testmini" />
        <TextField label="Label" value={draft.label} onChange={(e) => set("label", e.target.value)} required placeholder="MathVista testmini" />
        <TextField label="lmms-eval task" value={draft.task} onChange={(e) => set("task", e.target.value)} required placeholder="mathvista_testmini_cot_reward" />
        <TextField label="Metric" value={draft.metric} onChange={(e) => set("metric", e.target.value)} required placeholder="acc_score" />
        <TextField label="Filter" value={draft.filter} onChange={(e) => set("filter", e.target.value)} required />
        <SelectField label="Modality" value={draft.modality} onChange={(e) => set("modality", e.target.value as BenchmarkDraft["modality"])}>
          <option value="image">image</option>
          <option value="text">text</option>
        </SelectField>
        <TextField label="Position" type="number" value={draft.position} onChange={(e) => set("position", Number(e.target.value))} />
        <label className="flex items-center gap-2 self-end pb-1.5 text-sm">
          <input type="checkbox" checked={draft.higherIsBetter} onChange={(e) => set("higherIsBetter", e.target.checked)} className="accent-indigo-600" />
          Higher is better
        </label>
      </div>
      <ErrorMessage error={save.error} />
      <FormActions submitLabel={isNew ? "Add benchmark" : "Save"} pending={save.isPending} onCancel={onDone} />
    </form>
  );
}
