// lmms-eval keeps what a task's scorer extracted inside the per-sample metrics, under names that differ by task:
// MMMU's {answer, parsed_pred}, reward tasks' extracted_answer, others' pred / prediction.
const answerKeys = ["extracted_answer", "parsed_pred", "pred_answer", "prediction", "pred"];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const asText = (value: unknown): string | null => {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
};

/** The answer the scorer extracted from the response, when the metrics record one (top level or one object deep). */
export function extractedAnswerOf(metrics: unknown): string | null {
  if (!isRecord(metrics)) return null;
  for (const key of answerKeys) {
    const text = asText(metrics[key]);
    if (text !== null) return text;
  }
  for (const value of Object.values(metrics)) {
    if (!isRecord(value)) continue;
    for (const key of answerKeys) {
      const text = asText(value[key]);
      if (text !== null) return text;
    }
  }
  return null;
}

// The server counts a sample right when its headline score reaches this (scores are 1 / 0 for accuracy-style tasks).
const rightThreshold = 0.5;

export type Verdict = "right" | "wrong" | "unscored";

export function verdictOf(score: number | null): Verdict {
  if (score === null) return "unscored";
  return score >= rightThreshold ? "right" : "wrong";
}
