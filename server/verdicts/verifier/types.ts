// Shared shapes of the answer verifier: its configuration, its result, and the parsed math objects.

export type MatchType = "latex" | "expr" | "string";

export interface VerifierConfig {
  harness?: "compare_strings" | "parse_verify_default" | "parse_verify_custom";
  match_types?: MatchType[];
  /** Priority of `\boxed{}` matches: 0 in the test harness, 50 by default, -1 turns boxed matching off. */
  boxed_match_priority?: number | null;
  /** Decimal places both sides are rounded to when either is a float. */
  precision?: number | null;
  /** false: the prediction's free variables are renamed, by position, to the gold's. */
  strict?: boolean | null;
  /** true: a gold set or interval may match a predicted inequality. */
  allow_set_relation_comp?: boolean | null;
  /** Multiple-choice option letters (default A–D). */
  strings?: string[] | null;
  lowercase?: boolean | null;
  /** "first_match": only the first match of a priority group is tried. */
  extraction_mode?: "first_match" | "any_match" | null;
  /** "no_fallback": the raw matched string is not kept beside the parsed object. */
  fallback_mode?: "first_match" | "no_fallback" | null;
  /** Time budget of one decision, in milliseconds (default 2,000). */
  timeoutMs?: number;
}

export type VerdictStage = "exact" | "choice" | "numeric" | "symbolic" | "string" | "none";

export interface VerifyResult {
  match: boolean;
  stage: VerdictStage;
  reason: string;
  goldExtracted: string | null;
  predExtracted: string | null;
  timedOut?: boolean;
}

export type RelOp = "=" | "<" | "<=" | ">" | ">=" | "!=";

/** A parsed answer. Expressions, containers and relations share one tree so that any of them can nest. */
export type MathNode =
  | { t: "num"; value: number; float: boolean }
  | { t: "sym"; name: string }
  | { t: "word"; text: string }
  | { t: "const"; name: "pi" | "e" | "inf" }
  | { t: "add"; args: MathNode[] }
  | { t: "mul"; args: MathNode[] }
  | { t: "div"; num: MathNode; den: MathNode }
  | { t: "pow"; base: MathNode; exp: MathNode }
  | { t: "neg"; arg: MathNode }
  | { t: "fn"; name: string; args: MathNode[] }
  | { t: "pm"; left: MathNode | null; right: MathNode }
  | { t: "set"; items: MathNode[] }
  | { t: "tuple"; items: MathNode[] }
  | { t: "interval"; lo: MathNode; hi: MathNode; loOpen: boolean; hiOpen: boolean }
  | { t: "union"; parts: MathNode[] }
  | { t: "matrix"; rows: MathNode[][] }
  | { t: "rel"; ops: RelOp[]; sides: MathNode[] };

/** One side's extraction: the parsed object (if any) and the raw string fallback (if kept). */
export interface Extraction {
  value: MathNode | null;
  /** Multiple-choice answers are plain strings, compared as such. */
  choice: string | null;
  fallback: string | null;
  /** What a person reads as "the extracted answer". */
  display: string | null;
}

/** Thrown when a decision runs out of its time budget. */
export class VerifierTimeout extends Error {
  constructor() {
    super("verifier time budget exhausted");
  }
}

/** A deadline checked inside loops and recursion, so no single decision can hang. */
export class Budget {
  private readonly deadline: number;
  private ticks = 0;
  constructor(ms: number) {
    this.deadline = performance.now() + ms;
  }
  check(): void {
    // performance.now() is cheap but not free: look at the clock every 64 checks.
    if ((++this.ticks & 63) === 0 && performance.now() > this.deadline) throw new VerifierTimeout();
  }
  checkNow(): void {
    if (performance.now() > this.deadline) throw new VerifierTimeout();
  }
}
