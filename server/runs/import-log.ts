import "server-only";
import { eq, sql } from "drizzle-orm";
import { runs } from "@/db/schema";
import type { Database } from "@/server/db/client";
import { DomainError } from "@/server/errors";
import { appendRunEvents } from "./events";
import { storeCheckpoints, storeMetricRecords } from "./metric-store";
import { cleanLogLine, MetricLineParser, type CheckpointSaved, type LogEvent, type MetricRecord, type RayJobFinished } from "./metrics";
import { enqueueRun } from "./queue";

export type ImportedRunStatus = "succeeded" | "failed" | "cancelled";

export interface ImportTrainingLogInput {
  projectId: string;
  kind: "sft" | "rl";
  name: string;
  /** A console log, or a verl JSONL metrics file (`trainer.logger` with `file`). */
  text: string;
  fileName: string;
  createdBy: string | null;
}

export interface ImportTrainingLogResult {
  runId: number;
  status: ImportedRunStatus;
  /** Distinct steps that carried metrics. */
  steps: number;
  /** Every metric key stored, sorted. */
  metricKeys: string[];
}

/** Lines per stored log event: the run page pages through events, and 500 lines keep one event a few hundred KB at most. */
const LINES_PER_EVENT = 500;
/** How far back from the end a crash is looked for: a Python traceback with its chained causes fits in this. */
const CRASH_TAIL_LINES = 40;

// What counts as a crash, on cleaned lines (ANSI, NUL bytes and Ray/torchrun prefixes removed):
// the traceback header, an exception line as Python prints it last (`RuntimeError: …`, `Exception: …`, `torch.OutOfMemoryError: …`,
// `ray.exceptions.RayTaskError(OutOfMemoryError): …`, torchrun's `…ChildFailedError:`, a bare `KeyboardInterrupt`),
// and PyTorch's out-of-memory message wherever it is quoted. A bare `Error: …` (any tool's wording) and
// `Exception ignored in …` (Python's harmless shutdown noise) do not count.
const TRACEBACK = /^Traceback \(most recent call last\):$/;
const PYTHON_EXCEPTION = /^(?:[A-Za-z_]\w*\.)*(?:[A-Za-z_]\w*(?:Error|Exception|Interrupt)|Exception)(?:\([^()]*\))?(?::(?:\s|$)|$)/;
const CUDA_OOM = /CUDA out of memory/;

interface Outcome {
  status: ImportedRunStatus;
  error: string | null;
}

/**
 * Creates a finished run from a training log written outside MMR Studio: its metrics per step, its checkpoints and
 * its text as log events, in one transaction (an import lands whole or not at all). A log that ends in a crash is a
 * failed run, not an import error. The log carries no timestamps the parser reads, so every point's wall time is the
 * import's time.
 */
export async function importTrainingLog(db: Database, input: ImportTrainingLogInput): Promise<ImportTrainingLogResult> {
  if (input.text.replaceAll("\0", "").trim() === "") throw new DomainError("BAD_REQUEST", `${input.fileName} is empty: there is no log to import.`);
  const lines = splitLines(input.text);
  const parser = new MetricLineParser();
  const events = [...parser.push(input.text), ...parser.end()];
  const records = events.filter((e): e is MetricRecord => e.kind === "metrics");
  const checkpoints = events.filter((e): e is CheckpointSaved => e.kind === "checkpoint");
  const outcome = judgeOutcome(lines, events);
  const steps = new Set(records.map((r) => r.step)).size;
  const metricKeys = [...new Set(records.flatMap((r) => Object.keys(r.metrics)))].sort();
  const importedAt = new Date();

  const runId = await db.transaction(async (tx) => {
    const run = await enqueueRun(tx, {
      projectId: input.projectId,
      kind: input.kind,
      name: input.name,
      queue: "gpu",
      config: { imported: { fileName: input.fileName, lines: lines.length, bytes: Buffer.byteLength(input.text) } },
      createdBy: input.createdBy,
    });
    // Inserted queued and finished in the same transaction, so no agent's claim ever sees it queued.
    await tx
      .update(runs)
      .set({
        state: outcome.status,
        progress: outcome.status === "succeeded" ? 1 : null,
        error: outcome.error,
        result: { steps, metricKeys: metricKeys.length, checkpoints: checkpoints.length, overlongLines: parser.overlongLineCount },
        // The log does not say when the run started: no start time (so no duration) rather than a made-up one.
        finishedAt: sql`now()`,
      })
      .where(eq(runs.id, run.id));
    await storeMetricRecords(tx, run.id, records, importedAt);
    await storeCheckpoints(tx, run.id, checkpoints);
    const logEvents = [];
    for (let start = 0; start < lines.length; start += LINES_PER_EVENT) {
      logEvents.push({ seq: start / LINES_PER_EVENT + 1, type: "log" as const, payload: { lines: lines.slice(start, start + LINES_PER_EVENT) } });
    }
    await appendRunEvents(tx, run.id, logEvents);
    return run.id;
  });
  return { runId, status: outcome.status, steps, metricKeys };
}

/** The file's lines as stored: NUL bytes removed (Postgres jsonb cannot hold them), no empty line after a final newline. */
function splitLines(text: string): string[] {
  const lines = (text.includes("\0") ? text.replaceAll("\0", "") : text).split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/**
 * A `ray job submit` transcript says how its job ended, and that verdict stands (`failed`, or `stopped` → cancelled).
 * Otherwise the run failed when one of its last CRASH_TAIL_LINES non-blank lines is a crash (see the patterns above),
 * and succeeded when none is. The error names the last exception line, else the first crash line found.
 */
function judgeOutcome(lines: string[], events: LogEvent[]): Outcome {
  const rayJob = events.findLast((e): e is RayJobFinished => e.kind === "ray-job-finished");
  if (rayJob?.status === "failed") return { status: "failed", error: `The Ray job ${rayJob.submissionId} failed.` };
  if (rayJob?.status === "stopped") return { status: "cancelled", error: `The Ray job ${rayJob.submissionId} was stopped.` };
  if (rayJob) return { status: "succeeded", error: null };

  const tail = lastNonBlankLines(lines, CRASH_TAIL_LINES);
  const exception = tail.findLast((line) => PYTHON_EXCEPTION.test(line));
  const crash = exception ?? tail.find((line) => TRACEBACK.test(line) || CUDA_OOM.test(line));
  if (!crash) return { status: "succeeded", error: null };
  return { status: "failed", error: `The log ends in a crash: ${crash.slice(0, 500)}` };
}

function lastNonBlankLines(lines: string[], count: number): string[] {
  const tail: string[] = [];
  for (let index = lines.length - 1; index >= 0 && tail.length < count; index--) {
    // tqdm redraws with \r: what a terminal would show is the last piece.
    const text = cleanLogLine(lines[index].split("\r").findLast((piece) => piece.trim() !== "") ?? "");
    if (text !== "") tail.unshift(text);
  }
  return tail;
}
