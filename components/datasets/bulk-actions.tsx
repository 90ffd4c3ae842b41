"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import type { SampleView } from "./sample-view-params";
import { useInvalidateSamples } from "./use-invalidate-samples";

type BulkAction = { kind: "add-tag" | "remove-tag"; tag: string } | { kind: "exclude" | "include" };

function describe(action: BulkAction, count: string): string {
  switch (action.kind) {
    case "add-tag":
      return `Add the tag "${action.tag}" to ${count}?`;
    case "remove-tag":
      return `Remove the tag "${action.tag}" from ${count}?`;
    case "exclude":
      return `Exclude ${count} from future versions?`;
    case "include":
      return `Include ${count} again?`;
  }
}

/** Curation of every sample matching the current filter, each change confirmed with the count it touches. */
export function BulkActions({ project, datasetId, filter, countLabel }: { project: string; datasetId: string; filter: SampleView["filter"]; countLabel: string }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateSamples();
  const [tag, setTag] = useState("");
  const [pending, setPending] = useState<BulkAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onSuccess = ({ updated }: { updated: number }) => {
    setDone(`${updated.toLocaleString("en")} sample${updated === 1 ? "" : "s"} changed.`);
    setPending(null);
    return invalidate();
  };
  const changeTags = useMutation(trpc.samples.changeTags.mutationOptions({ onSuccess }));
  const setExcluded = useMutation(trpc.samples.setExcluded.mutationOptions({ onSuccess }));
  const error = changeTags.error ?? setExcluded.error;

  const ask = (action: BulkAction) => {
    setDone(null);
    changeTags.reset();
    setExcluded.reset();
    setPending(action);
  };
  const confirm = () => {
    if (!pending) return;
    const selection = { filter };
    if (pending.kind === "add-tag") changeTags.mutate({ project, datasetId, selection, change: { add: [pending.tag] } });
    else if (pending.kind === "remove-tag") changeTags.mutate({ project, datasetId, selection, change: { remove: [pending.tag] } });
    else setExcluded.mutate({ project, datasetId, selection, excluded: pending.kind === "exclude" });
  };
  const tagName = tag.trim();

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-medium text-zinc-500">All matching:</span>
        <input
          aria-label="Tag for matching samples"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          placeholder="tag"
          className="w-32 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button variant="secondary" disabled={!tagName} onClick={() => ask({ kind: "add-tag", tag: tagName })}>
          Add tag
        </Button>
        <Button variant="secondary" disabled={!tagName} onClick={() => ask({ kind: "remove-tag", tag: tagName })}>
          Remove tag
        </Button>
        <Button variant="secondary" onClick={() => ask({ kind: "exclude" })}>
          Exclude
        </Button>
        <Button variant="secondary" onClick={() => ask({ kind: "include" })}>
          Include
        </Button>
      </div>
      {pending && (
        <div role="alertdialog" aria-label="Confirm bulk change" className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          <span>{describe(pending, countLabel)}</span>
          <Button onClick={confirm} disabled={changeTags.isPending || setExcluded.isPending}>
            Confirm
          </Button>
          <Button variant="ghost" onClick={() => setPending(null)}>
            Cancel
          </Button>
        </div>
      )}
      {done && <p className="text-sm text-emerald-700 dark:text-emerald-400">{done}</p>}
      <ErrorMessage error={error} />
    </div>
  );
}
