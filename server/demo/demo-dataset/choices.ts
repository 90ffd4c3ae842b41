import type { SeededRandom } from "./random";

const letters = ["A", "B", "C", "D", "E"];

/**
 * Turns a question into multiple choice: the correct value among distinct distractors, shuffled.
 * The caller passes more distractors than needed when it can; duplicates of the correct value are dropped.
 */
export function asMultipleChoice(
  random: SeededRandom,
  question: string,
  correct: string,
  distractors: string[],
  options: { count?: number; math?: boolean } = {},
): { question: string; choices: string[]; answer: string } {
  const { count: optionCount = 4, math = false } = options;
  const wrong = [...new Set(distractors.filter((d) => d !== correct))];
  if (wrong.length < optionCount - 1) throw new Error(`Not enough distinct distractors for "${question}"`);
  const choices = random.shuffle([correct, ...random.sample(wrong, optionCount - 1)]);
  // LaTeX options are shown in `$…$`, so the sample view renders them as math.
  const lines = choices.map((choice, index) => `${letters[index]}. ${math ? `$${choice}$` : choice}`);
  return {
    question: `${question}\nChoices:\n${lines.join("\n")}\nAnswer with the option's letter.`,
    choices,
    answer: letters[choices.indexOf(correct)],
  };
}
