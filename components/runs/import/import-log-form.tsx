"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, SelectField, TextField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { guessLogKind, runNameOf } from "./guess-log-kind";

interface ChosenLog {
  fileName: string;
  bytes: number;
  text: string;
}

/** Upload a training log run outside MMR Studio; it becomes a finished run and the page opens it. */
export function ImportLogForm() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const router = useRouter();
  const [log, setLog] = useState<ChosenLog | null>(null);
  const [kind, setKind] = useState<"rl" | "sft">("rl");
  const [name, setName] = useState("");
  const [readError, setReadError] = useState<Error | null>(null);
  const importLog = useMutation(trpc.runs.importLog.mutationOptions({ onSuccess: (result) => router.push(`/p/${project.slug}/runs/${result.runId}`) }));

  async function choose(file: File | undefined) {
    setLog(null);
    setReadError(null);
    importLog.reset();
    if (!file) return;
    try {
      const text = await file.text();
      setLog({ fileName: file.name, bytes: file.size, text });
      setKind(guessLogKind(text));
      setName(runNameOf(file.name));
    } catch (error) {
      setReadError(new Error(`Cannot read ${file.name}: ${(error as Error).message}`));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (log) importLog.mutate({ project: project.slug, kind, name, fileName: log.fileName, text: log.text });
  }

  return (
    <>
      <PageHeader
        title="Import a training log"
        description="Bring in a run launched outside MMR Studio: a verl console log, an lmms-engine or HF Trainer log, or a verl JSONL metrics file. It becomes a finished run with its metrics, checkpoints and log; a log that ends in a crash becomes a failed run."
      />
      <Panel title="Log to import">
        <form onSubmit={submit} className="max-w-xl space-y-4">
          <div className="space-y-1">
            <label htmlFor="log-file" className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
              Log file
            </label>
            <input
              id="log-file"
              type="file"
              accept=".log,.txt,.jsonl,.out,.err,text/plain"
              onChange={(event) => void choose(event.target.files?.[0])}
              className="block w-full text-sm text-zinc-600 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-100 dark:text-zinc-400 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
            />
            {log && (
              <p className="text-xs text-zinc-500">
                {log.fileName}: {(log.bytes / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KiB. The file is sent in one request, so the
                server&apos;s body limit (MMR_MAX_BODY_BYTES, 1 MiB unless an admin raised it) bounds its size.
              </p>
            )}
          </div>
          <ErrorMessage error={readError} />
          {log && (
            <>
              <SelectField label="Kind" value={kind} onChange={(event) => setKind(event.target.value as "rl" | "sft")}>
                <option value="rl">RL (verl)</option>
                <option value="sft">SFT (lmms-engine, HF Trainer)</option>
              </SelectField>
              <TextField label="Run name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
              <ErrorMessage error={importLog.error} />
              <Button type="submit" disabled={importLog.isPending || name.trim() === ""}>
                {importLog.isPending ? "Importing…" : "Import"}
              </Button>
            </>
          )}
        </form>
      </Panel>
    </>
  );
}
