"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { benchmarksHref, leaderboardHref } from "@/components/leaderboard/routes";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import { FileInput } from "./file-input";

/**
 * A paper's results table as reference rows: CSV with a `model` column, optional `sft_data` / `rl_data`, one column per
 * benchmark key; `†` marks reproduced figures and empty cells stay empty. The server names the row and column of a bad cell.
 */
export function ResultsTableImport({ project }: { project: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sourceLabel, setSourceLabel] = useState("");
  const importTable = useMutation(
    trpc.evaluations.importTable.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.leaderboard.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.evaluations.pathKey() }),
        ]),
    }),
  );
  const submit = async () => {
    if (!file) return;
    importTable.mutate({ project, csv: await file.text(), fileName: file.name, sourceLabel });
  };
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="grid gap-4 md:grid-cols-2">
        <FileInput
          label="Table (CSV)"
          hint="Header: model, sft_data, rl_data (optional), then benchmark keys such as mathvista_testmini. Cells in percent; 29.0† for reproduced."
          accept=".csv,text/csv"
          onFiles={(files) => {
            setFile(files[0] ?? null);
            importTable.reset();
          }}
        />
        <TextField label="Source" placeholder="e.g. Some paper (arXiv 2501.00000)" value={sourceLabel} onChange={(event) => setSourceLabel(event.target.value)} required />
      </div>
      <p className="text-xs text-zinc-500">Importing a table of the same source again replaces its figures.</p>
      <ErrorMessage error={importTable.error} />
      {importTable.data && (
        <div role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
          {importTable.data.models} model{importTable.data.models === 1 ? "" : "s"} imported as reference rows of {importTable.variables?.sourceLabel}.{" "}
          <Link href={leaderboardHref(project)} className="underline">
            Open the leaderboard
          </Link>
          {importTable.data.uncatalogued.length > 0 && (
            <p className="mt-1 text-amber-800 dark:text-amber-300">
              Not in the <Link href={benchmarksHref(project)} className="underline">benchmark catalog</Link>, so kept but not shown as columns:{" "}
              <span className="font-mono text-xs">{importTable.data.uncatalogued.join(", ")}</span>
            </p>
          )}
        </div>
      )}
      <Button type="submit" disabled={!file || !sourceLabel.trim() || importTable.isPending}>
        Import table
      </Button>
    </form>
  );
}
