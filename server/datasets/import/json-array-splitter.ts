import "server-only";

/** The text of one top-level element of a JSON array, with where it starts. */
export interface ArrayElementText {
  row: number;
  line: number;
  /** Absent when the element was longer than the limit: its text was dropped as it arrived, only `bytes` is known. */
  text?: string;
  bytes: number;
}

type Phase = "before-array" | "before-element" | "in-element" | "after-element" | "after-array";

const BACKSLASH = 92;
const QUOTE = 34;
const NEWLINE = 10;
const isWhitespace = (code: number) => code === 32 || code === NEWLINE || code === 13 || code === 9 || code === 0xfeff;

/** A structural problem that makes the rest of the file unreadable (as opposed to one malformed row). */
export class JsonStructureError extends Error {}

/**
 * Cuts a JSON array arriving in chunks into the source text of its top-level elements, so each row can be parsed on
 * its own. An element longer than `maxRowBytes` is not held: it is scanned to its end and reported by size only, so
 * memory stays bounded by the limit whatever the file holds. It tracks only strings and bracket depth; whether an element is valid JSON is left to JSON.parse, so one bad row does not stop the file.
 */
export class JsonArraySplitter {
  private phase: Phase = "before-array";
  private line = 1;
  private rows = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private primitive = false;
  private pending: string[] = [];
  private pendingBytes = 0;
  private elementLine = 0;

  constructor(private readonly maxRowBytes: number) {}

  /** Elements completed by this chunk. Throws JsonStructureError when the text cannot be a JSON array. */
  push(chunk: string): ArrayElementText[] {
    const done: ArrayElementText[] = [];
    let start = 0; // where the current element's text begins in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.phase === "in-element") {
        if (this.scanElementChar(code)) {
          const end = this.primitive ? i : i + 1;
          done.push(this.finishElement(chunk.slice(start, end)));
          if (!this.primitive) {
            if (code === NEWLINE) this.line++;
            continue;
          }
          // A primitive ends at the delimiter after it, which belongs to the array: read it again below.
        } else {
          if (code === NEWLINE) this.line++;
          continue;
        }
      }
      if (code === NEWLINE) this.line++;
      if (isWhitespace(code)) continue;
      const char = chunk[i];
      if (this.phase === "before-array") {
        if (char !== "[") throw new JsonStructureError(`expected a JSON array of rows, found '${char}' at line ${this.line}${char === "{" ? " (one object per line is JSON Lines: name the file .jsonl)" : ""}`);
        this.phase = "before-element";
      } else if (this.phase === "before-element") {
        if (char === "]") this.phase = "after-array";
        else if (char === ",") throw new JsonStructureError(`unexpected ',' at line ${this.line}`);
        else {
          start = i;
          this.startElement(code);
          i--; // scan the element's first character in the element phase
        }
      } else if (this.phase === "after-element") {
        if (char === ",") this.phase = "before-element";
        else if (char === "]") this.phase = "after-array";
        else throw new JsonStructureError(`expected ',' or ']' after row ${this.rows}, found '${char}' at line ${this.line}`);
      } else {
        throw new JsonStructureError(`unexpected '${char}' after the array's closing ']' at line ${this.line}`);
      }
    }
    if (this.phase === "in-element") this.keepPending(chunk.slice(start));
    return done;
  }

  /** Call at end of input: throws when the array is not complete (a truncated file). */
  end(): void {
    if (this.phase === "before-array") throw new JsonStructureError("the file holds no JSON array (it is empty)");
    if (this.phase === "in-element") throw new JsonStructureError(`the file ends inside row ${this.rows} (which starts at line ${this.elementLine}): it is truncated`);
    if (this.phase !== "after-array") throw new JsonStructureError(`the file ends after row ${this.rows} without the array's closing ']': it is truncated`);
  }

  private startElement(code: number): void {
    this.phase = "in-element";
    this.rows++;
    this.elementLine = this.line;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.primitive = code !== 123 && code !== 91 && code !== QUOTE; // not '{', '[' or a string
  }

  /** Advances the element scanner by one character; true when the element is complete. */
  private scanElementChar(code: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) {
        this.inString = false;
        return this.depth === 0;
      }
      return false;
    }
    if (this.primitive) return code === 44 || code === 93 || isWhitespace(code); // ',' ']' or whitespace
    if (code === QUOTE) this.inString = true;
    else if (code === 123 || code === 91) this.depth++;
    else if (code === 125 || code === 93) return --this.depth === 0;
    return false;
  }

  private keepPending(text: string): void {
    this.pendingBytes += Buffer.byteLength(text);
    if (this.pendingBytes > this.maxRowBytes) this.pending = [];
    else this.pending.push(text);
  }

  private finishElement(tail: string): ArrayElementText {
    this.keepPending(tail);
    const bytes = this.pendingBytes;
    const element = { row: this.rows, line: this.elementLine, bytes, text: bytes > this.maxRowBytes ? undefined : this.pending.join("") };
    this.pending = [];
    this.pendingBytes = 0;
    this.phase = "after-element";
    return element;
  }
}
