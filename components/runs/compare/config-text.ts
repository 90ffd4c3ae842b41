import { maskedEnvValue } from "../detail/secret-masking";
import { importedLogOf, launchSpecOf } from "../detail/run-config-shape";

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortedKeys(v)]));
}

/**
 * A run's config as text to diff: the launch spec as JSON with sorted keys and credentials masked, each file it
 * writes after it under a `# <path>` header with its own lines (a YAML change then shows as the lines that changed).
 */
export function configText(config: unknown): string {
  const spec = launchSpecOf(config);
  if (!spec) {
    const imported = importedLogOf(config);
    return imported ? `Imported from ${imported.fileName}: no launch spec.` : JSON.stringify(sortedKeys(config), null, 2);
  }
  const { files, env, ...rest } = spec;
  const masked = Object.fromEntries(Object.entries(env).map(([name, value]) => [name, maskedEnvValue(name, value)]));
  const recipe = (config as { recipe?: unknown }).recipe;
  const head = JSON.stringify(sortedKeys({ ...rest, env: masked, ...(recipe ? { recipe } : {}) }), null, 2);
  return [head, ...files.map((file) => `\n# ${file.path}\n${file.content.replace(/\n$/, "")}`)].join("\n");
}
