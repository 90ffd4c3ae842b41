"use client";
import { useId, useState } from "react";
import { ProgressBar } from "@/components/runs/run-state-badge";
import { useCurrentProject } from "@/components/shell/app-shell";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import type { ImportLocation } from "@/server/datasets/import-location";
import { uploadFiles, uploadPathOf, type UploadEntry } from "./upload-files";

const tabs = [
  { kind: "upload", label: "Upload files" },
  { kind: "server-path", label: "Path on the server" },
] as const;

/** Where the data comes from: files uploaded from this computer, or a path under the server's import roots. */
export function ImportSourceForm({ onLocation }: { onLocation: (location: ImportLocation, label: string) => void }) {
  const [kind, setKind] = useState<ImportLocation["kind"]>("upload");
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="Data source" className="flex gap-1">
        {tabs.map((tab) => (
          <button
            key={tab.kind}
            type="button"
            role="tab"
            aria-selected={kind === tab.kind}
            onClick={() => setKind(tab.kind)}
            className={`rounded-md px-3 py-1 text-sm ${kind === tab.kind ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {kind === "upload" ? <UploadForm onLocation={onLocation} /> : <ServerPathForm onLocation={onLocation} />}
    </div>
  );
}

function FileInput({ label, hint, onFiles, multiple, folder }: { label: string; hint: string; onFiles: (files: File[]) => void; multiple?: boolean; folder?: boolean }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        type="file"
        multiple={multiple || folder}
        // React has no prop for folder picking; the DOM property is standard in every current browser.
        ref={(input) => {
          if (input && folder) input.webkitdirectory = true;
        }}
        onChange={(event) => onFiles([...(event.target.files ?? [])])}
        className="block w-full text-sm text-zinc-600 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-100 dark:text-zinc-400 dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
      />
      <p className="text-xs text-zinc-500">{hint}</p>
    </div>
  );
}

const sizeFormat = new Intl.NumberFormat("en", { notation: "compact", style: "unit", unit: "byte", unitDisplay: "narrow" });

function UploadForm({ onLocation }: { onLocation: (location: ImportLocation, label: string) => void }) {
  const project = useCurrentProject();
  const [dataFile, setDataFile] = useState<File | null>(null);
  const [imageFiles, setImageFiles] = useState<File[]>([]);
  const [folderFiles, setFolderFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<{ fraction: number; current: string } | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const entries: UploadEntry[] = dataFile ? [dataFile, ...imageFiles, ...folderFiles].map((file) => ({ file, path: uploadPathOf(file) })) : [];
  const totalBytes = entries.reduce((sum, entry) => sum + entry.file.size, 0);
  const upload = async () => {
    if (!dataFile) return;
    setError(null);
    setProgress({ fraction: 0, current: dataFile.name });
    try {
      const uploadId = await uploadFiles(project.slug, entries, (fraction, current) => setProgress({ fraction, current }));
      onLocation({ kind: "upload", uploadId, file: uploadPathOf(dataFile) }, dataFile.name);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setProgress(null);
    }
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void upload();
      }}
    >
      <FileInput
        label="Data file"
        hint="JSONL or JSON (SFT messages, LLaVA conversations, question/answer rows), parquet (verl RL layout), or the recipe's dataset-list YAML."
        onFiles={(files) => setDataFile(files[0] ?? null)}
      />
      <div className="grid gap-4 md:grid-cols-2">
        <FileInput
          label="Image files (optional)"
          hint="Placed next to the data file: rows name them by file name."
          multiple
          onFiles={setImageFiles}
        />
        <FileInput
          label="Image folder (optional)"
          hint="Keeps the folder's name and layout, e.g. images/0001.png, as the rows name them."
          folder
          onFiles={setFolderFiles}
        />
      </div>
      {entries.length > 0 && (
        <p className="text-xs text-zinc-500">
          {entries.length} file{entries.length === 1 ? "" : "s"}, {sizeFormat.format(totalBytes)} to upload.
        </p>
      )}
      {progress && (
        <div className="space-y-1">
          <ProgressBar value={progress.fraction} label="Upload progress" />
          <p className="truncate text-xs text-zinc-500">Uploading {progress.current}…</p>
        </div>
      )}
      <ErrorMessage error={error} />
      <Button type="submit" disabled={!dataFile || progress !== null}>
        Upload and preview
      </Button>
    </form>
  );
}

function ServerPathForm({ onLocation }: { onLocation: (location: ImportLocation, label: string) => void }) {
  const [path, setPath] = useState("");
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim()) onLocation({ kind: "server-path", path: path.trim() }, path.trim());
      }}
    >
      <TextField
        label="Path on the server"
        placeholder="/data/sft/train.parquet"
        value={path}
        onChange={(event) => setPath(event.target.value)}
        required
      />
      <p className="text-xs text-zinc-500">
        A file, folder or dataset-list YAML under the import roots an administrator configured (MMR_IMPORT_ROOTS); the server reads it where it lies.
      </p>
      <Button type="submit" disabled={!path.trim()}>
        Preview
      </Button>
    </form>
  );
}
