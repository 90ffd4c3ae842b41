import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { CliError } from "../errors";
import type { UploadFile } from "../upload-client";

// The names lmms-eval gives its outputs, as the server's scanner reads them (server/evaluations/lmms-eval/file-names.ts):
// `<date_id>_results.json` and `<date_id>_samples_<task>.jsonl`. Nothing else in an output folder is imported.
const resultsFileName = /^.+?_results\.json$/;
const samplesFileName = /^.+?_samples_.+\.jsonl$/;

export interface LmmsEvalUpload {
  /** The upload folder the import reads: DIR's own name, since the server falls back to a folder's name for the model. */
  folder: string;
  files: UploadFile[];
}

/**
 * The results and samples files anywhere under an lmms-eval output folder, laid out in the upload as they are on disk
 * under a folder named like DIR. A symlinked file counts as the file; symlinked folders are not entered (no cycles).
 */
export async function listLmmsEvalFiles(directory: string): Promise<LmmsEvalUpload> {
  const root = path.resolve(directory);
  const info = await stat(root).catch(() => null);
  if (!info) throw new CliError(`${directory} does not exist.`);
  if (!info.isDirectory()) throw new CliError(`${directory} is not a folder: give the folder lmms-eval wrote (its --output_path, or a model folder inside it).`);
  // The root of a file system has no name; any fixed one does, since a model name in the results file comes first.
  const folder = path.basename(root) || "lmms-eval-output";
  const files: UploadFile[] = [];
  const pending = [root];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const localPath = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(localPath);
      if (!resultsFileName.test(entry.name) && !samplesFileName.test(entry.name)) continue;
      const file = entry.isFile() || entry.isSymbolicLink() ? await stat(localPath).catch(() => null) : null;
      if (!file?.isFile()) continue;
      const relative = path.relative(root, localPath).split(path.sep).join("/");
      files.push({ uploadPath: `${folder}/${relative}`, localPath, bytes: file.size });
    }
  }
  if (!files.some((file) => resultsFileName.test(path.basename(file.localPath)))) {
    throw new CliError(`${directory} holds no lmms-eval results file (<date>_results.json), in it or in any folder below it.`);
  }
  return { folder, files };
}
