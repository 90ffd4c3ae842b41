// Finding the answer in a text: priority groups of patterns, rightmost match first, the first that parses wins.
import { parseLatex, parsePlainExpression, numberNode } from "./latex-to-expr";
import { allBoxes, lastBoxes, normalizeLatex } from "./normalize";
import { extractionPatterns, singleEnvironment, type PriorityPattern } from "./patterns";
import type { Budget, Extraction, MatchType, MathNode } from "./types";
import { VerifierTimeout } from "./types";

export interface ExtractionOptions {
  targets: MatchType[];
  boxedPriority: number;
  options: string[];
  lowercase: boolean;
  firstMatchOnly: boolean;
  keepFallback: boolean;
}

interface Candidate {
  match: RegExpExecArray;
  pattern: PriorityPattern;
  start: number;
  end: number;
}

interface Attempt {
  value: MathNode | null;
  choice: string | null;
  fallback: string;
}

/** Longest LaTeX a single match may hand to the parser; longer matches stay unparsed (string fallback only). */
const maxParsedLength = 4_000;
/** Matches tried per priority group before giving up on it. */
const maxCandidatesPerGroup = 200;

export function extractAnswer(text: string, options: ExtractionOptions, budget: Budget): Extraction {
  const patterns = extractionPatterns(options.targets, options.boxedPriority, options.options);
  let fallback: string | null = null;
  for (let first = 0; first < patterns.length; ) {
    const priority = patterns[first].priority;
    let last = first;
    while (last < patterns.length && patterns[last].priority === priority) last++;
    const candidates = collectCandidates(text, patterns.slice(first, last), budget);
    first = last;
    let tried = 0;
    for (const candidate of candidates) {
      budget.checkNow();
      const attempt = tryCandidate(candidate, options, budget);
      if (fallback === null && attempt.fallback !== "") fallback = attempt.fallback;
      if (attempt.value !== null || attempt.choice !== null) {
        return { value: attempt.value, choice: attempt.choice, fallback: options.keepFallback ? fallback : null, display: attempt.fallback };
      }
      if (options.firstMatchOnly || ++tried >= maxCandidatesPerGroup) break;
    }
    if (options.firstMatchOnly && candidates.length > 0) break;
  }
  return { value: null, choice: null, fallback: options.keepFallback ? fallback : null, display: fallback };
}

/** Every match of the group, the one ending furthest right first; at the same end, the longer one. */
function collectCandidates(text: string, group: PriorityPattern[], budget: Budget): Candidate[] {
  const candidates: Candidate[] = [];
  for (const pattern of group) {
    pattern.regex.lastIndex = 0;
    for (let match = pattern.regex.exec(text); match; match = pattern.regex.exec(text)) {
      budget.check();
      candidates.push({ match, pattern, start: match.index, end: match.index + match[0].length });
      if (match[0].length === 0) pattern.regex.lastIndex++;
    }
  }
  return candidates.sort((a, b) => b.end - a.end || a.start - b.start);
}

function tryCandidate(candidate: Candidate, options: ExtractionOptions, budget: Budget): Attempt {
  const { match, pattern } = candidate;
  try {
    if (pattern.kind === "string") {
      const letter = match.groups?.k ?? "";
      return { value: null, choice: options.lowercase ? letter.toLowerCase() : letter, fallback: letter };
    }
    if (pattern.kind === "expr") return exprAttempt(match, budget);
    if (pattern.kind === "latexBoxed") {
      const boxed = lastBoxes(match[1]) ?? match[1];
      return latexAttempt([{ latex: boxed, percent: false }], budget);
    }
    return latexAttempt(splitEnvironments(match[1]), budget);
  } catch (error) {
    if (error instanceof VerifierTimeout) throw error;
    return { value: null, choice: null, fallback: "" };
  }
}

interface Environment {
  latex: string;
  percent: boolean;
}

function splitEnvironments(list: string): Environment[] {
  const environments: Environment[] = [];
  singleEnvironment.lastIndex = 0;
  for (let found = singleEnvironment.exec(list); found; found = singleEnvironment.exec(list)) {
    const content = found.slice(1, 7).find((group) => group !== undefined) ?? "";
    // Inside a math environment, a box keeps only the boxes.
    environments.push({ latex: allBoxes(content) ?? content, percent: found[7] !== undefined });
  }
  return environments;
}

function latexAttempt(environments: Environment[], budget: Budget): Attempt {
  const normalized = environments.map((environment) => normalizeLatex(environment.latex));
  const fallback = normalized.map((latex, index) => (environments[index].percent ? `${latex}%` : latex)).join(" and ");
  const values: (MathNode | null)[] = [];
  for (const [index, latex] of normalized.entries()) {
    if (latex.length > maxParsedLength) {
      values.push(null);
      continue;
    }
    try {
      const value = parseLatex(latex, () => budget.check());
      values.push(environments[index].percent ? percentOf(value) : value);
    } catch (error) {
      if (error instanceof VerifierTimeout) throw error;
      values.push(null);
    }
  }
  const parsed = values.filter((value): value is MathNode => value !== null);
  // Several environments joined by "and" / "or" / "," form one set (sets among them flattened) when all parse.
  if (values.length > 1 && parsed.length === values.length) {
    return { value: { t: "set", items: parsed.flatMap((value) => (value.t === "set" ? value.items : [value])) }, choice: null, fallback };
  }
  return { value: values[0] ?? null, choice: null, fallback };
}

function percentOf(value: MathNode): MathNode {
  return { t: "div", num: value, den: { t: "num", value: 100, float: false } };
}

const anchoredNumber = /^(?:(-?[1-9]\d{0,2}(?:[ ,]\d{3})+)(\.\d+)?|(-?\d+)([.,]\d+)|(\.\d+)|(-?\d+))(\s*(?:%|[Pp]ercent|\s*[Pp]ercentage|\s*[Pp]ct))?$/;

function exprAttempt(match: RegExpExecArray, budget: Budget): Attempt {
  const numberText = match.groups?.n;
  if (numberText !== undefined) {
    const parts = anchoredNumber.exec(numberText);
    if (!parts) return { value: null, choice: null, fallback: "" };
    let integer = (parts[1] ?? parts[3] ?? parts[6] ?? "").replace(/[ ,]/g, "");
    const negative = integer.startsWith("-");
    integer = integer.replace(/^-/, "").replace(/^0+/, "") || "0";
    const decimal = (parts[2] ?? parts[4] ?? parts[5] ?? "").replace(",", ".");
    const text = `${negative ? "-" : ""}${integer}${decimal}`;
    const value = numberNode(text.replace(/^-/, ""));
    const signed: MathNode = negative ? { t: "neg", arg: value } : value;
    return { value: parts[7] ? percentOf(signed) : signed, choice: null, fallback: parts[7] ? `${text}%` : text };
  }
  const expression = match.groups?.x ?? "";
  if (expression.length > maxParsedLength) return { value: null, choice: null, fallback: expression };
  try {
    return { value: parsePlainExpression(expression.replace(/\n/g, " "), () => budget.check()), choice: null, fallback: expression };
  } catch (error) {
    if (error instanceof VerifierTimeout) throw error;
    return { value: null, choice: null, fallback: expression };
  }
}
