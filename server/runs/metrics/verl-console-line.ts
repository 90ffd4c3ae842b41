import { parsePythonLiteral } from "./python-literal";
import type { MetricExtraValue, ParsedMetricLine } from "./types";

/**
 * verl's console logger prints one line per step: `step:12 - actor/pg_loss:0.012 - critic/lr(1e-4):0.100`.
 * Values are `%.3f` floats in older verl and raw reprs (`np.float64(0.5)`, ints, `1e-05`, `nan`) in newer ones.
 */
const STEP_LINE = /^step:(\d+)(?:\s+-\s+|\s*$)/;
// verl joins with exactly " - "; a string split stays linear where a / +- +/ regex backtracks on long blank runs.
const SEGMENT_SEPARATOR = " - ";
// Real values are under 40 characters; the bound keeps a hostile line full of colons linear.
const MAX_VALUE_LENGTH = 256;

/** Parses a cleaned line (see cleanLogLine); null when it is not a verl step line. */
export function parseVerlConsoleLine(text: string): ParsedMetricLine | null {
  const head = STEP_LINE.exec(text);
  if (!head) return null;
  const metrics: Record<string, number> = {};
  const extras: Record<string, MetricExtraValue> = {};
  const duplicates = new Set<string>();
  const seen = new Set<string>();
  for (const segment of text.slice(head[0].length).split(SEGMENT_SEPARATOR)) {
    const pair = splitKeyValue(segment);
    if (!pair) continue;
    const [key, value] = pair;
    // A Python dict cannot repeat a key, so a repeat is a transcription slip (verl's own docs print
    // `actor/reward_kl_penalty` twice where the second is the coefficient); the first stays.
    if (seen.has(key)) {
      duplicates.add(key);
      continue;
    }
    seen.add(key);
    if (typeof value === "number") metrics[key] = value;
    else extras[key] = value;
  }
  return {
    source: "verl-console",
    step: Number(head[1]),
    metrics,
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
    ...(duplicates.size > 0 ? { duplicateKeys: [...duplicates] } : {}),
  };
}

/**
 * Keys may hold parentheses (`critic/lr(1e-4)`) and quoted values may hold colons (`device:'cuda:0'`),
 * so the split is the rightmost colon whose right side reads as a scalar.
 */
function splitKeyValue(segment: string): [string, number | MetricExtraValue] | null {
  const shortest = segment.length - MAX_VALUE_LENGTH;
  for (let colon = segment.lastIndexOf(":"); colon > 0 && colon >= shortest; colon = segment.lastIndexOf(":", colon - 1)) {
    const value = parsePythonLiteral(segment.slice(colon + 1));
    const key = segment.slice(0, colon).trim();
    if (key === "") continue;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "string" || value === null) {
      return [key, value];
    }
  }
  return null;
}
