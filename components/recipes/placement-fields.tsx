"use client";
import { useId } from "react";
import type { RecipeKind } from "@/server/recipes/recipes";
import { FieldMessage, inputClass } from "./config-field";
import { executorsFor, type PlacementDraft } from "./placement";

const executorLabels = { local: "Local (this worker)", slurm: "Slurm cluster", ray: "Ray cluster" };

function TextInput({ label, value, onChange, issue, placeholder }: { label: string; value: string; onChange: (v: string) => void; issue?: string; placeholder?: string }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input id={id} className={`${inputClass} font-mono`} value={value} placeholder={placeholder} aria-invalid={issue !== undefined} onChange={(e) => onChange(e.target.value)} />
      <FieldMessage id={`${id}-message`} issue={issue} />
    </div>
  );
}

export function PlacementFields({
  kind,
  value,
  onChange,
  issueFor,
}: {
  kind: RecipeKind;
  value: PlacementDraft;
  onChange: (value: PlacementDraft) => void;
  issueFor: (path: string) => string | undefined;
}) {
  const id = useId();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="space-y-1">
        <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Executor
        </label>
        <select id={id} className={inputClass} value={value.executor} onChange={(e) => onChange({ ...value, executor: e.target.value as PlacementDraft["executor"] })}>
          {executorsFor[kind].map((executor) => (
            <option key={executor} value={executor}>
              {executorLabels[executor]}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-message`} issue={issueFor("placement.executor")} />
      </div>
      {value.executor === "slurm" && (
        <>
          <TextInput label="Slurm partition" value={value.partition} onChange={(partition) => onChange({ ...value, partition })} issue={issueFor("placement.slurm.partition")} placeholder="cluster default" />
          <TextInput label="Time limit" value={value.timeLimit} onChange={(timeLimit) => onChange({ ...value, timeLimit })} issue={issueFor("placement.slurm.timeLimit")} placeholder="e.g. 2-00:00:00" />
        </>
      )}
      {value.executor === "ray" && (
        <TextInput label="Ray dashboard address" value={value.rayAddress} onChange={(rayAddress) => onChange({ ...value, rayAddress })} issue={issueFor("placement.ray.address")} placeholder="http://head:8265" />
      )}
    </div>
  );
}
