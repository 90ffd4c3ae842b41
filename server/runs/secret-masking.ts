import { isSecretEnvName, maskedValue } from "@/server/recipes/secret-env";

// camelCase config fields that hold credentials (apiKey, hfToken, clientSecret, password).
const secretField = /(api_?key|token|secret|password|passwd)$/i;

/** A config field or environment variable whose value is a credential. */
export function isSecretName(name: string): boolean {
  return isSecretEnvName(name) || secretField.test(name);
}

/**
 * A run's config as people see it: every value under a credential-looking name (env vars or config fields, at any
 * depth) replaced. The agent that runs the command receives the real values through its own API.
 */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([name, inner]) => [
      name,
      typeof inner === "string" && inner !== "" && isSecretName(name) ? maskedValue : maskSecrets(inner),
    ]),
  );
}
