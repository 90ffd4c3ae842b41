/**
 * Reads the values Python tools print: `repr()` of dicts, lists and tuples (single quotes,
 * `nan`, `inf`, `True`/`False`/`None`, numpy-2 scalars such as `np.float64(0.5)`) and
 * `json.dumps()` output, which is JSON plus the bare tokens `NaN`, `Infinity`, `-Infinity`.
 * One reader serves both because the two formats overlap and real logs mix them.
 */
export type PyValue = number | string | boolean | null | PyValue[] | PyDict;
export interface PyDict {
  [key: string]: PyValue;
}

export interface LiteralPrefix {
  value: PyValue;
  /** Offset just past the literal (trailing whitespace not consumed). */
  end: number;
}

/** The whole text must be one literal (surrounding whitespace allowed); otherwise undefined. */
export function parsePythonLiteral(text: string): PyValue | undefined {
  const prefix = parsePythonLiteralPrefix(text, 0);
  if (!prefix) return undefined;
  return /^\s*$/.test(text.slice(prefix.end)) ? prefix.value : undefined;
}

/** Reads one literal starting at `start`, leaving whatever follows it (e.g. `, step=42`). */
export function parsePythonLiteralPrefix(text: string, start: number): LiteralPrefix | undefined {
  const reader = new LiteralReader(text, start);
  try {
    const value = reader.readValue(0);
    return { value, end: reader.pos };
  } catch (error) {
    if (error instanceof LiteralSyntaxError) return undefined;
    throw error;
  }
}

export function isPyDict(value: PyValue | undefined): value is PyDict {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class LiteralSyntaxError extends Error {}

// Deep enough for any real metrics or results file; bounded so hostile input cannot overflow the stack.
const MAX_DEPTH = 64;
const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", "0": "\0", "\\": "\\", "'": "'", '"': '"', "/": "/",
};
const WORDS: Record<string, PyValue> = {
  True: true, False: false, None: null, true: true, false: false, null: null,
  nan: Number.NaN, NaN: Number.NaN, inf: Number.POSITIVE_INFINITY, Infinity: Number.POSITIVE_INFINITY,
  "np.True_": true, "np.False_": false, "numpy.True_": true, "numpy.False_": false,
};
// numpy-2 scalar reprs wrap the number: np.float64(0.5), np.int64(3), np.bool_(True).
const NUMPY_SCALAR = /^(?:np|numpy)\.(?:float|int|uint|bool_?)\d*$/;

class LiteralReader {
  constructor(
    readonly text: string,
    public pos: number,
  ) {}

  readValue(depth: number): PyValue {
    if (depth > MAX_DEPTH) this.fail("nesting too deep");
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === "{") return this.readDict(depth);
    if (ch === "[") return this.readSequence("]", depth);
    if (ch === "(") return this.readSequence(")", depth);
    if (ch === "'" || ch === '"') return this.readString(ch);
    if (ch === "-" || ch === "+") return this.readSigned();
    if (ch !== undefined && /[\d.]/.test(ch)) return this.readNumber();
    return this.readWord(depth);
  }

  private readDict(depth: number): PyDict {
    this.pos++;
    // A null prototype so a key such as "__proto__" is stored as data, never as a prototype.
    const dict: PyDict = Object.create(null) as PyDict;
    while (true) {
      this.skipSpace();
      if (this.text[this.pos] === "}") break;
      const key = this.readValue(depth + 1);
      if (typeof key === "object" && key !== null) this.fail("dict key must be a scalar");
      this.expect(":");
      dict[String(key)] = this.readValue(depth + 1);
      if (!this.consumeSeparator("}")) break;
    }
    this.expect("}");
    return dict;
  }

  private readSequence(close: "]" | ")", depth: number): PyValue[] {
    this.pos++;
    const items: PyValue[] = [];
    while (true) {
      this.skipSpace();
      if (this.text[this.pos] === close) break;
      items.push(this.readValue(depth + 1));
      if (!this.consumeSeparator(close)) break;
    }
    this.expect(close);
    return items;
  }

  /** After an item: true when a comma was consumed (more may follow), false at the closer. */
  private consumeSeparator(close: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] === ",") {
      this.pos++;
      return true;
    }
    if (this.text[this.pos] !== close) this.fail(`expected ',' or '${close}'`);
    return false;
  }

  /** One pass over the characters: searching ahead for quotes and escapes would rescan long strings. */
  private readString(quote: string): string {
    const text = this.text;
    let out = "";
    let runStart = this.pos + 1;
    for (let at = runStart; at < text.length; at++) {
      const ch = text[at];
      if (ch === quote) {
        this.pos = at + 1;
        return out + text.slice(runStart, at);
      }
      if (ch === "\\") {
        const [decoded, length] = this.decodeEscape(at + 1);
        out += text.slice(runStart, at) + decoded;
        at += length;
        runStart = at + 1;
      }
    }
    this.fail("unterminated string");
  }

  /** Decodes the escape whose letter is at `at`; returns the text and how many characters it used. */
  private decodeEscape(at: number): [string, number] {
    const letter = this.text[at];
    if (letter === undefined) this.fail("unterminated escape");
    if (letter in SIMPLE_ESCAPES) return [SIMPLE_ESCAPES[letter], 1];
    const hexLength = letter === "x" ? 2 : letter === "u" ? 4 : letter === "U" ? 8 : 0;
    if (hexLength === 0) return ["\\" + letter, 1]; // Python keeps unknown escapes verbatim.
    const hex = this.text.slice(at + 1, at + 1 + hexLength);
    if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLength) this.fail("bad hex escape");
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) this.fail("code point out of range");
    // \uD83D\uDE00 pairs from JSON become one character because each half is kept as a UTF-16 unit.
    return [hexLength === 4 ? String.fromCharCode(code) : String.fromCodePoint(code), hexLength + 1];
  }

  private readSigned(): number {
    const sign = this.text[this.pos] === "-" ? -1 : 1;
    const afterSign = this.text[this.pos + 1];
    if (afterSign !== undefined && /[A-Za-z]/.test(afterSign)) {
      this.pos++;
      const word = this.readIdentifier();
      const value = WORDS[word];
      if (typeof value !== "number") this.fail(`unexpected '${word}'`);
      return sign * value;
    }
    return this.readNumber();
  }

  private readNumber(): number {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail("expected a value");
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private readWord(depth: number): PyValue {
    const word = this.readIdentifier();
    if (word in WORDS) return WORDS[word];
    if (NUMPY_SCALAR.test(word) && this.text[this.pos] === "(") {
      this.pos++;
      const inner = this.readValue(depth + 1);
      if (typeof inner !== "number" && typeof inner !== "boolean") this.fail("numpy scalar must hold a number");
      this.expect(")");
      return inner;
    }
    this.fail(`unexpected '${word}'`);
  }

  private readIdentifier(): string {
    IDENTIFIER.lastIndex = this.pos;
    const match = IDENTIFIER.exec(this.text);
    if (!match) this.fail("expected a value");
    this.pos += match[0].length;
    return match[0];
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`);
    this.pos++;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private fail(message: string): never {
    throw new LiteralSyntaxError(`${message} at offset ${this.pos}`);
  }
}
