import { DownloadList } from "@/components/ui/download-list";
import type { ExportItem } from "./export-formats";

/**
 * The files of a finished export as download links. An SFT export's images sit in its images/ folder, which the
 * server does not list file by file (there can be hundreds of thousands): the CLI downloads the whole export.
 */
export function ExportFiles({ format, outcome }: { format: ExportItem["format"]; outcome: NonNullable<ExportItem["outcome"]> }) {
  return (
    <div className="space-y-1">
      <DownloadList label="Exported files" files={outcome.files.map((file) => ({ ...file, path: file.name }))} />
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
