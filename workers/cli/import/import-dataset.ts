import { createMmrClient } from "../client";
import { resolveConnection } from "../config";
import { printJson } from "../output";
import { ProgressDisplay } from "../progress";
import { showUploadProgress, UploadClient } from "../upload-client";
import { waitForRun } from "../wait-for-run";
import { formatImportSummary, importResultJson, parseImportResult } from "./import-result";
import { listLocalSources } from "./local-sources";
import { planUpload } from "./upload-plan";

export interface ImportOptions {
  project: string;
  name?: string;
  dataset?: string;
  serverPath?: boolean;
  json?: boolean;
  wait: boolean;
}

/**
 * `mmr dataset import`: sends the files (or names a server path), starts the import run, and unless told not to,
 * waits for it with a progress line on stderr and prints its result.
 */
export async function importDataset(inputPath: string, options: ImportOptions): Promise<void> {
  const connection = resolveConnection();
  const client = createMmrClient(connection);
  const { project } = options;
  const progress = new ProgressDisplay();
  const note = (text: string) => {
    progress.finish();
    console.error(`note: ${text}`);
  };
  try {
    // An unknown dataset is refused before anything is uploaded.
    if (options.dataset) await client.datasets.get.query({ project, datasetId: options.dataset });
    const target = options.dataset ? { datasetId: options.dataset } : { newDatasetName: options.name ?? "" };

    let location: { kind: "server-path"; path: string } | { kind: "upload"; uploadId: string; file: string };
    if (options.serverPath) {
      location = { kind: "server-path", path: inputPath };
    } else {
      const local = await listLocalSources(inputPath);
      const uploads = new UploadClient(connection, project);
      // Opened before the scan, which can take a while: a wrong project or role is refused at once.
      const uploadId = await uploads.open();
      const plan = await planUpload(local, (message) => progress.update(null, message));
      plan.notes.forEach(note);
      await uploads.send(uploadId, { files: plan.files, generated: plan.generatedList }, showUploadProgress(progress));
      location = { kind: "upload", uploadId, file: plan.importFile };
    }
    const { runId, datasetId } = await client.datasets.startImport.mutate({ project, target, location });

    if (!options.wait) {
      if (options.json) printJson({ datasetId, runId });
      else console.log(`Import run ${runId} queued for dataset ${datasetId}; follow it with the web UI's Runs page.`);
      return;
    }
    const result = parseImportResult(runId, await waitForRun(client, project, runId, progress, note));
    progress.finish();
    if (options.json) printJson(importResultJson(runId, result));
    else console.log(formatImportSummary(runId, await client.datasets.get.query({ project, datasetId }), result));
  } finally {
    progress.finish();
  }
}
