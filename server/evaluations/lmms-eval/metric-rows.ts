import type { JsonValue } from "./lenient-json";

export interface LmmsEvalMetricRow {
  task: string;
  metric: string;
  /** The filter lmms-eval applied to responses; "none" when it applied none. */
  filter: string;
  /** A fraction for most metrics; null when the value is "N/A", an object or otherwise not a finite number. */
  value: number | null;
  stderr: number | null;
  /** Which estimate `stderr` is: "stderr" (lmms-eval's default), or a variant such as "stderr_clt". */
  stderrKind: string | null;
  higherIsBetter?: boolean;
  /** The value as written, whenever it was not already a finite number (e.g. "N/A", accuracy_by_topic's object). */
  raw?: JsonValue;
}

// `<metric>_stderr` and lmms-eval 0.6's `<metric>_stderr_clt` / `<metric>_stderr_clustered`.
const STDERR_METRIC = /^(.+)_(stderr(?:_[a-z]+)?)$/;
// The default estimate first; the variants fill in where it is "N/A" (POPE reports only stderr_clt).
const STDERR_PREFERENCE = ["stderr", "stderr_clt", "stderr_clustered"];

/** Normalises `results.<task>["<metric>,<filter>"]` into one row per metric and filter, stderr attached. */
export function metricRowsOfTask(
  task: string,
  taskResults: { [key: string]: JsonValue },
  higherIsBetter: { [metric: string]: JsonValue } | undefined,
): LmmsEvalMetricRow[] {
  const values = new Map<string, { metric: string; filter: string; value: JsonValue }>();
  for (const [key, value] of Object.entries(taskResults)) {
    const comma = key.indexOf(",");
    if (comma <= 0) continue; // `alias` and other descriptive keys
    values.set(key, { metric: key.slice(0, comma), filter: key.slice(comma + 1), value });
  }

  const stderrs = new Map<string, Map<string, JsonValue>>();
  const rows: LmmsEvalMetricRow[] = [];
  for (const entry of values.values()) {
    const stderr = STDERR_METRIC.exec(entry.metric);
    const baseKey = stderr ? `${stderr[1]},${entry.filter}` : "";
    if (stderr && values.has(baseKey)) {
      const variants = stderrs.get(baseKey) ?? new Map<string, JsonValue>();
      variants.set(stderr[2], entry.value);
      stderrs.set(baseKey, variants);
      continue;
    }
    const better = higherIsBetter?.[entry.metric];
    rows.push({
      task,
      metric: entry.metric,
      filter: entry.filter,
      stderr: null,
      stderrKind: null,
      ...numericValue(entry.value),
      ...(typeof better === "boolean" ? { higherIsBetter: better } : {}),
    });
  }

  for (const row of rows) {
    const variants = stderrs.get(`${row.metric},${row.filter}`);
    if (!variants) continue;
    for (const kind of new Set([...STDERR_PREFERENCE, ...variants.keys()])) {
      const estimate = numericValue(variants.get(kind) ?? null).value;
      if (estimate !== null) {
        row.stderr = estimate;
        row.stderrKind = kind;
        break;
      }
    }
  }
  return rows;
}

/** Finite numbers pass; numeric strings are read; anything else becomes null with the original kept as raw. */
function numericValue(value: JsonValue): { value: number | null; raw?: JsonValue } {
  if (typeof value === "number") return Number.isFinite(value) ? { value } : { value: null, raw: String(value) };
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return { value: Number(value), raw: value };
  }
  return { value: null, raw: value };
}
