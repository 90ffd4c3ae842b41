// The extraction regular expressions, grouped by priority (a lower number is tried first).
import type { MatchType } from "./types";

export type PatternKind = "latex" | "latexBoxed" | "expr" | "string";

export interface PriorityPattern {
  regex: RegExp;
  priority: number;
  kind: PatternKind;
}

/** `word` matched case-insensitively (Node 20's RegExp has no inline `(?i:…)`). */
function ci(word: string): string {
  return [...word].map((char) => (/[a-z]/i.test(char) ? `[${char.toLowerCase()}${char.toUpperCase()}]` : char === " " ? " " : char)).join("");
}

// Contents of each math environment: display ones may span lines, inline ones may not.
const envContent = {
  displayDollar: "(?:[^$]|\\$(?!\\$))",
  displayBracket: "(?:[^\\\\]|\\\\(?!\\]))",
  inlineDollar: "(?:\\\\[$]|[^\\n$])",
  inlineParen: "(?:[^\\\\\\n]|\\\\(?!\\)))",
  inlineBracket: "[^\\n\\]\\[]",
};
const percentSuffix = "(?:\\\\?%|[Pp]ercent|[Pp]ercentage|[Pp]ct)";
const simpleNumber = "-?\\d+(?:[.,]\\d+)?";

function envAlternatives(boxed: boolean, capture: boolean): string[] {
  const body = (content: string) => {
    const inner = boxed ? `${content}*?\\\\boxed\\{${content}+?\\}${content}*?` : `${content}+?`;
    return capture ? `(${inner})` : inner;
  };
  const alternatives = [
    `(?<!\\\\)\\$\\$${body(envContent.displayDollar)}(?<!\\\\)\\$\\$`,
    `(?<!\\\\)\\\\\\[${body(envContent.displayBracket)}(?<!\\\\)\\\\\\]`,
    `(?<![\\\\\\d])\\$${body(envContent.inlineDollar)}(?<!\\\\)\\$`,
    `(?<!\\\\)\\\\\\(${body(envContent.inlineParen)}(?<!\\\\)\\\\\\)`,
    capture ? `(?:^|\\s)\\[${body(envContent.inlineBracket)}\\](?=\\s|$)` : `\\s\\[${body(envContent.inlineBracket)}\\]\\s`,
  ];
  if (!boxed) {
    const fraction = `-?\\\\frac\\{${simpleNumber}\\}\\{${simpleNumber}\\}`;
    alternatives.push(capture ? `(${fraction})` : fraction);
  }
  return alternatives;
}

function envList(boxed: boolean): string {
  const env = `(?:(?:${envAlternatives(boxed, false).join("|")})\\s*${percentSuffix}?)`;
  return `(${env}(?:\\s*(?:,?and|,?or|,)\\s*${env}){0,5})`;
}

/** Splits the text of a matched environment list into its environments, each with its percent marker. */
export const singleEnvironment = new RegExp(
  `(?:${envAlternatives(false, true).join("|")})\\s*(${percentSuffix})?`,
  "g",
);

function latexPatterns(boxedPriority: number): PriorityPattern[] {
  const envs = envList(false);
  const patterns: [string, number][] = [
    [`${ci("final answer is")}:?\\s*${envs}\\.?\\s?I hope`, 0],
    [`${ci("final answer")}.{0,100}?\\s+is:?\\s*${envs}`, 50],
    [`${ci("answer")}:.{0,50}?${envs}`, 100],
    [`${ci("answer")}.{0,50}?${envs}`, 200],
    [envs, 300],
  ];
  const result: PriorityPattern[] = patterns.map(([source, priority]) => ({ regex: new RegExp(source, "gs"), priority, kind: "latex" }));
  if (boxedPriority >= 0) {
    result.push({ regex: new RegExp(envList(true), "gs"), priority: boxedPriority, kind: "latex" });
    // A bare box runs to the last closing brace of the text; the normaliser brace-matches it.
    result.push({ regex: /(\\boxed\{.+\})/gs, priority: boxedPriority, kind: "latexBoxed" });
  }
  return result;
}

const currency = "$€£¥₹₽₪₩₫฿₡₢₣₤₥₦₧₨₭₮₯₰₱₲₳₴₵₶₷₸₺₻₼₾₿".replace(/[$]/g, "\\$");
export const numberSource =
  "(?<!\\d)(?:-?[1-9]\\d{0,2}(?:[ ,]\\d{3})+(?:\\.\\d+)?|-?\\d+[.,]\\d+|\\.\\d+|-?\\d+)(?:\\s*(?:%|[Pp]ercent|\\s*[Pp]ercentage|\\s*[Pp]ct))?";
const operators = "+\\-*×/^()÷";
const exprChars = `[\\d.\\s${operators}]`;
// Bounded runs (the reference's are not): an unbounded run backtracks quadratically over long digit-and-space text.
const exprSource = `-?\\(?-?\\d${exprChars}{0,80}[${operators}]${exprChars}{1,80}\\)?`;
const exprPrefix = "(?:^|\\s|=)(?:\\*\\*)?";
const exprSuffix = "(?:\\*\\*)?(?:\\.|,|:|\\s|\\)|\\$|$)";
const exprWithAnchors = `(?:${exprPrefix}(?<x>${exprSource})${exprSuffix})`;
const numberWithAnchors = `(?:${exprPrefix}[${currency}]?(?<n>${numberSource}))`;

function exprPatterns(): PriorityPattern[] {
  const either = `(?:${exprWithAnchors}|${numberWithAnchors})`;
  const patterns: [string, number][] = [
    [`${ci("final answer is")}:?\\s*${either}\\.?\\s?I hope`, 0],
    [`${ci("final answer")}.{0,100}?\\s+is:?${either}`, 50],
    [`${ci("answer")}:(?:.{0,100}=\\s*|.{0,50}?)${either}(?!\\s*=)`, 100],
    [`${ci("answer")}(?:.{0,100}=\\s*|.{0,50}?)${either}(?!\\s*=)`, 200],
    [exprWithAnchors, 300],
    [numberWithAnchors, 300],
  ];
  return patterns.map(([source, priority]) => ({ regex: new RegExp(source, "g"), priority, kind: "expr" }));
}

function stringPatterns(options: string[]): PriorityPattern[] {
  const keys = `(?<k>${options.map((option) => option.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`;
  const suffix = "(?:\\*\\*)?(?:\\.|,|:|\\s|$)";
  const free = `(?:^|\\s)(?:\\*\\*)?${keys}${suffix}`;
  const patterns: [string, number][] = [
    [`${ci("final answer is")}:?\\s*${keys}\\.?\\s?I hope`, 0],
    [`${ci("final answer")}.{0,100}?\\s+is:?\\s*${keys}`, 50],
    [`${ci("answer")}:.{0,50}?${free}`, 100],
    [`${ci("answer")}.{0,50}?${free}`, 200],
    [`^(?:\\*\\*)?${keys}${suffix}`, 250],
    [free, 300],
  ];
  return patterns.map(([source, priority]) => ({ regex: new RegExp(source, "g"), priority, kind: "string" }));
}

const cache = new Map<string, PriorityPattern[]>();

/** All patterns of the chosen targets, sorted by priority; compiled once per configuration. */
export function extractionPatterns(targets: MatchType[], boxedPriority: number, options: string[]): PriorityPattern[] {
  const key = `${targets.join(",")}|${boxedPriority}|${options.join(",")}`;
  let patterns = cache.get(key);
  if (!patterns) {
    patterns = targets
      .flatMap((target) => (target === "latex" ? latexPatterns(boxedPriority) : target === "expr" ? exprPatterns() : stringPatterns(options)))
      .sort((a, b) => a.priority - b.priority);
    cache.set(key, patterns);
  }
  return patterns;
}
