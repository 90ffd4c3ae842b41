"use client";
import { useEffect, useRef } from "react";

interface Choice {
  key: string;
  label: string;
  scored: boolean;
}

/** A dropdown of benchmark checkboxes (shown columns, the average's set); closes on a click outside it. */
export function BenchmarkChecklist({ label, choices, selected, onChange }: { label: string; choices: Choice[]; selected: string[]; onChange: (keys: string[]) => void }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: PointerEvent) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener("pointerdown", close);
    return () => document.removeEventListener("pointerdown", close);
  }, []);
  const chosen = new Set(selected);
  // Keys stay in catalog order whatever order they were ticked in.
  const set = (keys: Set<string>) => onChange(choices.filter((c) => keys.has(c.key)).map((c) => c.key));
  const toggle = (key: string) => {
    const next = new Set(chosen);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    set(next);
  };
  const shortcut = "rounded px-1.5 py-0.5 text-xs text-indigo-600 hover:bg-indigo-50 dark:text-indigo-400 dark:hover:bg-indigo-950";
  return (
    <details ref={details} className="relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        {label}
        <span className="tabular-nums text-zinc-500">
          {selected.length}/{choices.length}
        </span>
        <span aria-hidden className="text-xs text-zinc-400">
          ▾
        </span>
      </summary>
      <div role="group" aria-label={label} className="absolute left-0 z-30 mt-1 w-72 rounded-md border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <div className="mb-1 flex gap-1 border-b border-zinc-100 pb-1 dark:border-zinc-800">
          <button type="button" className={shortcut} onClick={() => set(new Set(choices.map((c) => c.key)))}>
            All
          </button>
          <button type="button" className={shortcut} onClick={() => set(new Set(choices.filter((c) => c.scored).map((c) => c.key)))}>
            With scores
          </button>
          <button type="button" className={shortcut} onClick={() => set(new Set())}>
            None
          </button>
        </div>
        <div className="max-h-72 overflow-y-auto">
          {choices.map((choice) => (
            <label key={choice.key} className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800">
              <input type="checkbox" checked={chosen.has(choice.key)} onChange={() => toggle(choice.key)} className="accent-indigo-600" />
              <span className="truncate">{choice.label}</span>
              {!choice.scored && <span className="ml-auto shrink-0 text-xs text-zinc-400">no scores</span>}
            </label>
          ))}
        </div>
      </div>
    </details>
  );
}
