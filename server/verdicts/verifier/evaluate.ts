// Numbers out of a parsed tree, and the bridge to mathjs for expressions with free variables.
import { compile, simplify, type EvalFunction } from "mathjs";
import type { MathNode } from "./types";

export function freeSymbols(node: MathNode, into = new Set<string>()): Set<string> {
  switch (node.t) {
    case "sym":
      into.add(node.name);
      break;
    case "add":
    case "mul":
    case "fn":
      for (const arg of node.args) freeSymbols(arg, into);
      break;
    case "div":
      freeSymbols(node.num, into);
      freeSymbols(node.den, into);
      break;
    case "pow":
      freeSymbols(node.base, into);
      freeSymbols(node.exp, into);
      break;
    case "neg":
      freeSymbols(node.arg, into);
      break;
    default:
      break;
  }
  return into;
}

/** Whether the tree is arithmetic over number literals only (what SymPy would evaluate to a Number). */
export function isPlainNumber(node: MathNode): boolean {
  switch (node.t) {
    case "num":
      return true;
    case "neg":
      return isPlainNumber(node.arg);
    case "add":
    case "mul":
      return node.args.every(isPlainNumber);
    case "div":
      return isPlainNumber(node.num) && isPlainNumber(node.den);
    case "pow":
      return isPlainNumber(node.base) && node.exp.t === "num" && Number.isInteger(node.exp.value);
    default:
      return false;
  }
}

export function hasFloat(node: MathNode): boolean {
  switch (node.t) {
    case "num":
      return node.float;
    case "neg":
      return hasFloat(node.arg);
    case "add":
    case "mul":
    case "fn":
      return node.args.some(hasFloat);
    case "div":
      return hasFloat(node.num) || hasFloat(node.den);
    case "pow":
      return hasFloat(node.base) || hasFloat(node.exp);
    default:
      return false;
  }
}

const constantFunctions: Record<string, (x: number) => number> = {
  sin: Math.sin, cos: Math.cos, tan: Math.tan, sec: (x) => 1 / Math.cos(x), csc: (x) => 1 / Math.sin(x), cot: (x) => 1 / Math.tan(x),
  arcsin: Math.asin, arccos: Math.acos, arctan: Math.atan, sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh,
  ln: Math.log, log: Math.log, log10: Math.log10, exp: Math.exp, sqrt: Math.sqrt, abs: Math.abs, floor: Math.floor, ceil: Math.ceil,
  factorial: (x) => (Number.isInteger(x) && x >= 0 && x <= 170 ? factorial(x) : NaN),
};

function factorial(n: number): number {
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
}

/** The value of a tree without free variables (NaN when it has some, or is not a number). */
export function evaluateConstant(node: MathNode): number {
  switch (node.t) {
    case "num":
      return node.value;
    case "const":
      return node.name === "pi" ? Math.PI : node.name === "e" ? Math.E : Infinity;
    case "neg":
      return -evaluateConstant(node.arg);
    case "add":
      return node.args.reduce((sum, arg) => sum + evaluateConstant(arg), 0);
    case "mul":
      return node.args.reduce((product, arg) => product * evaluateConstant(arg), 1);
    case "div":
      return evaluateConstant(node.num) / evaluateConstant(node.den);
    case "pow":
      return Math.pow(evaluateConstant(node.base), evaluateConstant(node.exp));
    case "fn": {
      if (node.name === "binom") return binomial(evaluateConstant(node.args[0]), evaluateConstant(node.args[1]));
      const fn = constantFunctions[node.name];
      return fn ? fn(evaluateConstant(node.args[0])) : NaN;
    }
    default:
      return NaN;
  }
}

function binomial(n: number, k: number): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || k < 0 || k > n) return NaN;
  let result = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) result = (result * (n - i + 1)) / i;
  return Math.round(result);
}

const mathjsFunctions: Record<string, string> = {
  arcsin: "asin", arccos: "acos", arctan: "atan", arcsec: "asec", arccsc: "acsc", arccot: "acot", ln: "log", binom: "combinations",
};

/** The tree in mathjs syntax; variables are prefixed so none collides with a mathjs constant or function. */
export function toMathjs(node: MathNode): string {
  switch (node.t) {
    case "num":
      return String(node.value);
    case "sym":
      return `v_${node.name.replace(/[^A-Za-z0-9]/g, (char) => `_${char.charCodeAt(0)}`)}`;
    case "const":
      return node.name === "inf" ? "Infinity" : node.name;
    case "neg":
      return `(-(${toMathjs(node.arg)}))`;
    case "add":
      return `(${node.args.map(toMathjs).join(" + ")})`;
    case "mul":
      return `(${node.args.map(toMathjs).join(" * ")})`;
    case "div":
      return `(${toMathjs(node.num)} / ${toMathjs(node.den)})`;
    case "pow":
      return `(${toMathjs(node.base)} ^ ${toMathjs(node.exp)})`;
    case "fn":
      return `${mathjsFunctions[node.name] ?? node.name}(${node.args.map(toMathjs).join(", ")})`;
    default:
      throw new Error(`${node.t} is not an expression`);
  }
}

const compiled = new Map<string, EvalFunction>();

function compiledExpression(source: string): EvalFunction {
  let fn = compiled.get(source);
  if (!fn) {
    fn = compile(source);
    if (compiled.size > 5_000) compiled.clear();
    compiled.set(source, fn);
  }
  return fn;
}

// Fixed pseudo-random positive sample values: positive keeps square roots and logarithms real.
const samplePoints = [0.7319, 1.3863, 0.4142, 2.1718, 1.0905, 0.2887, 1.7071];

function sampleScope(symbols: string[], point: number): Map<string, number> {
  const scope = new Map<string, number>();
  symbols.forEach((symbol, index) => {
    scope.set(toMathjs({ t: "sym", name: symbol }), samplePoints[(point + index * 3) % samplePoints.length] + index * 0.173);
  });
  return scope;
}

function realOrNaN(value: unknown): number {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "re" in value && "im" in value) {
    const complex = value as { re: number; im: number };
    return Math.abs(complex.im) < 1e-12 ? complex.re : NaN;
  }
  return NaN;
}

/** mathjs values of `source` at the sample points (NaN where undefined there). */
export function sampleValues(source: string, symbols: string[]): number[] {
  const fn = compiledExpression(source);
  return samplePoints.map((_, point) => {
    try {
      return realOrNaN(fn.evaluate(sampleScope(symbols, point)));
    } catch {
      return NaN;
    }
  });
}

export function nearlyEqual(a: number, b: number, relative = 1e-9): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= relative * Math.max(1, Math.abs(a), Math.abs(b));
}

/** mathjs `simplify(a - b)` reaching 0: the slow, last-resort symbolic check when sampling says nothing. */
export function simplifiesToZero(left: string, right: string): boolean {
  try {
    return simplify(`(${left}) - (${right})`).toString() === "0";
  } catch {
    return false;
  }
}
