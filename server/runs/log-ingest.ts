import "server-only";
import type { Database } from "@/server/db/client";
import { highestStep, storeCheckpoints, storeMetricRecords } from "./metric-store";
import { MetricLineParser, type CheckpointSaved, type LogEvent, type MetricRecord } from "./metrics";

/** Parses complete log lines of a run and stores the metrics and checkpoints they print. Unreadable lines stay log text. */
export async function ingestLogLines(db: Database, runId: number, lines: string[], wallTime = new Date()) {
  const parser = new MetricLineParser();
  const events: LogEvent[] = [...parser.push(lines.join("\n") + "\n"), ...parser.end()];
  const metrics = events.filter((e): e is MetricRecord => e.kind === "metrics");
  // Lines without a step (HF Trainer dicts) continue after what the run already has.
  const offset = metrics.some((m) => m.implicitStep) ? await highestStep(db, runId) : 0;
  const placed = metrics.map((m) => (m.implicitStep ? { ...m, step: m.step + offset } : m));
  const points = await storeMetricRecords(db, runId, placed, wallTime);
  await storeCheckpoints(db, runId, events.filter((e): e is CheckpointSaved => e.kind === "checkpoint"));
  return { points, steps: new Set(placed.map((m) => m.step)).size, events };
}
