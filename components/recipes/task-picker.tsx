"use client";
import type { RouterOutputs } from "@/components/trpc/client";

type Task = RouterOutputs["recipes"]["defaults"]["tasks"]["image"][number];

/** The catalog's tasks of one modality as checkboxes, with all / none shortcuts. */
export function TaskPicker({ title, tasks, chosen, onChange }: { title: string; tasks: Task[]; chosen: string[]; onChange: (tasks: string[]) => void }) {
  // Kept in catalog order whatever the order of clicks, so the --tasks list reads like the catalog.
  const inCatalogOrder = (names: string[]) => tasks.map((t) => t.task).filter((task) => names.includes(task));
  return (
    <fieldset className="space-y-1.5">
      <legend className="flex w-full items-center gap-3 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {title} ({chosen.length} of {tasks.length})
        <button type="button" className="text-indigo-600 hover:underline" onClick={() => onChange(tasks.map((t) => t.task))}>
          all
        </button>
        <button type="button" className="text-indigo-600 hover:underline" onClick={() => onChange([])}>
          none
        </button>
      </legend>
      {tasks.length === 0 && <p className="text-sm text-zinc-500">The benchmark catalog has none.</p>}
      <div className="grid gap-y-1">
        {tasks.map((t) => (
          <label key={t.task} className="flex items-center gap-2 text-sm" title={t.task}>
            <input
              type="checkbox"
              checked={chosen.includes(t.task)}
              onChange={(event) => onChange(inCatalogOrder(event.target.checked ? [...chosen, t.task] : chosen.filter((c) => c !== t.task)))}
            />
            <span className="whitespace-nowrap">{t.label}</span>
            <span className="truncate font-mono text-xs text-zinc-400">{t.task}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
