import { formatFileSize } from "@/components/datasets/export-formats";

/** Files a run wrote, as download links with their sizes (an export's outputs, an agent's collected folders). */
export function DownloadList({ label, files }: { label: string; files: { path: string; url: string; bytes: number }[] }) {
  return (
    <ul aria-label={label} className="space-y-0.5 text-xs">
      {files.map((file) => (
        <li key={file.path} className="flex items-baseline justify-between gap-2">
          <a href={file.url} download className="truncate font-mono text-indigo-700 hover:underline dark:text-indigo-400">
            {file.path}
          </a>
          <span className="shrink-0 tabular-nums text-zinc-500">{formatFileSize(file.bytes)}</span>
        </li>
      ))}
    </ul>
  );
}
