import { createMmrClient } from "../client";
import { resolveConnection, type Connection } from "../config";
import { printJson } from "../output";
import { ProgressDisplay } from "../progress";
import { showUploadProgress, UploadClient } from "../upload-client";
import { waitForRun } from "../wait-for-run";
import { formatEvalImportSummary, parseEvalImportResult } from "./eval-import-result";
import { listLmmsEvalFiles } from "./lmms-eval-files";

export interface EvalImportOptions {
  project: string;
  model?: string;
  replace?: boolean;
  /** The training run whose checkpoint was evaluated: recorded in the model's lineage. */
  checkpoint?: number;
  serverPath?: boolean;
  json?: boolean;
  wait: boolean;
}

type ImportLocation = { kind: "server-path"; path: string } | { kind: "upload"; uploadId: string; file: string };

/**
 * `mmr eval import`: uploads an lmms-eval output folder (or names a server path), starts the eval-import run, and
 * unless told not to, waits for it with a progress line on stderr and prints what it imported.
 */
export async function importEvaluation(inputPath: string, options: EvalImportOptions): Promise<void> {
  const connection = resolveConnection();
  const client = createMmrClient(connection);
  const { project } = options;
  const progress = new ProgressDisplay();
  try {
    const location: ImportLocation = options.serverPath ? { kind: "server-path", path: inputPath } : await uploadOutputFolder(connection, project, inputPath, progress);
    const { runId } = await client.evaluations.startImport.mutate({
      project,
      location,
      modelName: options.model,
      replace: options.replace ?? false,
      checkpointRunId: options.checkpoint,
    });

    if (!options.wait) {
      if (options.json) printJson({ runId });
      else console.log(`Evaluation import run ${runId} queued; follow it with the web UI's Runs page.`);
      return;
    }
    const note = (text: string) => {
      progress.finish();
      console.error(`note: ${text}`);
    };
    const result = parseEvalImportResult(runId, await waitForRun(client, project, runId, progress, note));
    progress.finish();
    if (options.json) printJson({ runId, ...result });
    else console.log(formatEvalImportSummary(runId, result));
  } finally {
    progress.finish();
  }
}

async function uploadOutputFolder(connection: Connection, project: string, inputPath: string, progress: ProgressDisplay): Promise<ImportLocation> {
  // Scanned before the upload is opened: a folder with no results file leaves nothing behind on the server.
  const { folder, files } = await listLmmsEvalFiles(inputPath);
  const uploads = new UploadClient(connection, project);
  const uploadId = await uploads.open();
  await uploads.send(uploadId, { files, generated: null }, showUploadProgress(progress));
  return { kind: "upload", uploadId, file: folder };
}
