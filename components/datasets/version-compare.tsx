"use client";
import { skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { ErrorMessage, SelectField } from "@/components/ui/field";

type Version = RouterOutputs["datasetVersions"]["list"][number];
type Side = RouterOutputs["datasetVersions"]["compare"]["added"];

/** What changed between two versions: samples added and removed, counted, with the first of each. */
export function VersionCompare({ project, datasetId, versions, sampleHref }: { project: string; datasetId: string; versions: Version[]; sampleHref: (id: number) => string }) {
  const trpc = useTRPC();
  // Versions are listed newest first: compare the previous one with the latest by default.
  const [fromId, setFromId] = useState(versions[1].id);
  const [toId, setToId] = useState(versions[0].id);
  const comparison = useQuery(trpc.datasetVersions.compare.queryOptions(fromId !== toId ? { project, datasetId, fromVersionId: fromId, toVersionId: toId } : skipToken));
  const options = versions.map((version) => (
    <option key={version.id} value={version.id}>
      v{version.number} {version.name}
    </option>
  ));
  return (
    <section aria-label="Compare versions" className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <h3 className="text-xs font-semibold text-zinc-600 dark:text-zinc-400">Compare</h3>
      <div className="space-y-2">
        <SelectField label="From" value={fromId} onChange={(e) => setFromId(e.target.value)}>
          {options}
        </SelectField>
        <SelectField label="To" value={toId} onChange={(e) => setToId(e.target.value)}>
          {options}
        </SelectField>
      </div>
      {fromId === toId && <p className="text-xs text-zinc-500">Pick two different versions.</p>}
      <ErrorMessage error={comparison.error} />
      {comparison.data && (
        <div className="space-y-2">
          <ChangeList label="added" sign="+" side={comparison.data.added} sampleHref={sampleHref} tone="text-emerald-700 dark:text-emerald-400" />
          <ChangeList label="removed" sign="−" side={comparison.data.removed} sampleHref={sampleHref} tone="text-red-700 dark:text-red-400" />
        </div>
      )}
    </section>
  );
}

function ChangeList({ label, sign, side, sampleHref, tone }: { label: string; sign: string; side: Side; sampleHref: (id: number) => string; tone: string }) {
  return (
    <div className="text-sm">
      <p className={`font-medium ${tone}`}>
        {sign}
        {side.count.toLocaleString("en")} {label}
      </p>
      {side.examples.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs">
          {side.examples.slice(0, 5).map((example) => (
            <li key={example.id} className="truncate">
              <Link href={sampleHref(example.id)} className="hover:underline">
                <span className="font-mono text-zinc-400">#{example.id}</span> {example.question}
              </Link>
            </li>
          ))}
          {side.count > 5 && <li className="text-zinc-500">and {(side.count - 5).toLocaleString("en")} more</li>}
        </ul>
      )}
    </div>
  );
}
