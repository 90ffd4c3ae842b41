import type { LogEvent } from "./agent-api";

export interface LogShipperOptions {
  /** Delivers one batch; resolves once the server acknowledged it (retrying outages itself), throws when it never can. */
  send(event: LogEvent): Promise<void>;
  /** Whether a send failed because the request was over the server's size limit (nothing of it was stored). */
  isTooLarge(error: unknown): boolean;
  /** The sequence number of the first batch: one past the last the server holds for the run. */
  firstSeq: number;
  /** How long a line may wait for company before its batch goes. */
  flushIntervalMs?: number;
  /** A batch goes as soon as its lines take this many bytes as JSON: well under the server's 1 MiB request limit. */
  maxBatchBytes?: number;
  maxBatchLines?: number;
  /** Lines held while the server is unreachable; past this, lines are counted and dropped rather than exhaust memory. */
  maxPendingBytes?: number;
}

const jsonBytes = (line: string) => Buffer.byteLength(JSON.stringify(line));
// A server whose limit refuses a line this short refuses every batch: shipping gives up rather than loop.
const minShortenedLine = 1024;

/**
 * Ships a run's log lines to the server in batches, one at a time and in order, each with the next sequence number.
 * A batch keeps its number until acknowledged, so a batch resent after a lost answer is stored once by the server.
 * The training process is never slowed: lines are held in memory while the server is away.
 */
export class LogShipper {
  private readonly pending: { line: string; bytes: number; addedAt: number }[] = [];
  private pendingBytes = 0;
  private droppedLines = 0;
  private nextSeq: number;
  private flushRequested = false;
  private pumping: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failure: unknown = null;
  private readonly flushIntervalMs: number;
  private readonly maxBatchBytes: number;
  private readonly maxBatchLines: number;
  private readonly maxPendingBytes: number;

  constructor(private readonly options: LogShipperOptions) {
    this.nextSeq = options.firstSeq;
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.maxBatchBytes = options.maxBatchBytes ?? 256 * 1024;
    this.maxBatchLines = options.maxBatchLines ?? 5_000;
    this.maxPendingBytes = options.maxPendingBytes ?? 256 * 1024 * 1024;
  }

  /** The sequence number the next batch will carry. */
  get seq(): number {
    return this.nextSeq;
  }

  add(line: string): void {
    if (this.failure) return;
    const bytes = jsonBytes(line);
    if (this.pendingBytes + bytes > this.maxPendingBytes) {
      this.droppedLines++;
      return;
    }
    if (this.droppedLines > 0) {
      this.enqueue(`[MMR agent: ${this.droppedLines} lines dropped while the server could not take them]`);
      this.droppedLines = 0;
    }
    this.enqueue(line, bytes);
  }

  /** Sends everything added so far; resolves once the server has acknowledged all of it. */
  async flush(): Promise<void> {
    this.flushRequested = true;
    try {
      while (this.pending.length > 0 && !this.failure) {
        this.startPumping();
        this.wake?.();
        await this.pumping;
      }
    } finally {
      this.flushRequested = false;
    }
    if (this.failure) throw this.failure;
  }

  private enqueue(line: string, bytes = jsonBytes(line)): void {
    this.pending.push({ line, bytes, addedAt: Date.now() });
    this.pendingBytes += bytes;
    if (this.batchIsDue()) this.wake?.();
    this.startPumping();
  }

  private startPumping(): void {
    this.pumping ??= this.pump().finally(() => (this.pumping = null));
  }

  private batchIsDue(): boolean {
    return (
      this.flushRequested ||
      this.pendingBytes >= this.maxBatchBytes ||
      this.pending.length >= this.maxBatchLines ||
      (this.pending.length > 0 && Date.now() - this.pending[0].addedAt >= this.flushIntervalMs)
    );
  }

  private async pump(): Promise<void> {
    // Lowered while the server refuses batches as too large, so the next attempt is smaller.
    let lineLimit = this.maxBatchLines;
    while (this.pending.length > 0 && !this.failure) {
      if (!this.batchIsDue()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pending[0].addedAt + this.flushIntervalMs - Date.now());
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
        continue;
      }
      const count = this.batchSize(lineLimit);
      const lines = this.pending.slice(0, count).map((p) => p.line);
      try {
        await this.options.send({ seq: this.nextSeq, type: "log", payload: { lines } });
      } catch (error) {
        if (!this.options.isTooLarge(error)) {
          this.failure = error;
          return;
        }
        if (count > 1) lineLimit = Math.ceil(count / 2);
        else if (this.pending[0].line.length > minShortenedLine) this.shortenFirstLine();
        else {
          this.failure = error;
          return;
        }
        continue;
      }
      this.nextSeq++;
      lineLimit = this.maxBatchLines;
      const sent = this.pending.splice(0, count);
      this.pendingBytes -= sent.reduce((sum, p) => sum + p.bytes, 0);
    }
  }

  /** How many of the oldest lines fit in one batch (at least one). */
  private batchSize(lineLimit: number): number {
    let bytes = 0;
    let count = 0;
    while (count < this.pending.length && count < lineLimit && (count === 0 || bytes + this.pending[count].bytes <= this.maxBatchBytes)) {
      bytes += this.pending[count].bytes;
      count++;
    }
    return count;
  }

  /** A single line the server still finds too large (a limit set far below the default) is halved until it fits. */
  private shortenFirstLine(): void {
    const first = this.pending[0];
    const line = `${first.line.slice(0, Math.floor(first.line.length / 2))} …[shortened by the MMR agent to fit the server's request limit]`;
    const bytes = jsonBytes(line);
    this.pendingBytes += bytes - first.bytes;
    this.pending[0] = { ...first, line, bytes };
  }
}
