import { isSecretEnvName, maskedValue } from "@/server/recipes/secret-env";

// camelCase config fields that hold credentials (apiKey, hfToken, clientSecret, password).
const secretField = /(api_?key|token|secret|password|passwd)$/i;

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
      typeof inner === "string" && inner !== "" && (isSecretEnvName(name) || secretField.test(name)) ? maskedValue : maskSecrets(inner),
    ]),
  );
}
