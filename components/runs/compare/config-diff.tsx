"use client";
import { useState } from "react";
import type { RouterOutputs } from "@/components/trpc/client";
import { Panel } from "@/components/ui/panel";
import { configText } from "./config-text";
import { diffLines } from "./line-diff";

type Run = RouterOutputs["runs"]["get"];

const select = "rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-200";
const lineStyles = {
  same: "text-zinc-600 dark:text-zinc-400",
  removed: "bg-red-50 text-red-800 dark:bg-red-950/60 dark:text-red-300",
  added: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-300",
};
const marks = { same: " ", removed: "−", added: "+" };

/** A line diff of two of the compared runs' configs (launch spec JSON, then each file it writes). */
export function ConfigDiff({ runs }: { runs: Run[] }) {
  const [baseId, setBaseId] = useState(runs[0].id);
  const [otherId, setOtherId] = useState(runs[1].id);
  const base = runs.find((r) => r.id === baseId) ?? runs[0];
  const other = runs.find((r) => r.id === otherId) ?? runs[1];
  const diff = diffLines(configText(base.config), configText(other.config));
  const changed = diff.filter((d) => d.kind !== "same").length;
  const picker = (label: string, value: number, onChange: (id: number) => void) => (
    <select aria-label={label} value={value} onChange={(event) => onChange(Number(event.target.value))} className={select}>
      {runs.map((r) => (
        <option key={r.id} value={r.id}>
          #{r.id} {r.name}
        </option>
      ))}
    </select>
  );
  return (
    <Panel
      title="Config diff"
      action={
        <div className="flex items-center gap-2 text-xs text-zinc-500">
          {picker("Config diff from", base.id, setBaseId)}
          <span>→</span>
          {picker("Config diff to", other.id, setOtherId)}
        </div>
      }
    >
      <p className="mb-2 text-xs text-zinc-500">{changed === 0 ? "The two configs are the same." : `${changed} line${changed === 1 ? "" : "s"} differ. Credentials are masked.`}</p>
      <pre className="max-h-[32rem] overflow-auto rounded-md border border-zinc-200 py-1 font-mono text-xs leading-5 dark:border-zinc-800" aria-label="Changed config lines">
        {diff.map((line, index) => (
          <div key={index} className={`px-2 ${lineStyles[line.kind]}`}>
            <span aria-hidden className="mr-2 select-none">{marks[line.kind]}</span>
            {line.text}
          </div>
        ))}
      </pre>
    </Panel>
  );
}
