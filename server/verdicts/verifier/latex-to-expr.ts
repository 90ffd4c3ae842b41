// Normalised LaTeX (or a plain arithmetic expression) parsed into a MathNode tree by recursive descent.
import { ParseError, tokenize, type Token } from "./tokenize";
import type { MathNode, RelOp } from "./types";

const functionNames = new Set([
  "sin", "cos", "tan", "sec", "csc", "cot", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "ln", "log", "exp",
  "arcsec", "arccsc", "arccot", "lg",
]);
const greek = new Set([
  "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa", "lambda",
  "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega", "Gamma", "Delta", "Theta",
  "Lambda", "Xi", "Sigma", "Phi", "Psi", "Omega",
]);
const relationCommands: Record<string, RelOp> = {
  le: "<=", leq: "<=", leqslant: "<=", ge: ">=", geq: ">=", geqslant: ">=", ne: "!=", neq: "!=", lt: "<", gt: ">", in: "=",
};
const matrixEnvironments = new Set(["pmatrix", "bmatrix", "Bmatrix", "vmatrix", "matrix", "smallmatrix", "array"]);

const maxDepth = 200;

class Parser {
  private pos = 0;
  private absDepth = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly check: () => void,
    /** Plain arithmetic: `^` takes a whole signed power, not one character. */
    private readonly plain = false,
  ) {}

  parseAll(): MathNode {
    const items = this.parseItems();
    if (this.pos < this.tokens.length) throw new ParseError(`unexpected ${this.tokens[this.pos].text}`);
    if (items.length === 0) throw new ParseError("empty");
    return items.length === 1 ? items[0] : { t: "set", items };
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  private is(kind: Token["k"], text?: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token !== undefined && token.k === kind && (text === undefined || token.text === text);
  }
  private expect(kind: Token["k"], text: string): void {
    if (!this.is(kind, text)) throw new ParseError(`expected ${text}`);
    this.pos++;
  }

  /** Comma- or semicolon-separated items up to a closing token (not consumed). */
  private parseItems(): MathNode[] {
    const items: MathNode[] = [];
    if (this.atItemEnd()) return items;
    items.push(this.parseRelation());
    while (this.is("punct", ",") || this.is("punct", ";")) {
      this.pos++;
      items.push(this.parseRelation());
    }
    return items;
  }
  private atItemEnd(): boolean {
    const token = this.peek();
    return token === undefined || (token.k === "punct" && ")]}".includes(token.text)) || (token.k === "cmd" && (token.text === "}" || token.text === "end"));
  }

  private parseRelation(): MathNode {
    this.enter();
    const sides = [this.parseUnion()];
    const ops: RelOp[] = [];
    for (let op = this.relationOp(); op; op = this.relationOp()) {
      ops.push(op);
      sides.push(this.parseUnion());
    }
    this.depth--;
    return ops.length === 0 ? sides[0] : { t: "rel", ops, sides };
  }
  private relationOp(): RelOp | null {
    const token = this.peek();
    if (!token) return null;
    if (token.k === "cmd" && relationCommands[token.text]) {
      this.pos++;
      return relationCommands[token.text];
    }
    if (token.k !== "punct") return null;
    if (token.text === "=") {
      this.pos++;
      return "=";
    }
    if (token.text === "<" || token.text === ">") {
      this.pos++;
      if (this.is("punct", "=")) {
        this.pos++;
        return token.text === "<" ? "<=" : ">=";
      }
      return token.text;
    }
    if (token.text === "!" && this.is("punct", "=", 1)) {
      this.pos += 2;
      return "!=";
    }
    return null;
  }

  private parseUnion(): MathNode {
    const parts = [this.parseAdditive()];
    while (this.is("cmd", "cup")) {
      this.pos++;
      parts.push(this.parseAdditive());
    }
    return parts.length === 1 ? parts[0] : { t: "union", parts };
  }

  private parseAdditive(): MathNode {
    let terms: MathNode[] = [];
    const sign = this.sign();
    if (sign === "pm") terms.push({ t: "pm", left: null, right: this.parseTerm() });
    else terms.push(sign === "-" ? negate(this.parseTerm()) : this.parseTerm());
    for (let next = this.sign(); next; next = this.sign()) {
      this.check();
      const term = this.parseTerm();
      if (next === "pm") terms = [{ t: "pm", left: terms.length === 1 ? terms[0] : { t: "add", args: terms }, right: term }];
      else terms.push(next === "-" ? negate(term) : term);
    }
    return terms.length === 1 ? terms[0] : { t: "add", args: terms };
  }
  private sign(): "+" | "-" | "pm" | null {
    if (this.is("punct", "+")) return (this.pos++, "+");
    if (this.is("punct", "-")) return (this.pos++, "-");
    if (this.is("cmd", "pm") || this.is("cmd", "mp")) return (this.pos++, "pm");
    return null;
  }

  private parseTerm(): MathNode {
    let current = this.parseUnary();
    for (;;) {
      this.check();
      if (this.is("punct", "*") || this.is("cmd", "cdot") || this.is("cmd", "times")) {
        this.pos++;
        current = multiply(current, this.parseUnary());
      } else if (this.is("punct", "/") || this.is("cmd", "div") || this.is("punct", ":")) {
        this.pos++;
        current = { t: "div", num: current, den: this.parseUnary() };
      } else if (this.startsImplicitFactor()) {
        current = multiply(current, this.parsePostfix());
      } else {
        return current;
      }
    }
  }
  private startsImplicitFactor(): boolean {
    const token = this.peek();
    if (!token) return false;
    if (token.k === "num" || token.k === "letter" || token.k === "textarg") return true;
    if (token.k === "punct") return token.text === "(" || token.text === "{" || (token.text === "|" && this.absDepth === 0);
    return (
      ["frac", "sqrt", "pi", "infty", "operatorname", "binom", "lfloor", "lceil", "begin", "{"].includes(token.text) ||
      functionNames.has(token.text) ||
      greek.has(token.text) ||
      ((token.text === "lvert" || token.text === "vert") && this.absDepth === 0)
    );
  }

  private parseUnary(): MathNode {
    this.enter();
    let node: MathNode;
    if (this.is("punct", "-")) {
      this.pos++;
      node = negate(this.parseUnary());
    } else if (this.is("punct", "+")) {
      this.pos++;
      node = this.parseUnary();
    } else if (this.is("cmd", "pm")) {
      this.pos++;
      node = { t: "pm", left: null, right: this.parseUnary() };
    } else {
      node = this.parsePostfix();
    }
    this.depth--;
    return node;
  }

  private parsePostfix(): MathNode {
    let node = this.parsePrimary();
    for (;;) {
      if (this.is("punct", "^")) {
        this.pos++;
        node = { t: "pow", base: node, exp: this.plain ? this.parseUnary() : this.parseScriptArgument() };
      } else if (this.is("punct", "_")) {
        this.pos++;
        const subscript = this.parseScriptArgument();
        // Number subscripts (bases) are ignored; a symbol's subscript becomes part of its name.
        if (node.t === "sym") node = { t: "sym", name: `${node.name}_${nodeName(subscript)}` };
      } else if (this.is("punct", "!")) {
        if (this.is("punct", "=", 1)) return node;
        this.pos++;
        node = { t: "fn", name: "factorial", args: [node] };
      } else if (this.is("cmd", "%") || this.is("punct", "%")) {
        this.pos++;
        node = { t: "div", num: node, den: { t: "num", value: 100, float: false } };
      } else if (this.is("punct", "'") && node.t === "sym") {
        this.pos++;
        node = { t: "sym", name: `${node.name}'` };
      } else {
        return node;
      }
    }
  }

  /** The argument of `^`, `_`, `\frac`, `\sqrt`: a braced group, or a single character. */
  private parseScriptArgument(): MathNode {
    const token = this.peek();
    if (!token) throw new ParseError("missing argument");
    if (token.k === "punct" && token.text === "{") {
      this.pos++;
      const items = this.parseItems();
      this.expect("punct", "}");
      if (items.length !== 1) return { t: "set", items };
      return items[0];
    }
    if (token.k === "num") {
      this.pos++;
      // `^23` is `^2` followed by 3, as TeX reads it.
      if (token.text.length > 1) this.tokens.splice(this.pos, 0, { k: "num", text: token.text.slice(1) });
      return numberNode(token.text[0]);
    }
    if (token.k === "punct" && token.text === "-") {
      this.pos++;
      return negate(this.parseScriptArgument());
    }
    if (token.k === "letter") {
      this.pos++;
      return token.text === "e" ? { t: "const", name: "e" } : { t: "sym", name: token.text };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): MathNode {
    this.check();
    const token = this.peek();
    if (!token) throw new ParseError("unexpected end");
    this.pos++;
    switch (token.k) {
      case "num":
        return numberNode(token.text);
      case "letter":
        return token.text === "e" ? { t: "const", name: "e" } : { t: "sym", name: token.text };
      case "textarg":
        return wordNode(token.text);
      case "punct":
        return this.parsePunctPrimary(token.text);
      case "cmd":
        return this.parseCommand(token.text);
    }
  }

  private parsePunctPrimary(text: string): MathNode {
    if (text === "(" || text === "[") return this.parseBracketed(text);
    if (text === "{") {
      const items = this.parseItems();
      this.expect("punct", "}");
      if (items.length === 0) return { t: "set", items };
      return items.length === 1 ? items[0] : { t: "set", items };
    }
    if (text === "|") return this.parseAbs(() => this.is("punct", "|") || this.is("cmd", "rvert") || this.is("cmd", "vert"));
    throw new ParseError(`unexpected ${text}`);
  }

  private parseBracketed(open: "(" | "["): MathNode {
    this.enter();
    const items = this.parseItems();
    const close = this.peek();
    if (!close || close.k !== "punct" || (close.text !== ")" && close.text !== "]")) throw new ParseError(`unclosed ${open}`);
    this.pos++;
    this.depth--;
    if (items.length === 1 && ((open === "(" && close.text === ")") || (open === "[" && close.text === "]"))) return items[0];
    if (items.length === 2) return { t: "interval", lo: items[0], hi: items[1], loOpen: open === "(", hiOpen: close.text === ")" };
    if (items.length === 0) throw new ParseError("empty brackets");
    return { t: "tuple", items };
  }

  private parseAbs(atClose: () => boolean): MathNode {
    this.absDepth++;
    const inner = this.parseAdditive();
    this.absDepth--;
    if (!atClose()) throw new ParseError("unclosed |");
    this.pos++;
    return { t: "fn", name: "abs", args: [inner] };
  }

  private parseCommand(name: string): MathNode {
    if (name === "frac") {
      const num = this.parseScriptArgument();
      return { t: "div", num, den: this.parseScriptArgument() };
    }
    if (name === "sqrt") {
      if (this.is("punct", "[")) {
        this.pos++;
        const index = this.parseAdditive();
        this.expect("punct", "]");
        return { t: "pow", base: this.parseScriptArgument(), exp: { t: "div", num: numberNode("1"), den: index } };
      }
      return { t: "fn", name: "sqrt", args: [this.parseScriptArgument()] };
    }
    if (name === "pi") return { t: "const", name: "pi" };
    if (name === "infty") return { t: "const", name: "inf" };
    if (name === "emptyset" || name === "varnothing") return { t: "set", items: [] };
    if (name === "{") {
      const items = this.parseItems();
      this.expect("cmd", "}");
      return { t: "set", items };
    }
    if (name === "binom") {
      const n = this.parseScriptArgument();
      return { t: "fn", name: "binom", args: [n, this.parseScriptArgument()] };
    }
    if (name === "lvert" || name === "vert") return this.parseAbs(() => this.is("cmd", "rvert") || this.is("cmd", "vert") || this.is("punct", "|"));
    if (name === "lfloor" || name === "lceil") {
      const inner = this.parseAdditive();
      this.expect("cmd", name === "lfloor" ? "rfloor" : "rceil");
      return { t: "fn", name: name === "lfloor" ? "floor" : "ceil", args: [inner] };
    }
    if (name === "operatorname") {
      this.expect("punct", "{");
      let text = "";
      while (this.peek() && !this.is("punct", "}")) text += this.tokens[this.pos++].text;
      this.expect("punct", "}");
      return this.parseFunction(text);
    }
    if (name === "begin") return this.parseMatrix();
    if (functionNames.has(name)) return this.parseFunction(name);
    if (greek.has(name)) return { t: "sym", name };
    throw new ParseError(`unsupported \\${name}`);
  }

  private parseFunction(name: string): MathNode {
    let power: MathNode | null = null;
    let base: MathNode | null = null;
    for (let round = 0; round < 2; round++) {
      if (this.is("punct", "^")) {
        this.pos++;
        power = this.parseScriptArgument();
      } else if (this.is("punct", "_")) {
        this.pos++;
        base = this.parseScriptArgument();
      }
    }
    // `\sin x`, `\sin 2x`, `\sin(x)`: the argument runs over the following implicit product.
    let argument = this.parsePostfix();
    while (this.is("letter") || this.is("num")) argument = multiply(argument, this.parsePostfix());
    let node: MathNode =
      base !== null ? { t: "div", num: { t: "fn", name: "ln", args: [argument] }, den: { t: "fn", name: "ln", args: [base] } } : { t: "fn", name: name === "lg" ? "log10" : name, args: [argument] };
    if (power !== null) node = isMinusOne(power) ? { t: "fn", name: `arc${name}`, args: [argument] } : { t: "pow", base: node, exp: power };
    return node;
  }

  private parseMatrix(): MathNode {
    const environment = this.readBraceWord();
    if (!matrixEnvironments.has(environment)) throw new ParseError(`unsupported environment ${environment}`);
    if (environment === "array" && this.is("punct", "{")) this.readBraceWord();
    const rows: MathNode[][] = [[]];
    for (;;) {
      this.check();
      if (this.is("cmd", "end")) {
        this.pos++;
        this.readBraceWord();
        break;
      }
      if (!this.peek()) throw new ParseError("unclosed matrix");
      rows[rows.length - 1].push(this.parseRelation());
      if (this.is("punct", "&")) this.pos++;
      else if (this.is("cmd", "\\")) {
        this.pos++;
        rows.push([]);
      }
    }
    const filled = rows.filter((row) => row.length > 0);
    if (filled.length === 0) throw new ParseError("empty matrix");
    return { t: "matrix", rows: filled };
  }
  private readBraceWord(): string {
    this.expect("punct", "{");
    let text = "";
    while (this.peek() && !this.is("punct", "}")) text += this.tokens[this.pos++].text;
    this.expect("punct", "}");
    return text;
  }

  private enter(): void {
    if (++this.depth > maxDepth) throw new ParseError("nested too deeply");
  }
}

function isMinusOne(node: MathNode): boolean {
  return node.t === "neg" && node.arg.t === "num" && node.arg.value === 1;
}

function nodeName(node: MathNode): string {
  switch (node.t) {
    case "num":
      return String(node.value);
    case "sym":
      return node.name;
    case "word":
      return node.text;
    case "mul":
      return node.args.map(nodeName).join("");
    default:
      return node.t;
  }
}

export function numberNode(text: string): MathNode {
  return { t: "num", value: Number(text.endsWith(".") ? text.slice(0, -1) : text), float: text.includes(".") };
}

function wordNode(content: string): MathNode {
  const text = content.trim().replace(/^\((.*)\)$/, "$1").trim();
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return numberNode(text);
  if (text === "") throw new ParseError("empty \\text");
  if (text === "e") return { t: "const", name: "e" };
  return { t: "word", text };
}

function negate(node: MathNode): MathNode {
  return { t: "neg", arg: node };
}

function multiply(left: MathNode, right: MathNode): MathNode {
  return left.t === "mul" ? { t: "mul", args: [...left.args, right] } : { t: "mul", args: [left, right] };
}

// `(?<!\\|<|!|>)=`: the reference's split point for "try again after the last equals sign".
const equalsSplit = /(?<![\\<!>])=/;
const wholeThousands = /^\s*-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?\s*$/;

/** Parses normalised LaTeX; if that fails and it has no list separators, retries on the text after the last `=`. */
export function parseLatex(latex: string, check: () => void): MathNode {
  if (wholeThousands.test(latex)) return numberNode(latex.replace(/[\s,]/g, ""));
  try {
    return new Parser(tokenize(latex, check), check).parseAll();
  } catch (error) {
    if (!(error instanceof ParseError) || latex.includes(",") || latex.includes(";")) throw error;
    const parts = latex.split(equalsSplit);
    if (parts.length <= 2) throw error;
    return new Parser(tokenize(parts[parts.length - 1], check), check).parseAll();
  }
}

/** Parses a plain expression from the expr target (`2/3`, `3 × (4+1)`), with `**` read as a power. */
export function parsePlainExpression(expression: string, check: () => void): MathNode {
  return new Parser(tokenize(expression.replace(/\*\*/g, "^").replace(/×/g, "*").replace(/÷/g, "/"), check), check, true).parseAll();
}
