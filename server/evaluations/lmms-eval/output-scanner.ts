import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseLmmsEvalFileName } from "./file-names";

export interface LmmsEvalSamplesFile {
  task: string;
  path: string;
}

/** One evaluation: a results file and the samples files written with it. */
export interface LmmsEvalOutputRun {
  dateId: string;
  resultsPath: string;
  /** The folder holding the files; lmms-eval names it after the sanitized model name. */
  modelFolder: string;
  samples: LmmsEvalSamplesFile[];
}

export interface LmmsEvalOutputScan {
  runs: LmmsEvalOutputRun[];
  /** Samples files with no results file of the same date id beside them (e.g. a run that crashed). */
  unpairedSamples: (LmmsEvalSamplesFile & { dateId: string })[];
}

/**
 * Finds lmms-eval outputs anywhere under `root` (`<out>/<model>/<date_id>_results.json`, or deeper when
 * several output paths share a parent). A samples file belongs to the results file in the same folder
 * with the same date id: lmms-eval names both from one timestamp. Symbolic links are not followed.
 */
export async function scanLmmsEvalOutput(root: string): Promise<LmmsEvalOutputScan> {
  const runs: LmmsEvalOutputRun[] = [];
  const unpairedSamples: LmmsEvalOutputScan["unpairedSamples"] = [];
  const pending = [path.resolve(root)];
  for (let directory = pending.pop(); directory !== undefined; directory = pending.pop()) {
    const entries = await readdir(directory, { withFileTypes: true });
    const resultsByDate = new Map<string, LmmsEvalOutputRun>();
    const samples: (LmmsEvalSamplesFile & { dateId: string })[] = [];
    for (const entry of entries) {
      const entryPath = path.join(directory, entry.name);
      if (entry.isDirectory()) pending.push(entryPath);
      if (!entry.isFile()) continue;
      const name = parseLmmsEvalFileName(entry.name);
      if (name?.kind === "results") {
        resultsByDate.set(name.dateId, { dateId: name.dateId, resultsPath: entryPath, modelFolder: path.basename(directory), samples: [] });
      } else if (name?.kind === "samples") {
        samples.push({ dateId: name.dateId, task: name.task, path: entryPath });
      }
    }
    for (const file of samples) {
      const run = resultsByDate.get(file.dateId);
      if (run) run.samples.push({ task: file.task, path: file.path });
      else unpairedSamples.push(file);
    }
    runs.push(...resultsByDate.values());
  }
  for (const run of runs) run.samples.sort((a, b) => byCodeUnits(a.task, b.task));
  runs.sort((a, b) => byCodeUnits(a.resultsPath, b.resultsPath));
  unpairedSamples.sort((a, b) => byCodeUnits(a.path, b.path));
  return { runs, unpairedSamples };
}

// Not localeCompare: the order must not depend on the machine's locale.
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
