import { parsePythonLiteral, type PyValue } from "@/server/runs/metrics/python-literal";

/** A JSON value as Python's json.dumps writes it: NaN and ±Infinity may appear as numbers. */
export type JsonValue = PyValue;

/**
 * lmms-eval writes with json.dumps, which emits bare `NaN` / `Infinity` that JSON.parse rejects.
 * Strict JSON.parse handles the common case fast; the Python-literal reader is the fallback.
 * Returns undefined when the text is neither.
 */
export function parseLenientJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return parsePythonLiteral(text);
  }
}

export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
