// Comparison of two parsed answers, the gold deciding how equations and relations read.
import { evaluateConstant, freeSymbols, hasFloat, isPlainNumber, nearlyEqual, sampleValues, simplifiesToZero, toMathjs } from "./evaluate";
import { reduceMatrices } from "./matrix";
import { intervalsOfRelation, isAssignment, renameSymbols, shortenAssignment } from "./relations";
import type { Budget, MathNode, RelOp } from "./types";

export type CompareStage = "numeric" | "symbolic" | "string";

export interface Comparison {
  match: boolean;
  stage: CompareStage;
  /** A short phrase: "numerically", "at 6 decimals", "as sets", … */
  detail: string;
}

export interface CompareContext {
  precision: number;
  strict: boolean;
  allowSetRelation: boolean;
  budget: Budget;
}

const stageOrder: CompareStage[] = ["numeric", "symbolic", "string"];
function deeper(a: CompareStage, b: CompareStage): CompareStage {
  return stageOrder.indexOf(a) >= stageOrder.indexOf(b) ? a : b;
}
function result(match: boolean, stage: CompareStage, detail: string): Comparison {
  return { match, stage, detail };
}

const isEquation = (node: MathNode) => node.t === "rel" && node.ops.every((op) => op === "=");
const isInequality = (node: MathNode) => node.t === "rel" && node.ops.every((op) => op !== "=");
const isSetLike = (node: MathNode) => node.t === "set" || node.t === "interval" || node.t === "union";

/** The pre-steps of §4.1 (renaming, assignment chains, the gold deciding the reading), then the comparison. */
export function compareAnswers(goldInput: MathNode, predInput: MathNode, context: CompareContext): Comparison {
  let gold = shortenAssignment(goldInput);
  let pred = shortenAssignment(predInput);
  if (!context.strict) pred = renameSymbols(pred, gold);
  if (isEquation(pred) && !isEquation(gold) && gold.t !== "rel") {
    const sides = (pred as Extract<MathNode, { t: "rel" }>).sides;
    pred = sides[sides.length - 1];
  } else if (isAssignment(gold) && pred.t !== "rel") {
    const sides = (gold as Extract<MathNode, { t: "rel" }>).sides;
    gold = sides[sides.length - 1];
  }
  if (isInequality(gold) && isSetLike(pred)) {
    const asSet = intervalsOfRelation(gold as Extract<MathNode, { t: "rel" }>);
    if (!asSet) return result(false, "symbolic", "(the inequality does not read as a set)");
    const comparison = compareNodes(asSet, pred, context);
    return { ...comparison, detail: `${comparison.detail}, the inequality read as a set` };
  }
  if (isSetLike(gold) && isInequality(pred)) {
    if (!context.allowSetRelation) return result(false, "symbolic", "(a set gold is not matched by an inequality unless allow_set_relation_comp)");
    const asSet = intervalsOfRelation(pred as Extract<MathNode, { t: "rel" }>);
    if (!asSet) return result(false, "symbolic", "(the inequality does not read as a set)");
    return compareNodes(gold, asSet, context);
  }
  return compareNodes(gold, pred, context);
}

export function compareNodes(goldInput: MathNode, predInput: MathNode, context: CompareContext): Comparison {
  context.budget.check();
  const gold = reduceMatrices(goldInput);
  const pred = reduceMatrices(predInput);
  if (gold === null || pred === null) return result(false, "symbolic", "(matrix arithmetic with shapes that do not fit)");
  if (gold.t === "rel" || pred.t === "rel") {
    if (gold.t === "rel" && pred.t === "rel") return compareRelations(gold, pred, context);
    return result(false, "symbolic", "(a relation against a value)");
  }
  if (gold.t === "matrix" || pred.t === "matrix") return compareMatrices(gold, pred, context);
  if (gold.t === "interval" && pred.t === "interval") return compareIntervals(gold, pred, context);
  if (gold.t === "union" || pred.t === "union") return compareUnions(gold, pred, context);
  if (gold.t === "interval" || pred.t === "interval") return compareIntervalWithList(gold, pred, context);
  if (gold.t === "set" || pred.t === "set" || gold.t === "tuple" || pred.t === "tuple") return compareCollections(gold, pred, context);
  if (gold.t === "word" || pred.t === "word") return compareWords(gold, pred);
  return compareExpressions(gold, pred, context);
}

function compareMatrices(gold: MathNode, pred: MathNode, context: CompareContext): Comparison {
  if (gold.t !== "matrix" || pred.t !== "matrix") return result(false, "symbolic", "(a matrix against a non-matrix)");
  const shape = (rows: MathNode[][]) => `${rows.length}×${rows[0].length}`;
  if (gold.rows.length !== pred.rows.length || gold.rows.some((row, index) => row.length !== pred.rows[index].length)) {
    return result(false, "symbolic", `(matrix shapes differ: ${shape(gold.rows)} vs ${shape(pred.rows)})`);
  }
  return compareSequences(gold.rows.flat(), pred.rows.flat(), context, "entry by entry");
}

function compareSequences(gold: MathNode[], pred: MathNode[], context: CompareContext, how: string): Comparison {
  if (gold.length !== pred.length) return result(false, "symbolic", `(sizes differ: ${gold.length} vs ${pred.length})`);
  let stage: CompareStage = "numeric";
  for (let index = 0; index < gold.length; index++) {
    const comparison = compareNodes(gold[index], pred[index], context);
    stage = deeper(stage, comparison.stage);
    if (!comparison.match) return result(false, stage, `(${how}: element ${index + 1} differs)`);
  }
  return result(true, stage, how);
}

/** Order-insensitive: each gold element pairs with a distinct equal prediction element. */
function compareUnordered(gold: MathNode[], pred: MathNode[], context: CompareContext): Comparison {
  if (gold.length !== pred.length) return result(false, "symbolic", `(set sizes differ: ${gold.length} vs ${pred.length})`);
  const used = new Array<boolean>(pred.length).fill(false);
  let stage: CompareStage = "numeric";
  for (const [index, element] of gold.entries()) {
    let paired = false;
    for (let candidate = 0; candidate < pred.length && !paired; candidate++) {
      if (used[candidate]) continue;
      const comparison = compareNodes(element, pred[candidate], context);
      stage = deeper(stage, comparison.stage);
      if (comparison.match) used[candidate] = paired = true;
    }
    if (!paired) return result(false, stage, `(as sets: gold element ${index + 1} has no match)`);
  }
  return result(true, stage, "as sets");
}

function compareCollections(gold: MathNode, pred: MathNode, context: CompareContext): Comparison {
  const items = (node: MathNode) => (node.t === "set" || node.t === "tuple" ? node.items : [node]);
  // A tuple gold keeps its order, also against a set written in some order.
  if (gold.t === "tuple" && pred.t !== "set") return compareSequences(items(gold), items(pred), context, "in order");
  if (gold.t === "tuple" || (gold.t !== "set" && pred.t === "tuple")) return compareSequences(items(gold), items(pred), context, "in order");
  return compareUnordered(items(gold), items(pred), context);
}

function compareIntervals(gold: Extract<MathNode, { t: "interval" }>, pred: Extract<MathNode, { t: "interval" }>, context: CompareContext): Comparison {
  if (gold.loOpen !== pred.loOpen || gold.hiOpen !== pred.hiOpen) return result(false, "symbolic", "(interval ends differ in openness)");
  return compareSequences([gold.lo, gold.hi], [pred.lo, pred.hi], context, "as intervals");
}

/** An open interval `(a, b)` also stands for the pair (a, b). */
function compareIntervalWithList(gold: MathNode, pred: MathNode, context: CompareContext): Comparison {
  const interval = (gold.t === "interval" ? gold : pred) as Extract<MathNode, { t: "interval" }>;
  const other = gold.t === "interval" ? pred : gold;
  if (interval.loOpen && interval.hiOpen && (other.t === "set" || other.t === "tuple") && other.items.length === 2) {
    const ends = [interval.lo, interval.hi];
    return gold === interval ? compareSequences(ends, other.items, context, "as pairs") : compareSequences(other.items, ends, context, "as pairs");
  }
  if (other.t === "set" && other.items.length === 1 && other.items[0].t === "interval") {
    return gold === interval ? compareNodes(interval, other.items[0], context) : compareNodes(other.items[0], interval, context);
  }
  return result(false, "symbolic", "(an interval against a non-interval)");
}

function compareUnions(gold: MathNode, pred: MathNode, context: CompareContext): Comparison {
  const parts = (node: MathNode) => (node.t === "union" ? node.parts : [node]);
  const comparison = compareUnordered(parts(gold), parts(pred), context);
  return comparison.match ? { ...comparison, detail: "as unions (in any order)" } : comparison;
}

function lettersOf(node: MathNode): string | null {
  if (node.t === "word") return node.text;
  if (node.t === "sym") return node.name;
  if (node.t === "const" && node.name === "e") return "e";
  if (node.t === "mul" && node.args.every((arg) => arg.t === "sym" || (arg.t === "const" && arg.name === "e"))) {
    return node.args.map((arg) => (arg.t === "sym" ? arg.name : "e")).join("");
  }
  return null;
}

/** Words: names longer than one letter compare case-insensitively, single letters exactly; `E` is Euler's e. */
function compareWords(gold: MathNode, pred: MathNode): Comparison {
  const goldText = lettersOf(gold);
  const predText = lettersOf(pred);
  if (goldText === null || predText === null) return result(false, "string", "(a word against a number or expression)");
  if ((goldText === "E" || goldText === "e") && (predText === "E" || predText === "e")) return result(true, "string", "as Euler's number");
  const match = goldText.length > 1 || predText.length > 1 ? goldText.toLowerCase() === predText.toLowerCase() : goldText === predText;
  return result(match, "string", match ? "as words" : "(different words)");
}

function roundTo(value: number, places: number): number {
  return Number(value.toFixed(Math.min(places, 100)));
}

export function compareExpressions(gold: MathNode, pred: MathNode, context: CompareContext): Comparison {
  const goldSymbols = freeSymbols(gold);
  const predSymbols = freeSymbols(pred);
  if (goldSymbols.size === 0 && predSymbols.size === 0) {
    const goldValue = evaluateConstant(gold);
    const predValue = evaluateConstant(pred);
    if (Number.isNaN(goldValue) || Number.isNaN(predValue)) return result(false, "numeric", "(not a number)");
    const plain = isPlainNumber(gold) || isPlainNumber(pred);
    if (plain && (hasFloat(gold) || hasFloat(pred))) {
      // Rounding to `precision` places, not a relative tolerance: 2/3 vs 0.667 is false at 6 places.
      const match = roundTo(goldValue, context.precision) === roundTo(predValue, context.precision);
      return result(match, "numeric", `${match ? "" : "(differ "}at ${context.precision} decimals${match ? "" : ")"}`);
    }
    const match = goldValue === predValue || (Number.isFinite(goldValue) && nearlyEqual(goldValue, predValue, 1e-12));
    return result(match, "numeric", match ? "numerically" : `(${formatNumber(goldValue)} vs ${formatNumber(predValue)})`);
  }
  return compareSymbolic(gold, pred, [...new Set([...goldSymbols, ...predSymbols])].sort(), context);
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(8)));
}

/** Equivalence of expressions with free variables through mathjs: compiled and evaluated at sample points. */
function compareSymbolic(gold: MathNode, pred: MathNode, symbols: string[], context: CompareContext): Comparison {
  let goldSource: string;
  let predSource: string;
  try {
    goldSource = toMathjs(gold);
    predSource = toMathjs(pred);
  } catch {
    return result(false, "symbolic", "(not comparable as expressions)");
  }
  if (goldSource === predSource) return result(true, "symbolic", "structurally");
  const goldValues = sampleValues(goldSource, symbols);
  const predValues = sampleValues(predSource, symbols);
  let defined = 0;
  for (let index = 0; index < goldValues.length; index++) {
    const [a, b] = [goldValues[index], predValues[index]];
    if (!Number.isFinite(a) && !Number.isFinite(b)) continue;
    if (!nearlyEqual(a, b)) return result(false, "symbolic", "(differ at a sample point, mathjs)");
    defined++;
  }
  if (defined >= 2) return result(true, "symbolic", `symbolically (mathjs, equal at ${defined} sample points)`);
  context.budget.checkNow();
  const match = simplifiesToZero(goldSource, predSource);
  return result(match, "symbolic", match ? "symbolically (mathjs simplify)" : "(mathjs could not show them equal)");
}

const mirrored: Record<RelOp, RelOp> = { "=": "=", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<=" };

function compareRelations(gold: Extract<MathNode, { t: "rel" }>, pred: Extract<MathNode, { t: "rel" }>, context: CompareContext): Comparison {
  if (gold.ops.length !== pred.ops.length) return result(false, "symbolic", "(relation chains of different length)");
  let stage: CompareStage = "symbolic";
  for (let index = 0; index < gold.ops.length; index++) {
    const comparison = compareSingleRelation(
      { op: gold.ops[index], left: gold.sides[index], right: gold.sides[index + 1] },
      { op: pred.ops[index], left: pred.sides[index], right: pred.sides[index + 1] },
      context,
    );
    stage = deeper(stage, comparison.stage);
    if (!comparison.match) return comparison;
  }
  return result(true, stage, "as relations");
}

interface SingleRelation {
  op: RelOp;
  left: MathNode;
  right: MathNode;
}

function compareSingleRelation(gold: SingleRelation, pred: SingleRelation, context: CompareContext): Comparison {
  const sameSides = () => compareNodes(gold.left, pred.left, context).match && compareNodes(gold.right, pred.right, context).match;
  const swappedSides = () => compareNodes(gold.left, pred.right, context).match && compareNodes(gold.right, pred.left, context).match;
  if (gold.op === pred.op && sameSides()) return result(true, "symbolic", "as relations");
  if (mirrored[gold.op] === pred.op && swappedSides()) return result(true, "symbolic", "as mirrored relations");
  if (gold.op !== pred.op && mirrored[gold.op] !== pred.op) return result(false, "symbolic", "(relations of different kinds)");
  // Rearranged or scaled: (l₁ − r₁) = k·(l₂ − r₂) for a constant k, positive unless the relation is mirrored.
  let goldSource: string;
  let predSource: string;
  try {
    goldSource = toMathjs({ t: "add", args: [gold.left, { t: "neg", arg: gold.right }] });
    predSource = toMathjs({ t: "add", args: [pred.left, { t: "neg", arg: pred.right }] });
  } catch {
    return result(false, "symbolic", "(relation sides are not expressions)");
  }
  const symbols = [...new Set([...freeSymbols(gold.left), ...freeSymbols(gold.right), ...freeSymbols(pred.left), ...freeSymbols(pred.right)])].sort();
  const goldValues = sampleValues(goldSource, symbols);
  const predValues = sampleValues(predSource, symbols);
  let ratio: number | null = null;
  for (let index = 0; index < goldValues.length; index++) {
    const [a, b] = [goldValues[index], predValues[index]];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (b === 0 || a === 0) {
      if (a !== b) return result(false, "symbolic", "(relations differ)");
      continue;
    }
    if (ratio === null) ratio = a / b;
    else if (!nearlyEqual(ratio, a / b)) return result(false, "symbolic", "(relations differ)");
  }
  if (ratio === null) return result(false, "symbolic", "(relations could not be compared)");
  const symmetric = gold.op === "=" || gold.op === "!=";
  const match = symmetric || (gold.op === pred.op ? ratio > 0 : ratio < 0);
  return result(match, "symbolic", match ? "as equivalent relations (mathjs)" : "(relations point in different directions)");
}
