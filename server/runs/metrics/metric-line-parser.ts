import { parseDictLine } from "./dict-line";
import { detectLogEvent } from "./log-events";
import { cleanLogLine } from "./log-line-cleaning";
import type { LogEvent } from "./types";
import { parseVerlConsoleLine } from "./verl-console-line";

export interface MetricLineParserOptions {
  /** Longer lines are skipped whole (counted in overlongLineCount); real metric lines are a few KB. */
  maxLineLength?: number;
}

const DEFAULT_MAX_LINE_LENGTH = 1024 * 1024;

/**
 * Incremental parser for a training console stream (or a verl JSONL metrics file): feed it chunks as they
 * arrive, split anywhere, and it returns the events of every line completed so far. A line it cannot read
 * is skipped (the caller keeps the raw text as log); it never throws on input.
 * Dict lines without a step (HF Trainer) are numbered in order from 1, as the Trainer's global_step
 * starts at 1, continuing after the last explicit `step=N`.
 */
export class MetricLineParser {
  private pending = "";
  private discardingOverlongLine = false;
  private lineNumber = 0;
  private lastDictStep = 0;
  private overlongLines = 0;
  private readonly maxLineLength: number;

  constructor(options: MetricLineParserOptions = {}) {
    this.maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  }

  get overlongLineCount(): number {
    return this.overlongLines;
  }

  push(chunk: string): LogEvent[] {
    const events: LogEvent[] = [];
    let start = 0;
    for (let newline = chunk.indexOf("\n"); newline >= 0; newline = chunk.indexOf("\n", start)) {
      this.completeLine(chunk.slice(start, newline), events);
      start = newline + 1;
    }
    this.holdPartialLine(chunk.slice(start));
    return events;
  }

  /** Call once the stream is closed: the last line may have no newline. */
  end(): LogEvent[] {
    const events: LogEvent[] = [];
    if (this.pending !== "" || this.discardingOverlongLine) this.completeLine("", events);
    return events;
  }

  private holdPartialLine(text: string): void {
    if (this.discardingOverlongLine) return;
    this.pending += text;
    if (this.pending.length > this.maxLineLength) {
      this.pending = "";
      this.discardingOverlongLine = true;
    }
  }

  private completeLine(tail: string, events: LogEvent[]): void {
    const line = this.pending + tail;
    this.pending = "";
    this.lineNumber++;
    if (this.discardingOverlongLine || line.length > this.maxLineLength) {
      this.discardingOverlongLine = false;
      this.overlongLines++;
      return;
    }
    // tqdm redraws with a bare \r: each redraw is its own piece of text.
    for (const piece of line.split("\r")) this.readPiece(piece, events);
  }

  private readPiece(raw: string, events: LogEvent[]): void {
    const text = cleanLogLine(raw);
    if (text === "") return;
    const metric = parseVerlConsoleLine(text) ?? parseDictLine(text);
    if (metric) {
      const implicitStep = metric.step === undefined;
      const step = metric.step ?? this.lastDictStep + 1;
      if (metric.source === "python-dict") this.lastDictStep = step;
      events.push({ ...metric, kind: "metrics", line: this.lineNumber, step, implicitStep });
      return;
    }
    const event = detectLogEvent(text);
    if (event) events.push({ ...event, line: this.lineNumber });
  }
}
