/** A recipe config as the form edits it: plain JSON, checked by the server on every preview. */
export type ConfigDraft = Record<string, unknown>;

/** The value at a dotted path (`trainer.learningRate`), or undefined where the path leads nowhere. */
export function valueAt(draft: ConfigDraft, path: string): unknown {
  let current: unknown = draft;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `draft` with `value` at `path`, creating the objects on the way; the original is left as it was. */
export function withValueAt(draft: ConfigDraft, path: string, value: unknown): ConfigDraft {
  const [key, ...rest] = path.split(".");
  if (rest.length === 0) return { ...draft, [key]: value };
  const child = draft[key];
  const childObject = typeof child === "object" && child !== null && !Array.isArray(child) ? (child as ConfigDraft) : {};
  return { ...draft, [key]: withValueAt(childObject, rest.join("."), value) };
}

/** How a number reads best in an input: tiny rates as `5e-5`, the rest as written. */
export function numberText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value !== "number") return "";
  return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value);
}

/** The number typed, or the text itself when it is not one (the server then names the field). */
export function parseNumberText(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== "" && Number.isFinite(value) ? value : text;
}
