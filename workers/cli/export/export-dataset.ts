import { readdir } from "node:fs/promises";
import path from "node:path";
import { createMmrClient, type MmrClient } from "../client";
import { resolveConnection } from "../config";
import { CliError } from "../errors";
import { printJson } from "../output";
import { ProgressDisplay } from "../progress";
import { waitForRun } from "../wait-for-run";
import { ArtifactDownloader } from "./artifact-download";
import { downloadExport } from "./download-export";
import { exportResultJson, formatExportSummary, parseExportResult } from "./export-result";

/** The formats by their short CLI names: the server's name for each, and how to say it. */
export const exportFormats = {
  sft: { server: "lmms-engine-sft", label: "lmms-engine SFT" },
  rl: { server: "verl-rl", label: "verl RL" },
} as const;
export type ExportFormatName = keyof typeof exportFormats;

export interface ExportOptions {
  project: string;
  dataset: string;
  version: string;
  format: ExportFormatName;
  output?: string;
  json?: boolean;
  wait: boolean;
}

/** `--version 3` or `--version v3` by number, else a version id; either must be one of the dataset's versions. */
export async function resolveVersion(client: MmrClient, project: string, dataset: { id: string; name: string }, given: string) {
  const versions = await client.datasetVersions.list.query({ project, datasetId: dataset.id });
  const number = /^v?\d+$/i.test(given) ? Number(given.replace(/^v/i, "")) : null;
  const version = versions.find((candidate) => (number === null ? candidate.id === given : candidate.number === number));
  if (version) return version;
  const known = versions.length === 0 ? "it has no versions yet: freeze one first" : `its versions are ${versions.map((v) => `v${v.number}`).join(", ")}`;
  throw new CliError(`Dataset "${dataset.name}" has no version ${number === null ? JSON.stringify(given) : number} (${known}).`);
}

/** The default output folder, `./<dataset name>-v<N>-<format>`, with the name reduced to characters safe in any path. */
function defaultOutput(datasetName: string, versionNumber: number, format: ExportFormatName): string {
  const safeName = datasetName.replace(/[^\w.-]+/g, "-").replace(/^[-.]+|-+$/g, "") || "dataset";
  return `${safeName}-v${versionNumber}-${format}`;
}

/** Files are never overwritten: the output folder must be new or empty. Checked before the export starts. */
async function ensureEmptyFolder(folder: string): Promise<void> {
  const entries = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw new CliError(`Cannot use ${folder} as the output folder: ${error.message}`);
  });
  if (entries.length > 0) throw new CliError(`${folder} is not empty: choose another --output, or remove what is there.`);
}

/**
 * `mmr dataset export`: starts the export run of one version, waits for it with a progress line on stderr, then
 * downloads every file it wrote into the output folder and prints what is there.
 */
export async function exportDatasetVersion(options: ExportOptions): Promise<void> {
  const connection = resolveConnection();
  const client = createMmrClient(connection);
  const { project } = options;
  const format = exportFormats[options.format];
  const progress = new ProgressDisplay();
  const note = (text: string) => {
    progress.finish();
    console.error(`note: ${text}`);
  };
  try {
    const dataset = await client.datasets.get.query({ project, datasetId: options.dataset });
    const version = await resolveVersion(client, project, dataset, options.version);
    const folder = path.resolve(options.output ?? defaultOutput(dataset.name, version.number, options.format));
    if (options.wait) await ensureEmptyFolder(folder);
    const { runId } = await client.datasetExports.startExport.mutate({ project, datasetId: dataset.id, versionId: version.id, format: format.server });

    if (!options.wait) {
      if (options.json) printJson({ runId });
      else console.log(`Export run ${runId} queued; its files will be listed under the dataset's versions in the web UI.`);
      return;
    }
    const result = parseExportResult(runId, await waitForRun(client, project, runId, progress, note, "export"));
    const downloaded = await downloadExport(new ArtifactDownloader(connection, runId, folder), folder, result, progress);
    progress.finish();
    if (options.json) printJson(exportResultJson(runId, result, downloaded));
    else console.log(formatExportSummary(runId, `"${dataset.name}" v${version.number} as ${format.label}`, result, downloaded));
  } finally {
    progress.finish();
  }
}
