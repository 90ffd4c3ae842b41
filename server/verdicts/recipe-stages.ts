import { recipeAnswer, verifyAnswer, type VerifyResult } from "./verifier";

// The recipe's rule and math stages (OpenMMReasoner's reward): the answer is the first <answer>…</answer>, else the last
// \boxed{}, else the last number (and, where the recipe finds none, a short one-line response itself); the rule stage
// matches it against the gold as a choice letter or relaxed string; the math stage proves it equivalent with the
// verifier. Pure: the job, the CLI and tests share it.

const choiceLetter = /^[A-H]$/;
/** A response this short, on one line, is its own answer (lmms-eval's filtered_resps usually are): the recipe would find none. */
const maxBareAnswerChars = 200;

function answerOf(prediction: string): string | null {
  const tagged = recipeAnswer(prediction);
  if (tagged !== null) return tagged;
  const bare = prediction.trim();
  return bare !== "" && bare.length <= maxBareAnswerChars && !bare.includes("\n") ? bare : null;
}

/** The relaxed exact / multiple-choice match. */
export function ruleMatch(gold: string, prediction: string): VerifyResult {
  const answer = answerOf(prediction);
  const goldText = normalizeText(gold);
  if (answer === null) return noMatch("no answer found in the prediction", goldText, null);
  const predText = normalizeText(answer);
  const goldChoice = readChoice(gold);
  if (goldChoice && choiceLetter.test(goldChoice)) {
    const predChoice = readChoice(answer);
    if (predChoice === null) return noMatch(`the gold is choice ${goldChoice}; the answer names no choice`, goldChoice, answer);
    return predChoice === goldChoice
      ? { match: true, stage: "choice", reason: `${predChoice} matches choice ${goldChoice}`, goldExtracted: goldChoice, predExtracted: predChoice }
      : { match: false, stage: "choice", reason: `${predChoice} is not choice ${goldChoice}`, goldExtracted: goldChoice, predExtracted: predChoice };
  }
  if (goldText === "") return noMatch("the gold is empty", goldText, answer);
  if (predText === goldText) return { match: true, stage: "exact", reason: `"${excerpt(answer)}" equals the gold`, goldExtracted: gold.trim(), predExtracted: answer };
  const [shorter, longer] = predText.length <= goldText.length ? [predText, goldText] : [goldText, predText];
  if (shorter.length >= 0.9 * longer.length && longer.includes(shorter)) {
    return { match: true, stage: "exact", reason: `"${excerpt(answer)}" and the gold differ by under 10% of their length`, goldExtracted: gold.trim(), predExtracted: answer };
  }
  return { match: false, stage: "exact", reason: `"${excerpt(answer)}" does not match "${excerpt(gold.trim())}"`, goldExtracted: gold.trim(), predExtracted: answer };
}

/**
 * Math equivalence of the recipe's answer. The gold is read as verl reads it, boxed, so a bare `\sqrt{2}` parses (the
 * recipe passes it raw and fails there). The answer is read as one expression, then searched like any response
 * ("the answer is 5" inside <answer>); a prediction with no answer the recipe can find is searched whole.
 */
export function mathMatch(gold: string, prediction: string): VerifyResult {
  const boxedGold = `\\boxed{${gold.trim()}}`;
  const answer = answerOf(prediction);
  if (answer === null) return verifyAnswer(boxedGold, prediction);
  const asExpression = verifyAnswer(boxedGold, `\\boxed{${answer}}`);
  if (asExpression.match || asExpression.timedOut) return asExpression;
  const searched = verifyAnswer(boxedGold, answer);
  return searched.match || asExpression.predExtracted === null ? searched : asExpression;
}

/** A choice letter as answers write it: "B", "(B)", "B.", "B) 12", "option B", "the answer is B". */
export function readChoice(text: string): string | null {
  const trimmed = text.trim().replace(/^\*\*|\*\*$/g, "");
  const leading = /^(?:option\s+|choice\s+|answer\s*(?:is|:)\s*)?\(?([A-H])(?:[).:]|\s|$)/i.exec(trimmed);
  if (leading && (leading[1] === leading[1].toUpperCase() || trimmed.length === 1)) return leading[1].toUpperCase();
  const phrased = /\banswer\s+is\s*:?\s*\(?([A-H])\b/.exec(trimmed);
  return phrased ? phrased[1] : null;
}

function normalizeText(text: string): string {
  return text
    .replace(/\\text\{([^{}]*)\}/g, "$1")
    .replace(/\$/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.。]$/, "")
    .toLowerCase();
}

function noMatch(reason: string, goldExtracted: string | null, predExtracted: string | null): VerifyResult {
  return { match: false, stage: "none", reason, goldExtracted, predExtracted };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
