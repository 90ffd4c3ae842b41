"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { activeRunStates, ProgressBar, RunStateBadge } from "@/components/runs/run-state-badge";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import type { ImportResult } from "@/server/datasets/import-job";

/** The import run, polled until it ends, then what it did: rows imported and skipped (with why), images missing. */
export function ImportProgress({ runId, datasetId }: { runId: number; datasetId: string }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { project: project.slug, runId };
  const run = useQuery(
    trpc.runs.get.queryOptions(input, {
      refetchInterval: (q) => (q.state.data && !activeRunStates.includes(q.state.data.state) ? false : 1_000),
    }),
  );
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey(input) }) }));
  const datasetHref = `/p/${project.slug}/datasets/${datasetId}`;

  if (run.isPending) return <p className="text-sm text-zinc-500">Starting the import…</p>;
  if (run.error) return <ErrorMessage error={run.error} />;
  const r = run.data;
  const active = activeRunStates.includes(r.state);
  // The import job's handler returns an ImportResult; the run stores it as JSON.
  const result = r.state === "succeeded" ? (r.result as ImportResult | null) : null;

  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2 text-sm">
        <RunStateBadge state={r.state} />
        <Link href={`/p/${project.slug}/runs/${r.id}`} className="text-zinc-500 hover:underline">
          run #{r.id}
        </Link>
        {active && !r.cancelRequested && (
          <Button variant="ghost" className="ml-auto" onClick={() => cancel.mutate(input)} disabled={cancel.isPending}>
            Cancel import
          </Button>
        )}
        {r.cancelRequested && active && <span className="text-zinc-500">cancelling…</span>}
      </div>
      <ProgressBar value={r.progress} label="Import progress" />
      {active && r.progressMessage && <p className="text-sm text-zinc-600 dark:text-zinc-400">{r.progressMessage}</p>}
      <ErrorMessage error={cancel.error} />
      {r.state === "failed" || r.state === "lost" ? (
        <ErrorMessage error={{ message: `The import failed and the dataset keeps nothing from it: ${r.error ?? "no reason given"}` }} />
      ) : null}
      {r.state === "cancelled" && <p className="text-sm text-zinc-600 dark:text-zinc-400">Cancelled: the dataset keeps nothing from this import.</p>}
      {result && <ImportSummary result={result} />}
      {!active && (
        <ButtonLink href={datasetHref} variant={result ? "primary" : "secondary"}>
          Open the dataset
        </ButtonLink>
      )}
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const figures = [
    { label: "Samples imported", value: result.rowsImported },
    { label: "Rows skipped", value: result.rowsSkipped },
    { label: "Duplicates", value: result.duplicates },
    { label: "Images missing", value: result.imagesMissing },
  ];
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <dt className="text-xs text-zinc-500">{figure.label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{figure.value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      {result.sourcesAlreadyImported.length > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Already in this dataset, so nothing added from: {result.sourcesAlreadyImported.join(", ")}.
        </p>
      )}
      <ExampleList title="Skipped rows" total={result.rowsSkipped} examples={result.skippedRows} />
      <ExampleList title="Missing images (the samples were kept without them)" total={result.imagesMissing} examples={result.missingImages} />
    </div>
  );
}

function ExampleList({ title, total, examples }: { title: string; total: number; examples: string[] }) {
  if (examples.length === 0) return null;
  return (
    <div className="text-sm">
      <p className="font-medium">
        {title}
        {total > examples.length && <span className="font-normal text-zinc-500"> (first {examples.length} of {total.toLocaleString("en")})</span>}
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs text-zinc-600 dark:text-zinc-400">
        {examples.map((example, index) => (
          <li key={index}>{example}</li>
        ))}
      </ul>
    </div>
  );
}
