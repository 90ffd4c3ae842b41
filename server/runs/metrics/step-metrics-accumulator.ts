import type { MetricExtraValue, MetricRecord } from "./types";

export interface StepMetrics {
  step: number;
  metrics: Record<string, number>;
  extras?: Record<string, MetricExtraValue>;
}

/**
 * Merges metric records into one row per step. Records for the same step are unioned and a later value
 * replaces an earlier one: verl prints a validation-only `step:0` line before the training `step:0`, and
 * a restarted run (or verl's JSONL logger after a resume) writes a step again with its newest values.
 */
export class StepMetricsAccumulator {
  private readonly byStep = new Map<number, StepMetrics>();
  private readonly keys = new Set<string>();
  private lastStep: number | undefined;
  private restarts = 0;
  private records = 0;

  add(record: MetricRecord): void {
    this.records++;
    // A step lower than the one before means the writer started over (a resume or a truncated JSONL file).
    if (this.lastStep !== undefined && record.step < this.lastStep) this.restarts++;
    this.lastStep = record.step;
    const row = this.byStep.get(record.step) ?? { step: record.step, metrics: {} };
    Object.assign(row.metrics, record.metrics);
    if (record.extras) row.extras = { ...row.extras, ...record.extras };
    this.byStep.set(record.step, row);
    for (const key of Object.keys(record.metrics)) this.keys.add(key);
  }

  /** One row per step, ascending. */
  steps(): StepMetrics[] {
    return [...this.byStep.values()].sort((a, b) => a.step - b.step);
  }

  metricKeys(): string[] {
    return [...this.keys].sort();
  }

  get recordCount(): number {
    return this.records;
  }

  get restartCount(): number {
    return this.restarts;
  }
}
