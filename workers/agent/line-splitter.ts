/**
 * The longest line the agent ships: far above any metric line (a verl step with 150 keys is under 10 KB), and small
 * enough that even escaped as JSON (6 bytes a character at worst) it leaves a request well under the server's 1 MiB.
 */
export const defaultMaxLineChars = 64 * 1024;

export const truncationMarker = (maxChars: number) => ` …[line truncated by the MMR agent: longer than ${maxChars} characters]`;

/**
 * Splits a process's output, arriving in chunks cut anywhere, into complete lines. A partial line is held until its
 * newline arrives. A line longer than `maxLineChars` is shipped cut at that length with a marker, and the rest of it is
 * skipped as it arrives, so a 10 MB line costs neither memory nor an oversized request. `\r` stays in the line: the
 * server reads tqdm redraws from it.
 */
export class LineSplitter {
  private pending = "";
  private skippingRestOfLine = false;

  constructor(private readonly maxLineChars = defaultMaxLineChars) {}

  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let newline = chunk.indexOf("\n", start); newline >= 0; newline = chunk.indexOf("\n", start)) {
      if (this.skippingRestOfLine) this.skippingRestOfLine = false;
      else lines.push(this.capped(this.pending + chunk.slice(start, newline)));
      this.pending = "";
      start = newline + 1;
    }
    this.hold(chunk.slice(start), lines);
    return lines;
  }

  /** The last line when the stream ends without a newline. */
  end(): string[] {
    const rest = this.pending;
    this.pending = "";
    this.skippingRestOfLine = false;
    return rest === "" ? [] : [rest];
  }

  private hold(partial: string, lines: string[]): void {
    if (this.skippingRestOfLine) return;
    this.pending += partial;
    if (this.pending.length > this.maxLineChars) {
      lines.push(this.capped(this.pending));
      this.pending = "";
      this.skippingRestOfLine = true;
    }
  }

  private capped(line: string): string {
    return line.length > this.maxLineChars ? line.slice(0, this.maxLineChars) + truncationMarker(this.maxLineChars) : line;
  }
}
