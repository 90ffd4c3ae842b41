"use client";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";

/** Adds a chart: type to filter the run's metric keys (there may be 150), Enter or "Add chart" to add it. */
export function MetricKeyPicker({ keys, shown, onAdd, disabled }: { keys: string[]; shown: string[]; onAdd(key: string): void; disabled: boolean }) {
  const listId = useId();
  const [text, setText] = useState("");
  const exact = keys.includes(text) && !shown.includes(text);
  const add = () => {
    if (!exact) return;
    onAdd(text);
    setText("");
  };
  return (
    <div className="flex items-center gap-2">
      <input
        list={listId}
        aria-label="Metric to chart"
        placeholder={`Add a chart: one of ${keys.length.toLocaleString("en")} metrics`}
        value={text}
        disabled={disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") add();
        }}
        className="w-80 rounded-md border border-zinc-300 bg-white px-2.5 py-1 font-mono text-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
      />
      <datalist id={listId}>
        {keys
          .filter((key) => !shown.includes(key))
          .map((key) => (
            <option key={key} value={key} />
          ))}
      </datalist>
      <Button variant="secondary" className="py-1 text-xs" onClick={add} disabled={!exact}>
        Add chart
      </Button>
      {disabled && <span className="text-xs text-zinc-500">At most 20 charts.</span>}
    </div>
  );
}
