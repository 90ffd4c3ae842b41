// The recipe's reward pieces beside the verifier (SPEC.md §5–6): its answer extraction, format score and total.
import { findBoxes } from "./normalize";

export type FormatRecipe = "openmmreasoner" | "lmms-eval" | "geo3k";

const thinkAnswer = /^<think>[\s\S]*<\/think>[\s\S]*<answer>[\s\S]*<\/answer>$/;
const analysisAnswer = /^<analysis>[\s\S]*<\/analysis>[\s\S]*<answer>[\s\S]*<\/answer>$/;
const thinkBoxed = /^<think>[\s\S]*<\/think>[\s\S]*\\boxed\{[\s\S]*\}[\s\S]*$/;
const formulaCharacter = /[=+\-*/()[\]\\]/;

function hasBalancedBox(response: string): boolean {
  return findBoxes(response).some((box) => box.end <= response.length && response[box.end - 1] === "}");
}

/**
 * The recipe's answer: the first `<answer>…</answer>`, else the last balanced `\boxed{…}`, else the last line
 * ending with an unsigned number (its sign is lost, as in the recipe). Null when none is found.
 */
export function recipeAnswer(response: string): string | null {
  const tagged = /<answer>([\s\S]*?)<\/answer>/.exec(response);
  if (tagged) return tagged[1].trim();
  const boxes = findBoxes(response).filter((box) => response[box.end - 1] === "}");
  if (boxes.length > 0) return boxes[boxes.length - 1].content.trim();
  const lines = response.split("\n");
  for (let index = lines.length - 1; index >= 0; index--) {
    const number = /(\d+(?:\.\d+)?)\s*$/.exec(lines[index]);
    if (number) return number[1];
  }
  return null;
}

/** 1.0 for the requested layout, 0.8 (OpenMMReasoner / lmms-eval only) for a worked answer with an extractable end, else 0. */
export function formatReward(response: string, recipe: FormatRecipe = "openmmreasoner"): number {
  if (recipe === "geo3k") return thinkBoxed.test(response) ? 1 : 0;
  if (thinkAnswer.test(response) || (recipe === "lmms-eval" && analysisAnswer.test(response))) return 1;
  if (hasBalancedBox(response)) return 1;
  const trimmed = response.trim();
  if (trimmed.length > 50 && formulaCharacter.test(trimmed) && recipeAnswer(trimmed) !== null) return 0.8;
  return 0;
}

/** The recipe's total: 0.9·accuracy + 0.1·format. */
export function recipeScore(accuracy: number, format: number): number {
  return 0.9 * accuracy + 0.1 * format;
}
