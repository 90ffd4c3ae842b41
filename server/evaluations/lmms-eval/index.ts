/** lmms-eval output parsing: results JSON, samples JSONL and output folders. Pure, no database. */
export { dateIdToLocalIso, parseLmmsEvalFileName, type LmmsEvalFileName } from "./file-names";
export type { JsonValue } from "./lenient-json";
export type { LmmsEvalMetricRow } from "./metric-rows";
export { scanLmmsEvalOutput, type LmmsEvalOutputRun, type LmmsEvalOutputScan, type LmmsEvalSamplesFile } from "./output-scanner";
export { LmmsEvalFormatError, parseLmmsEvalResults, readLmmsEvalResultsFile, type LmmsEvalResults } from "./results-file";
export type { LmmsEvalRunMeta, LmmsEvalTaskInfo, ResultsFileLocation } from "./run-metadata";
export { parseLmmsEvalSampleLine, readLmmsEvalSamples, type LmmsEvalSample, type SampleLineResult } from "./samples-file";
