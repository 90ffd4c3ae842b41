import { z } from "zod";
import { CliError } from "../errors";
import { formatBytes } from "../progress";
import { plural, withoutControlCharacters } from "../output";
import type { DownloadedExport } from "./download-export";

// The export job's result (server/datasets/export/export-job.ts, ExportResult), checked rather than trusted: the CLI
// may talk to a server of another version.
const exportResultSchema = z.object({
  format: z.string(),
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  samples: z.number(),
  images: z.number(),
  skipped: z.number(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export function parseExportResult(runId: number, result: unknown): ExportResult {
  const parsed = exportResultSchema.safeParse(result);
  if (!parsed.success) throw new CliError(`Export run ${runId} succeeded, but its result is not one this mmr understands: is the CLI older than the server?`);
  return parsed.data;
}

/** What `--json` prints. `files` are the export's own files; the image files of its data folder are counted, not listed. */
export function exportResultJson(runId: number, result: ExportResult, downloaded: DownloadedExport) {
  return {
    runId,
    format: result.format,
    files: downloaded.files,
    imageFiles: downloaded.imageFiles,
    samples: result.samples,
    images: result.images,
    skipped: result.skipped,
    output: downloaded.folder,
  };
}

/** The text summary: what was exported, then each file downloaded and where. */
export function formatExportSummary(runId: number, what: string, result: ExportResult, downloaded: DownloadedExport): string {
  const skipped = result.skipped > 0 ? ` ${plural(result.skipped, "sample")} skipped: the format cannot hold them (the run's log says why).` : "";
  const lines = [`Exported ${plural(result.samples, "sample")} of ${what} with ${plural(result.images, "image reference")} (run ${runId}).${skipped}`, `Downloaded into ${downloaded.folder}:`];
  const rows = downloaded.files.map((file) => [file.name, formatBytes(file.bytes)]);
  if (downloaded.imageFiles.count > 0) rows.push([downloaded.imageFiles.folders.map((folder) => `${folder}/`).join(", "), `${plural(downloaded.imageFiles.count, "image file")}, ${formatBytes(downloaded.imageFiles.bytes)}`]);
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, size] of rows) lines.push(`  ${name.padEnd(width)}  ${size}`);
  return lines.map(withoutControlCharacters).join("\n");
}
