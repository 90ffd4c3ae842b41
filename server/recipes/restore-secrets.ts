import { maskedValue } from "./secret-env";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A clone's config with the source run's credentials put back wherever the clone still holds the mask. A clone is
 * shown its source's secrets masked, so a key nobody retyped stays the source's, and nobody is shown it on the way.
 */
export function restoreMaskedSecrets(config: unknown, source: unknown): unknown {
  if (config === maskedValue) return typeof source === "string" ? source : config;
  if (Array.isArray(config)) return config.map((item, index) => restoreMaskedSecrets(item, Array.isArray(source) ? source[index] : undefined));
  if (isRecord(config)) {
    return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, restoreMaskedSecrets(value, isRecord(source) ? source[key] : undefined)]));
  }
  return config;
}
