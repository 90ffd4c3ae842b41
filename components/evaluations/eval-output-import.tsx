"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { uploadFiles, uploadPathOf } from "@/components/datasets/upload-files";
import { ProgressBar } from "@/components/runs/run-state-badge";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import { EvalImportProgress } from "./eval-import-progress";
import { FileInput } from "./file-input";

// lmms-eval's own files; anything else in a picked folder (logs, checkpoints) stays on this computer.
const resultsFile = /_results\.json$/;
const samplesFile = /_samples_.+\.jsonl$/;

/**
 * What to import inside the upload: the picked folder when every file lies in it, else the whole upload. The run is
 * named after it, so "Import evaluation eval-out" rather than "Import evaluation .".
 */
function commonFolder(paths: string[]): string {
  const first = paths[0]?.split("/")[0];
  return first && paths.every((p) => p.startsWith(`${first}/`)) ? first : ".";
}

/**
 * An lmms-eval output folder (`<model>/<date>_results.json` and `<date>_samples_<task>.jsonl`) uploaded with its
 * layout, then imported by an `eval-import` run.
 */
export function EvalOutputImport({ project }: { project: string }) {
  const trpc = useTRPC();
  const [files, setFiles] = useState<File[]>([]);
  const [modelName, setModelName] = useState("");
  const [replace, setReplace] = useState(false);
  const [upload, setUpload] = useState<{ fraction: number; current: string } | null>(null);
  const [uploadError, setUploadError] = useState<Error | null>(null);
  const start = useMutation(trpc.evaluations.startImport.mutationOptions());

  const results = files.filter((f) => resultsFile.test(f.name));
  const samples = files.filter((f) => samplesFile.test(f.name));
  const leftOut = files.length - results.length - samples.length;
  const submit = async () => {
    setUploadError(null);
    start.reset();
    setUpload({ fraction: 0, current: "" });
    try {
      const entries = [...results, ...samples].map((file) => ({ file, path: uploadPathOf(file) }));
      const uploadId = await uploadFiles(project, entries, (fraction, current) => setUpload({ fraction, current }));
      const file = commonFolder(entries.map((entry) => entry.path));
      start.mutate({ project, location: { kind: "upload", uploadId, file }, modelName: modelName.trim() || undefined, replace });
    } catch (failure) {
      setUploadError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setUpload(null);
    }
  };

  return (
    <div className="space-y-4">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <FileInput label="Output folder" hint="The folder lmms-eval wrote (--output_path), or one model's folder inside it." folder onFiles={setFiles} />
          <FileInput label="Or single files" hint="A results JSON and its samples JSONL files." multiple accept=".json,.jsonl" onFiles={setFiles} />
        </div>
        {files.length > 0 && (
          <p className="text-xs text-zinc-500" data-testid="eval-files-summary">
            {results.length} results file{results.length === 1 ? "" : "s"}, {samples.length} samples file{samples.length === 1 ? "" : "s"}
            {leftOut > 0 && `; ${leftOut} other file${leftOut === 1 ? "" : "s"} left out`}.
          </p>
        )}
        <div className="grid items-end gap-4 md:grid-cols-2">
          <TextField label="Model name (optional)" placeholder="taken from the results file when empty" value={modelName} onChange={(event) => setModelName(event.target.value)} />
          <label className="flex items-center gap-2 pb-1.5 text-sm">
            <input type="checkbox" checked={replace} onChange={(event) => setReplace(event.target.checked)} className="accent-indigo-600" />
            Replace results imported before from the same files
          </label>
        </div>
        {upload && (
          <div className="space-y-1">
            <ProgressBar value={upload.fraction} label="Upload progress" />
            <p className="truncate text-xs text-zinc-500">Uploading {upload.current}…</p>
          </div>
        )}
        <ErrorMessage error={uploadError ?? start.error} />
        <Button type="submit" disabled={results.length === 0 || upload !== null || start.isPending}>
          Upload and import
        </Button>
        {files.length > 0 && results.length === 0 && <p className="text-sm text-amber-700 dark:text-amber-400">No results file (&lt;date&gt;_results.json) among these files.</p>}
      </form>
      {start.data && <EvalImportProgress key={start.data.runId} project={project} runId={start.data.runId} />}
    </div>
  );
}
