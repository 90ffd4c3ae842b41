import { shellQuote } from "./shell";

export type HydraValue = string | number | boolean | string[];

// Unquoted Hydra values that stay strings: they start with a letter, `/` or `.`, so Hydra never reads them as numbers,
// booleans or null, and hold none of its special characters.
const plainHydraString = /^[A-Za-z/.][A-Za-z0-9_./:@+-]*$/;
const hydraKeywords = /^(true|false|null|nan|inf)$/i;

function hydraString(value: string, forceQuotes: boolean): string {
  if (!forceQuotes && plainHydraString.test(value) && !hydraKeywords.test(value)) return value;
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

function hydraValue(value: HydraValue): string {
  if (Array.isArray(value)) return `[${value.map((item) => hydraString(item, true)).join(",")}]`;
  if (typeof value === "string") return hydraString(value, false);
  return String(value);
}

/** `key=value` as Hydra parses it, quoted for the shell. A `+` key adds a field the config does not declare. */
export function hydraOverride(key: string, value: HydraValue): string {
  return shellQuote(`${key}=${hydraValue(value)}`);
}
