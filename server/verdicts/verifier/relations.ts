// Equations and inequalities: assignments, renaming free variables, and inequalities read as sets.
import { freeSymbols } from "./evaluate";
import type { MathNode, RelOp } from "./types";

type Relation = Extract<MathNode, { t: "rel" }>;

/** A left-hand side made only of symbols: `x`, `AB`, `a_3`, `(p,q)`, `|AB|`, `A:B`, `f(x)`. */
function isSymbolsOnly(node: MathNode): boolean {
  switch (node.t) {
    case "sym":
      return true;
    case "const":
      return node.name === "e";
    case "mul":
    case "fn":
      return node.args.every(isSymbolsOnly);
    case "div":
      return isSymbolsOnly(node.num) && isSymbolsOnly(node.den);
    case "tuple":
    case "set":
      return node.items.every(isSymbolsOnly);
    case "interval":
      return isSymbolsOnly(node.lo) && isSymbolsOnly(node.hi);
    default:
      return false;
  }
}

export function isAssignment(node: MathNode): boolean {
  return node.t === "rel" && node.ops.every((op) => op === "=") && isSymbolsOnly(node.sides[0]);
}

/** `x = 5+5+1 = 7 = 11` reads as `x = 11`: the middle steps of an assignment chain are ignored. */
export function shortenAssignment(node: MathNode): MathNode {
  if (!isAssignment(node) || node.t !== "rel" || node.sides.length <= 2) return node;
  return { t: "rel", ops: ["="], sides: [node.sides[0], node.sides[node.sides.length - 1]] };
}

function substitute(node: MathNode, names: Map<string, string>): MathNode {
  switch (node.t) {
    case "sym":
      return { t: "sym", name: names.get(node.name) ?? node.name };
    case "add":
    case "mul":
      return { ...node, args: node.args.map((arg) => substitute(arg, names)) };
    case "fn":
      return { ...node, args: node.args.map((arg) => substitute(arg, names)) };
    case "div":
      return { t: "div", num: substitute(node.num, names), den: substitute(node.den, names) };
    case "pow":
      return { t: "pow", base: substitute(node.base, names), exp: substitute(node.exp, names) };
    case "neg":
      return { t: "neg", arg: substitute(node.arg, names) };
    case "pm":
      return { t: "pm", left: node.left && substitute(node.left, names), right: substitute(node.right, names) };
    case "set":
    case "tuple":
      return { ...node, items: node.items.map((item) => substitute(item, names)) };
    case "interval":
      return { ...node, lo: substitute(node.lo, names), hi: substitute(node.hi, names) };
    case "union":
      return { t: "union", parts: node.parts.map((part) => substitute(part, names)) };
    case "matrix":
      return { t: "matrix", rows: node.rows.map((row) => row.map((cell) => substitute(cell, names))) };
    case "rel":
      return { ...node, sides: node.sides.map((side) => substitute(side, names)) };
    default:
      return node;
  }
}

function allSymbols(node: MathNode): Set<string> {
  const symbols = new Set<string>();
  const visit = (current: MathNode) => {
    if (current.t === "rel") current.sides.forEach(visit);
    else if (current.t === "set" || current.t === "tuple") current.items.forEach(visit);
    else if (current.t === "interval") [current.lo, current.hi].forEach(visit);
    else if (current.t === "union") current.parts.forEach(visit);
    else if (current.t === "matrix") current.rows.flat().forEach(visit);
    else freeSymbols(current, symbols);
  };
  visit(node);
  return symbols;
}

/** Non-strict mode: the prediction's free variables renamed, by sorted position, to the gold's (same count only). */
export function renameSymbols(pred: MathNode, gold: MathNode): MathNode {
  const predSymbols = [...allSymbols(pred)].sort();
  const goldSymbols = [...allSymbols(gold)].sort();
  if (predSymbols.length === 0 || predSymbols.length !== goldSymbols.length) return pred;
  return substitute(pred, new Map(predSymbols.map((symbol, index) => [symbol, goldSymbols[index]])));
}

const infinity: MathNode = { t: "const", name: "inf" };
const minusInfinity: MathNode = { t: "neg", arg: infinity };
const negate = (node: MathNode): MathNode => ({ t: "neg", arg: node });
const flipped: Record<RelOp, RelOp> = { "=": "=", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<=" };

const isVariable = (node: MathNode) => node.t === "sym";
const isAbsOfVariable = (node: MathNode) => node.t === "fn" && node.name === "abs" && isVariable(node.args[0]);

/** `x op c` as the set of x it allows. */
function halfLine(op: RelOp, bound: MathNode): MathNode | null {
  switch (op) {
    case "<":
      return { t: "interval", lo: minusInfinity, hi: bound, loOpen: true, hiOpen: true };
    case "<=":
      return { t: "interval", lo: minusInfinity, hi: bound, loOpen: true, hiOpen: false };
    case ">":
      return { t: "interval", lo: bound, hi: infinity, loOpen: true, hiOpen: true };
    case ">=":
      return { t: "interval", lo: bound, hi: infinity, loOpen: false, hiOpen: true };
    case "!=":
      return { t: "union", parts: [halfLine("<", bound)!, halfLine(">", bound)!] };
    default:
      return null;
  }
}

function mirrorInterval(node: MathNode): MathNode {
  if (node.t !== "interval") return node;
  return { t: "interval", lo: negate(node.hi), hi: negate(node.lo), loOpen: node.hiOpen, hiOpen: node.loOpen };
}

/** `|x| op c` read as the union of a set and its mirror image. */
function withMirror(positive: MathNode): MathNode {
  if (positive.t === "interval" && positive.lo === minusInfinity) return positive;
  const mirror = mirrorInterval(positive);
  return { t: "union", parts: [mirror, positive] };
}

/** An inequality (or a chain of two) in one variable as an interval or union: `-7 < a \le 10` is (-7, 10]. */
export function intervalsOfRelation(relation: Relation): MathNode | null {
  if (relation.ops.length === 1) {
    let [left, right] = relation.sides;
    let op = relation.ops[0];
    if (!isVariable(left) && !isAbsOfVariable(left)) {
      [left, right] = [right, left];
      op = flipped[op];
    }
    if (isVariable(left)) return halfLine(op, right);
    if (!isAbsOfVariable(left)) return null;
    if (op === "<" || op === "<=") return { t: "interval", lo: negate(right), hi: right, loOpen: op === "<", hiOpen: op === "<" };
    if (op === ">" || op === ">=") {
      return { t: "union", parts: [halfLine(op === ">" ? "<" : "<=", negate(right))!, halfLine(op, right)!] };
    }
    return null;
  }
  if (relation.ops.length !== 2) return null;
  const middle = relation.sides[1];
  let [low, high] = [relation.sides[0], relation.sides[2]];
  let [first, second] = relation.ops;
  if ((first === ">" || first === ">=") && (second === ">" || second === ">=")) {
    [low, high] = [high, low];
    [first, second] = [flipped[second], flipped[first]];
  }
  if (!(first === "<" || first === "<=") || !(second === "<" || second === "<=")) return null;
  const interval: MathNode = { t: "interval", lo: low, hi: high, loOpen: first === "<", hiOpen: second === "<" };
  if (isVariable(middle)) return interval;
  return isAbsOfVariable(middle) ? withMirror(interval) : null;
}
