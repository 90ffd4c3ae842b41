export type AnswerKind = "none" | "choice" | "number" | "math" | "text";

const choice = /^\(?[A-Ja-j]\)?\.?$/;
const number = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?$/;
const math = /\\[a-zA-Z]+|[\^_{}]|\$|\d\s*[+\-*/=<>]\s*\d|√|π/;

/** A coarse class of a gold answer, for filtering: multiple choice, a plain number, math notation, or free text. */
export function classifyAnswer(answer: string | undefined): AnswerKind {
  const text = answer?.trim() ?? "";
  if (!text) return "none";
  if (choice.test(text)) return "choice";
  if (number.test(text.replace(/,/g, ""))) return "number";
  if (math.test(text)) return "math";
  return "text";
}
