/** What the training-log parsers recognise in a console stream, in the order it appears. */

/** Which writer produced a metric line. */
export type MetricSource = "verl-console" | "python-dict" | "verl-jsonl";

/** Values that are not numbers (`'12.3M'`, `True`, `None`): kept aside, never coerced. */
export type MetricExtraValue = string | boolean | null;

export interface MetricRecord {
  kind: "metrics";
  /** 1-based line number in the stream. */
  line: number;
  step: number;
  /** True when the line carried no step and it was numbered in order (HF Trainer dict lines). */
  implicitStep: boolean;
  source: MetricSource;
  /** NaN and ±Infinity are kept: a nan grad_norm is exactly what a user needs to see. */
  metrics: Record<string, number>;
  extras?: Record<string, MetricExtraValue>;
  /** Keys printed more than once in this line; the first value was kept. */
  duplicateKeys?: string[];
}

export interface CheckpointSaved {
  kind: "checkpoint";
  line: number;
  step: number;
  path: string;
}

export interface RayJobSubmitted {
  kind: "ray-job-submitted";
  line: number;
  submissionId: string;
}

export type RayJobStatus = "succeeded" | "failed" | "stopped";

export interface RayJobFinished {
  kind: "ray-job-finished";
  line: number;
  submissionId: string;
  status: RayJobStatus;
}

export type LogEvent = MetricRecord | CheckpointSaved | RayJobSubmitted | RayJobFinished;

/** A metric line's content before it is placed in the stream (line number, implicit step). */
export interface ParsedMetricLine {
  source: MetricSource;
  /** Undefined when the line carries no step of its own. */
  step?: number;
  metrics: Record<string, number>;
  extras?: Record<string, MetricExtraValue>;
  duplicateKeys?: string[];
}
