"use client";
import type { RouterOutputs } from "@/components/trpc/client";
import { SelectField } from "@/components/ui/field";

type Evaluation = RouterOutputs["evaluations"]["list"][number];

/** Tasks both evaluations have per-sample results for (the only ones a paired comparison can use). */
export function sharedTasks(a: Evaluation | undefined, b: Evaluation | undefined): string[] {
  if (!a) return [];
  const tasksOf = (e: Evaluation) => Object.keys(e.samples).filter((task) => e.samples[task] > 0);
  const mine = tasksOf(a);
  return (b ? mine.filter((task) => tasksOf(b).includes(task)) : mine).sort();
}

/** Model A, model B (an evaluation each, since a model may have several) and the task they are compared on. */
export function ComparePicker({
  evaluations,
  a,
  b,
  task,
  tasks,
  onChange,
}: {
  evaluations: Evaluation[];
  a: string | undefined;
  b: string | undefined;
  task: string | undefined;
  tasks: string[];
  onChange: (change: { a?: string; b?: string; task?: string }) => void;
}) {
  const options = evaluations.map((e) => (
    <option key={e.id} value={e.id}>
      {e.label}
    </option>
  ));
  return (
    <div className="grid gap-3 md:grid-cols-[1fr_1fr_16rem]">
      <SelectField label="Model A (evaluation)" value={a ?? ""} onChange={(event) => onChange({ a: event.target.value || undefined })}>
        <option value="">Choose…</option>
        {options}
      </SelectField>
      <SelectField label="Model B (evaluation)" value={b ?? ""} onChange={(event) => onChange({ b: event.target.value || undefined })}>
        <option value="">Choose…</option>
        {options}
      </SelectField>
      <SelectField label="Task" value={task ?? ""} onChange={(event) => onChange({ task: event.target.value || undefined })} disabled={tasks.length === 0}>
        {tasks.length === 0 && <option value="">{a && b ? "No task in common" : "Choose both models"}</option>}
        {tasks.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
