/** Training-log metric parsing: pure, no database. See metric-line-parser.ts for the streaming API. */
export { MetricLineParser, type MetricLineParserOptions } from "./metric-line-parser";
export { parseTrainingLog, type ParsedTrainingLog } from "./parse-training-log";
export { StepMetricsAccumulator, type StepMetrics } from "./step-metrics-accumulator";
export { cleanLogLine, stripAnsi } from "./log-line-cleaning";
export type {
  CheckpointSaved,
  LogEvent,
  MetricExtraValue,
  MetricRecord,
  MetricSource,
  RayJobFinished,
  RayJobStatus,
  RayJobSubmitted,
} from "./types";
