// What Postgres can store: its text and jsonb cannot hold NUL, so every writer of user-supplied text (samples, run
// events, verdicts, judge replies) passes it through here.

/** The text with its NUL characters removed; the same string when it has none (the common case, no copy). */
export function stripNul(text: string): string {
  return text.includes("\u0000") ? text.replaceAll("\u0000", "") : text;
}

/** Text as it can be stored and shown: NUL removed, cut to `maxChars` with a mark. */
export function storableText(text: string, maxChars: number): string {
  const clean = stripNul(text);
  return clean.length > maxChars ? `${clean.slice(0, maxChars - 1)}…` : clean;
}

/** A JSON value with NUL removed from every string and key; returns the value itself when nothing changes. */
export function storableJson<T>(value: T): T {
  if (typeof value === "string") return stripNul(value) as T;
  if (Array.isArray(value)) {
    const items = value.map(storableJson);
    return (items.some((item, i) => item !== value[i]) ? items : value) as T;
  }
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    const cleaned = entries.map(([key, item]) => [stripNul(key), storableJson(item)] as const);
    const changed = cleaned.some(([key, item], i) => key !== entries[i][0] || item !== entries[i][1]);
    return (changed ? Object.fromEntries(cleaned) : value) as T;
  }
  return value;
}
