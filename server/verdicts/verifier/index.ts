// The answer verifier: extract both answers the same way, then compare them, every decision with its stage
// and a reason a person can read. Pure TypeScript: shared by the server, the pipeline runner and the CLI.
import { compareAnswers } from "./compare";
import { extractAnswer, type ExtractionOptions } from "./extract";
import { expandPlusMinus } from "./plus-minus";
import { Budget, VerifierTimeout, type Extraction, type MatchType, type VerdictStage, type VerifierConfig, type VerifyResult } from "./types";

export type { MatchType, VerdictStage, VerifierConfig, VerifyResult } from "./types";
export { formatReward, recipeAnswer, recipeScore, type FormatRecipe } from "./reward";

const defaultTimeoutMs = 2_000;
/** Longer predictions are read from their end only: the answer sits there, and the scan stays bounded. */
export const maxPredictionChars = 100_000;

interface Settings {
  extraction: ExtractionOptions;
  precision: number;
  strict: boolean;
  allowSetRelation: boolean;
  timeoutMs: number;
  key: string;
}

// Callers usually pass the same config object for many decisions: its settings are worked out once.
const settingsCache = new WeakMap<VerifierConfig, Settings>();

function settingsOf(config: VerifierConfig): Settings {
  let settings = settingsCache.get(config);
  if (!settings) {
    settings = resolveSettings(config);
    settingsCache.set(config, settings);
  }
  return settings;
}

function resolveSettings(config: VerifierConfig): Settings {
  const harness = config.harness ?? "parse_verify_default";
  const targets: MatchType[] = config.match_types?.length ? config.match_types : ["latex", "expr"];
  // The test harness (compare_strings) ranks boxes first; plain parse() ranks them after "final answer".
  const boxedPriority = config.boxed_match_priority ?? (harness === "compare_strings" ? 0 : 50);
  const extraction: ExtractionOptions = {
    targets,
    boxedPriority,
    options: config.strings?.length ? config.strings : ["A", "B", "C", "D"],
    lowercase: config.lowercase ?? true,
    firstMatchOnly: config.extraction_mode === "first_match",
    keepFallback: config.fallback_mode !== "no_fallback",
  };
  const key = JSON.stringify(extraction);
  return {
    extraction,
    precision: config.precision ?? 6,
    strict: config.strict ?? true,
    allowSetRelation: config.allow_set_relation_comp ?? false,
    timeoutMs: config.timeoutMs ?? defaultTimeoutMs,
    key,
  };
}

// Golds repeat across predictions (one question, many samples): their extraction is kept.
const goldCache = new Map<string, Extraction>();
const goldCacheLimit = 10_000;

function extractGold(gold: string, settings: Settings, budget: Budget): Extraction {
  const key = `${settings.key}\u0000${gold}`;
  const cached = goldCache.get(key);
  if (cached) return cached;
  const extraction = withExpandedValue(extractAnswer(gold.slice(-maxPredictionChars), settings.extraction, budget));
  if (goldCache.size >= goldCacheLimit) goldCache.clear();
  goldCache.set(key, extraction);
  return extraction;
}

function withExpandedValue(extraction: Extraction): Extraction {
  return extraction.value ? { ...extraction, value: expandPlusMinus(extraction.value) } : extraction;
}

function quote(text: string | null): string {
  if (text === null) return "nothing";
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function isEmpty(extraction: Extraction): boolean {
  return extraction.value === null && extraction.choice === null && extraction.display === null;
}

/** Whether `pred` answers `gold`, judged under `config` (Math-Verify's parse → verify, see SPEC.md). */
const noConfig: VerifierConfig = {};

export function verifyAnswer(gold: string, pred: string, config: VerifierConfig = noConfig): VerifyResult {
  const settings = settingsOf(config);
  const budget = new Budget(settings.timeoutMs);
  let goldExtracted: string | null = null;
  let predExtracted: string | null = null;
  try {
    const goldSide = extractGold(gold, settings, budget);
    goldExtracted = goldSide.display;
    if (isEmpty(goldSide)) return { match: false, stage: "none", reason: "no answer found in the gold", goldExtracted, predExtracted };
    const truncated = pred.length > maxPredictionChars;
    const predSide = withExpandedValue(extractAnswer(truncated ? pred.slice(-maxPredictionChars) : pred, settings.extraction, budget));
    predExtracted = predSide.display;
    if (isEmpty(predSide)) {
      const note = truncated ? ` (only its last ${maxPredictionChars} characters were read)` : "";
      return { match: false, stage: "none", reason: `no answer found in the prediction${note}`, goldExtracted, predExtracted };
    }
    return { ...decide(goldSide, predSide, settings, budget), goldExtracted, predExtracted };
  } catch (error) {
    if (!(error instanceof VerifierTimeout)) throw error;
    return { match: false, stage: "none", reason: `no match, timed out after ${settings.timeoutMs} ms`, goldExtracted, predExtracted, timedOut: true };
  }
}

function decide(gold: Extraction, pred: Extraction, settings: Settings, budget: Budget): Omit<VerifyResult, "goldExtracted" | "predExtracted"> {
  const goldText = quote(gold.display);
  const predText = quote(pred.display);
  if (gold.choice !== null && pred.choice !== null) {
    const match = gold.choice === pred.choice;
    const letter = (gold.display ?? gold.choice).toUpperCase();
    return { match, stage: "choice", reason: match ? `${predText} matches choice ${letter}` : `${predText} is not choice ${letter}` };
  }
  if (gold.fallback !== null && gold.fallback.trim() !== "" && gold.fallback.trim() === pred.fallback?.trim()) {
    return { match: true, stage: "exact", reason: `${predText} is exactly the gold answer` };
  }
  if (gold.value === null) {
    const what = gold.choice !== null ? "the gold is a choice letter, the prediction is not" : `the gold ${goldText} does not parse as math`;
    return { match: false, stage: "string", reason: `no match: ${what}; the extracted strings differ` };
  }
  if (pred.value === null) {
    const what = pred.choice !== null ? "the prediction is a choice letter, the gold is not" : `the prediction ${predText} does not parse as math`;
    return { match: false, stage: "string", reason: `no match: ${what}; the extracted strings differ` };
  }
  const comparison = compareAnswers(gold.value, pred.value, {
    precision: settings.precision,
    strict: settings.strict,
    allowSetRelation: settings.allowSetRelation,
    budget,
  });
  const stage: VerdictStage = comparison.stage;
  const reason = comparison.match ? `${goldText} = ${predText} ${comparison.detail}` : `${goldText} ≠ ${predText} ${comparison.detail}`;
  return { match: comparison.match, stage, reason };
}
