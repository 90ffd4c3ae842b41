// The recipe's output format: reasoning inside <think>, the final answer inside <answer>.

/** The "think, then answer" system prompt the recipe's distilled samples carry. */
export const demoSystemPrompt =
  "You are a helpful assistant. You FIRST think about the reasoning process as an internal monologue and then provide the final answer. " +
  "The reasoning process MUST BE enclosed within <think> </think> tags. The final answer MUST BE put within <answer> </answer> tags.";

/**
 * `<think>steps</think><answer>answer</answer>`. With `boxed`, the reasoning ends on `$\boxed{…}$` as many teacher
 * traces do, so the demo exercises both of the verifier's answer extractions.
 */
export function reasoningTrace(steps: string[], answer: string, options: { boxed: boolean }): string {
  const closing = options.boxed ? [`So the answer is $\\boxed{${answer}}$.`] : [];
  return `<think>\n${[...steps, ...closing].join("\n")}\n</think>\n<answer>${answer}</answer>`;
}
