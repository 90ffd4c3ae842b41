import { isPyDict, parsePythonLiteralPrefix, type PyDict } from "./python-literal";
import type { MetricExtraValue, ParsedMetricLine } from "./types";

/**
 * Two writers print a dict per line:
 * - lmms-engine and the HF Trainer: a Python repr, `{'train/loss': 0.74, 'grad_norm': nan}`, lmms-engine
 *   followed by `, step=42`;
 * - verl's file logger: JSONL `{"step": 12, "data": {"actor/pg_loss": 0.01}}` (json.dumps, so `NaN` may appear).
 * Only flat dicts count as metrics: pprinted configs and nested payloads are log text, not a step.
 */
// Written so no two adjacent parts can match the same blanks: backtracking stays linear on long lines.
const STEP_SUFFIX = /^\s*(?:,\s*)?step\s*=\s*(\d+)\s*$/;

/** Parses a cleaned line (see cleanLogLine); null when it is not a metric dict. */
export function parseDictLine(text: string): ParsedMetricLine | null {
  if (!text.startsWith("{")) return null;
  const literal = parsePythonLiteralPrefix(text, 0);
  if (!literal || !isPyDict(literal.value)) return null;
  const rest = text.slice(literal.end);
  let explicitStep: number | undefined;
  if (rest.trim() !== "") {
    const suffix = STEP_SUFFIX.exec(rest);
    if (!suffix) return null;
    explicitStep = Number(suffix[1]);
  }
  const jsonl = explicitStep === undefined ? verlFileLoggerRecord(literal.value) : null;
  if (jsonl) {
    const data = splitFlatValues(jsonl.data);
    return data && { source: "verl-jsonl", step: jsonl.step, ...data };
  }
  const values = splitFlatValues(literal.value);
  if (!values || Object.keys(values.metrics).length === 0) return null;
  return { source: "python-dict", ...(explicitStep === undefined ? {} : { step: explicitStep }), ...values };
}

function verlFileLoggerRecord(dict: PyDict): { step: number; data: PyDict } | null {
  const keys = Object.keys(dict);
  const { step, data } = dict;
  if (keys.length !== 2 || !Number.isInteger(step) || !isPyDict(data)) return null;
  return { step: step as number, data };
}

type SplitValues = Pick<ParsedMetricLine, "metrics" | "extras">;

/** Numbers become metrics, other scalars are kept aside; any nested value means "not a metric line". */
function splitFlatValues(dict: PyDict): SplitValues | null {
  const metrics: Record<string, number> = {};
  const extras: Record<string, MetricExtraValue> = {};
  for (const [key, value] of Object.entries(dict)) {
    if (typeof value === "number") metrics[key] = value;
    else if (typeof value === "object" && value !== null) return null;
    else extras[key] = value;
  }
  return Object.keys(extras).length > 0 ? { metrics, extras } : { metrics };
}
