import { z } from "zod";
import { CliError } from "../errors";
import { plural, withoutControlCharacters } from "../output";

// The import job's result (server/datasets/import-job.ts, ImportResult), checked rather than trusted: the CLI may
// talk to a server of another version.
const importResultSchema = z.object({
  datasetId: z.string(),
  rowsImported: z.number(),
  rowsSkipped: z.number(),
  duplicates: z.number(),
  imagesMissing: z.number(),
  skippedRows: z.array(z.string()),
  missingImages: z.array(z.string()),
  sourcesAlreadyImported: z.array(z.string()),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export function parseImportResult(runId: number, result: unknown): ImportResult {
  const parsed = importResultSchema.safeParse(result);
  if (!parsed.success) throw new CliError(`Import run ${runId} succeeded, but its result is not one this mmr understands: is the CLI older than the server?`);
  return parsed.data;
}

/** What `--json` prints: the figures a script needs, in a fixed shape. */
export function importResultJson(runId: number, result: ImportResult) {
  const { datasetId, rowsImported, rowsSkipped, imagesMissing, duplicates, skippedRows, missingImages } = result;
  return { datasetId, runId, rowsImported, rowsSkipped, imagesMissing, duplicates, skippedRows, missingImages };
}

/** The text summary: the counts, then the server's first examples of skipped rows and missing images. */
export function formatImportSummary(runId: number, dataset: { name: string; sampleCount: number }, result: ImportResult): string {
  const lines = [
    `Imported ${plural(result.rowsImported, "sample")} into "${dataset.name}", which now holds ${plural(dataset.sampleCount, "sample")} (dataset ${result.datasetId}, run ${runId}).`,
    `${plural(result.rowsSkipped, "row")} skipped, ${plural(result.duplicates, "duplicate")}, ${plural(result.imagesMissing, "image")} missing.`,
  ];
  if (result.sourcesAlreadyImported.length > 0) lines.push(`Imported before, so nothing added from: ${result.sourcesAlreadyImported.join(", ")}.`);
  const examples = (title: string, items: string[], total: number) => {
    if (items.length === 0) return;
    lines.push(items.length < total ? `${title} (first ${items.length} of ${total.toLocaleString("en")}):` : `${title}:`);
    for (const item of items) lines.push(`  ${item}`);
  };
  examples("Skipped rows", result.skippedRows, result.rowsSkipped);
  examples("Missing images", result.missingImages, result.imagesMissing);
  return lines.map(withoutControlCharacters).join("\n");
}
