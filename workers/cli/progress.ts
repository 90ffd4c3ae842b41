import { withoutControlCharacters } from "./output";

/** Where progress goes: stderr, so stdout keeps only the result (and `--json` stays parseable). */
export interface ProgressOutput {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const barWidth = 24;
// A terminal line is redrawn at most this often; a log (not a terminal) gets one line per period.
const redrawMs = 100;
const logPeriodMs = 10_000;

/**
 * A progress line on a terminal (a bar redrawn in place), or, when stderr is a file or pipe, a plain line every few
 * seconds so logs show the command is alive without filling up.
 */
export class ProgressDisplay {
  private lastWrite: number;
  private drawn = false;

  constructor(
    private readonly output: ProgressOutput = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    // A log's first line comes one period in: a quick command prints none.
    this.lastWrite = output.isTTY ? 0 : now();
  }

  /** `fraction` in 0..1, or null when the total is unknown. */
  update(fraction: number | null, message: string): void {
    const now = this.now();
    if (now - this.lastWrite < (this.output.isTTY ? redrawMs : logPeriodMs)) return;
    this.lastWrite = now;
    const line = formatProgress(fraction, withoutControlCharacters(message));
    if (this.output.isTTY) {
      const width = Math.max((this.output.columns || 80) - 1, 10);
      this.output.write(`\r\u001b[2K${line.slice(0, width)}`);
      this.drawn = true;
    } else {
      this.output.write(`${line}\n`);
    }
  }

  /** Clears the terminal line, so what follows starts on a clean line. */
  finish(): void {
    if (this.drawn) this.output.write("\r\u001b[2K");
    this.drawn = false;
  }
}

export function formatProgress(fraction: number | null, message: string): string {
  if (fraction === null) return message;
  const clamped = Math.min(Math.max(fraction, 0), 1);
  const filled = Math.round(clamped * barWidth);
  const percent = `${Math.floor(clamped * 100)}%`.padStart(4);
  return `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ${percent} ${message}`;
}

const byteUnits = ["bytes", "KiB", "MiB", "GiB", "TiB"];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${byteUnits[unit]}`;
}
