import type { ExportItem } from "./export-formats";
import { formatFileSize } from "./export-formats";

/**
 * The files of a finished export as download links. An SFT export's images sit in its images/ folder, which the
 * server does not list file by file (there can be hundreds of thousands): the CLI downloads the whole export.
 */
export function ExportFiles({ format, outcome }: { format: ExportItem["format"]; outcome: NonNullable<ExportItem["outcome"]> }) {
  return (
    <div className="space-y-1">
      <ul aria-label="Exported files" className="space-y-0.5 text-xs">
        {outcome.files.map((file) => (
          <li key={file.name} className="flex items-baseline justify-between gap-2">
            <a href={file.url} download className="truncate font-mono text-indigo-700 hover:underline dark:text-indigo-400">
              {file.name}
            </a>
            <span className="shrink-0 tabular-nums text-zinc-500">{formatFileSize(file.bytes)}</span>
          </li>
        ))}
      </ul>
      <p className="text-xs text-zinc-500">
        {outcome.samples.toLocaleString("en")} samples
        {outcome.skipped > 0 && `, ${outcome.skipped.toLocaleString("en")} skipped (the format cannot hold them)`}
        {format === "lmms-engine-sft" && outcome.images > 0 && (
          <>
            ; their images are in <span className="font-mono">images/</span>, which <span className="font-mono">mmr dataset export</span> downloads with the rest
          </>
        )}
        .
      </p>
    </div>
  );
}
