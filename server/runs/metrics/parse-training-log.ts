import { MetricLineParser, type MetricLineParserOptions } from "./metric-line-parser";
import { StepMetricsAccumulator, type StepMetrics } from "./step-metrics-accumulator";
import type { CheckpointSaved, LogEvent, RayJobStatus } from "./types";

export interface ParsedTrainingLog {
  /** One row per step, ascending, records of the same step merged (later values win). */
  steps: StepMetrics[];
  /** Every metric key seen, sorted. */
  metricKeys: string[];
  /** Lines that carried metrics, before merging (a duplicated step 0 counts twice). */
  metricLineCount: number;
  /** How many times the step went backwards (a restart or a resumed JSONL file). */
  restartCount: number;
  checkpoints: CheckpointSaved[];
  /** Set when the log is a `ray job submit` transcript; status once the job's end was printed. */
  rayJob: { submissionId: string; status: RayJobStatus | null } | null;
  overlongLineCount: number;
}

/** Parses a whole log (console text or a verl JSONL metrics file) in one call. */
export function parseTrainingLog(text: string, options?: MetricLineParserOptions): ParsedTrainingLog {
  const parser = new MetricLineParser(options);
  return summariseLogEvents([...parser.push(text), ...parser.end()], parser.overlongLineCount);
}

function summariseLogEvents(events: LogEvent[], overlongLineCount = 0): ParsedTrainingLog {
  const accumulator = new StepMetricsAccumulator();
  const checkpoints: CheckpointSaved[] = [];
  let rayJob: ParsedTrainingLog["rayJob"] = null;
  for (const event of events) {
    if (event.kind === "metrics") accumulator.add(event);
    else if (event.kind === "checkpoint") checkpoints.push(event);
    else if (event.kind === "ray-job-submitted") rayJob = { submissionId: event.submissionId, status: null };
    else rayJob = { submissionId: event.submissionId, status: event.status };
  }
  return {
    steps: accumulator.steps(),
    metricKeys: accumulator.metricKeys(),
    metricLineCount: accumulator.recordCount,
    restartCount: accumulator.restartCount,
    checkpoints,
    rayJob,
    overlongLineCount,
  };
}
