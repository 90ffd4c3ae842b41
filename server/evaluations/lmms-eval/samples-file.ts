import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { isJsonObject, parseLenientJson, type JsonValue } from "./lenient-json";

/** One line of `<date_id>_samples_<task>.jsonl`. */
export interface LmmsEvalSample {
  docId: number | string;
  /** lmms-eval writes str(target); other values are kept as their JSON text. */
  target: string | null;
  /** Always a list: newer lmms-eval may write a bare string. */
  filteredResps: JsonValue[];
  /** Absent when lmms-eval dropped it for being equal to filtered_resps. */
  resps?: JsonValue[];
  /** The prompt text (lmms-eval's `arguments[0]`). */
  input?: string;
  docHash?: string;
  /** Per-sample scores such as `exact_match: 1.0`; some tasks write objects (judge verdicts). */
  metrics: Record<string, JsonValue>;
}

export type SampleLineResult =
  | { ok: true; lineNumber: number; sample: LmmsEvalSample }
  | { ok: false; lineNumber: number; error: string };

// Fields every sample carries; any other key is a metric (lm-eval-harness also writes `metrics: [names]`).
const DESCRIPTIVE_FIELDS = new Set([
  "doc_id", "doc", "target", "arguments", "resps", "filtered_resps", "doc_hash", "prompt_hash", "target_hash", "input", "filter", "metrics",
]);

/** Parses one line; a malformed line becomes an error result naming what is wrong. */
export function parseLmmsEvalSampleLine(line: string, lineNumber: number): SampleLineResult {
  const fail = (error: string): SampleLineResult => ({ ok: false, lineNumber, error });
  const json = parseLenientJson(line);
  if (json === undefined) return fail("not valid JSON");
  if (!isJsonObject(json)) return fail("not a JSON object");
  const docId = json.doc_id;
  if (typeof docId !== "number" && typeof docId !== "string") return fail("doc_id missing or not a number or string");
  const filtered = json.filtered_resps;
  if (filtered === undefined) return fail("filtered_resps missing");

  const metricNames = Array.isArray(json.metrics)
    ? json.metrics.filter((name): name is string => typeof name === "string")
    : Object.keys(json).filter((key) => !DESCRIPTIVE_FIELDS.has(key));
  // fromEntries defines keys as data, so a key named "__proto__" cannot replace the object's prototype.
  const metrics: Record<string, JsonValue> = Object.fromEntries(metricNames.flatMap((name) => (json[name] === undefined ? [] : [[name, json[name]]])));

  const sample: LmmsEvalSample = {
    docId,
    target: targetText(json.target),
    filteredResps: Array.isArray(filtered) ? filtered : [filtered],
    metrics,
  };
  if (json.resps !== undefined) sample.resps = Array.isArray(json.resps) ? json.resps : [json.resps];
  if (typeof json.input === "string") sample.input = json.input;
  if (typeof json.doc_hash === "string") sample.docHash = json.doc_hash;
  return { ok: true, lineNumber, sample };
}

function targetText(target: JsonValue | undefined): string | null {
  if (target === undefined || target === null) return null;
  return typeof target === "string" ? target : JSON.stringify(target);
}

/** Streams a samples file line by line (files reach hundreds of MB); blank lines are skipped. */
export async function* readLmmsEvalSamples(filePath: string): AsyncGenerator<SampleLineResult> {
  const lines = createInterface({ input: createReadStream(filePath, { encoding: "utf8" }), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() !== "") yield parseLmmsEvalSampleLine(line, lineNumber);
  }
}
