import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseLmmsEvalFileName } from "./file-names";
import { isJsonObject, parseLenientJson, type JsonValue } from "./lenient-json";
import { metricRowsOfTask, type LmmsEvalMetricRow } from "./metric-rows";
import { runMetadata, type LmmsEvalRunMeta, type ResultsFileLocation } from "./run-metadata";

export interface LmmsEvalResults {
  meta: LmmsEvalRunMeta;
  rows: LmmsEvalMetricRow[];
}

/** Bad input, with the file it came from in the message. */
export class LmmsEvalFormatError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "LmmsEvalFormatError";
  }
}

/** Normalises an already-parsed `<date_id>_results.json`; `file` names it in errors. */
export function parseLmmsEvalResults(json: JsonValue | undefined, file: string, location: ResultsFileLocation = {}): LmmsEvalResults {
  if (!isJsonObject(json)) throw new LmmsEvalFormatError(file, "not a JSON object");
  const results = json.results;
  if (!isJsonObject(results)) throw new LmmsEvalFormatError(file, 'no "results" object');
  const higherIsBetter = isJsonObject(json.higher_is_better) ? json.higher_is_better : {};
  const taskNames = Object.keys(results);
  const rows: LmmsEvalMetricRow[] = [];
  for (const task of taskNames) {
    const taskResults = results[task];
    if (!isJsonObject(taskResults)) throw new LmmsEvalFormatError(file, `results.${task} is not an object`);
    const better = higherIsBetter[task];
    rows.push(...metricRowsOfTask(task, taskResults, isJsonObject(better) ? better : undefined));
  }
  return { meta: runMetadata(json, taskNames, location), rows };
}

/** Reads a results file; the date id comes from its name and the model folder from its directory. */
export async function readLmmsEvalResultsFile(filePath: string): Promise<LmmsEvalResults> {
  const json = parseLenientJson(await readFile(filePath, "utf8"));
  if (json === undefined) throw new LmmsEvalFormatError(filePath, "not valid JSON");
  const name = parseLmmsEvalFileName(path.basename(filePath));
  return parseLmmsEvalResults(json, filePath, {
    ...(name?.kind === "results" ? { dateId: name.dateId } : {}),
    folderName: path.basename(path.dirname(filePath)),
  });
}
