import type { VerdictStage, VerifyResult } from "./verifier";
import type { CascadeStage } from "./judge-config";

/** One answer to grade: the gold and the prediction as the item holds them. */
export interface GradedItem {
  question: string;
  gold: string;
  prediction: string;
}

/** What the LLM stage reports back: its raw reply and what it says, with the tokens it cost. */
export interface LlmOutcome {
  verdict: boolean | null;
  reply: string;
  reason: string;
  promptTokens: number;
  completionTokens: number;
  cached: boolean;
}

export interface StageOutcome {
  stage: CascadeStage;
  outcome: "match" | "no_match" | "unparsed" | "error";
  reason: string;
}

/** A verdict as stored: the decision, the stage that made it, and every stage tried. */
export interface CascadeVerdict {
  match: boolean | null;
  decidedBy: VerdictStage | "llm" | "unparsed" | "error";
  reason: string;
  goldExtracted: string | null;
  predExtracted: string | null;
  stages: StageOutcome[];
  judgeReply: string | null;
  promptTokens: number;
  completionTokens: number;
  cached: boolean;
}

export interface CascadeDeps {
  ruleMatch(gold: string, prediction: string): VerifyResult;
  mathMatch(gold: string, prediction: string): VerifyResult;
  /** Throws when the judge could not be asked (an endpoint error); the cascade records it as the stage's error. */
  askJudge(item: GradedItem): Promise<LlmOutcome>;
  /** An error that ends the whole job rather than one verdict (the endpoint is misconfigured). */
  isFatal?(error: unknown): boolean;
}

/** Runs the stages in the order given until one says "match"; the last stage to speak decides a non-match. */
export async function gradeWithCascade(item: GradedItem, stages: readonly CascadeStage[], deps: CascadeDeps): Promise<CascadeVerdict> {
  const verdict: CascadeVerdict = {
    match: false,
    decidedBy: "none",
    reason: "",
    goldExtracted: null,
    predExtracted: null,
    stages: [],
    judgeReply: null,
    promptTokens: 0,
    completionTokens: 0,
    cached: false,
  };
  for (const stage of stages) {
    if (stage === "llm") {
      const decided = await runJudgeStage(item, verdict, deps);
      if (decided) return verdict;
      continue;
    }
    const result: VerifyResult = stage === "rule" ? deps.ruleMatch(item.gold, item.prediction) : deps.mathMatch(item.gold, item.prediction);
    verdict.goldExtracted = result.goldExtracted ?? verdict.goldExtracted;
    verdict.predExtracted = result.predExtracted ?? verdict.predExtracted;
    verdict.stages.push({ stage, outcome: result.match ? "match" : "no_match", reason: result.reason });
    verdict.match = result.match;
    verdict.decidedBy = result.stage;
    verdict.reason = result.reason;
    if (result.match) return verdict;
  }
  return verdict;
}

/** True when the judge's word is final: a match, or a clear non-match. */
async function runJudgeStage(item: GradedItem, verdict: CascadeVerdict, deps: CascadeDeps): Promise<boolean> {
  try {
    const judged = await deps.askJudge(item);
    verdict.judgeReply = judged.reply;
    verdict.promptTokens += judged.promptTokens;
    verdict.completionTokens += judged.completionTokens;
    verdict.cached = judged.cached;
    const outcome = judged.verdict === null ? "unparsed" : judged.verdict ? "match" : "no_match";
    verdict.stages.push({ stage: "llm", outcome, reason: judged.reason });
    verdict.match = judged.verdict;
    verdict.decidedBy = judged.verdict === null ? "unparsed" : "llm";
    verdict.reason = judged.reason;
    return judged.verdict === true;
  } catch (error) {
    if (deps.isFatal?.(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    verdict.stages.push({ stage: "llm", outcome: "error", reason });
    verdict.match = null;
    verdict.decidedBy = "error";
    verdict.reason = `the judge could not be asked: ${reason}`;
    return false;
  }
}
