// A name part ending in one of these holds a credential by convention (OPENAI_API_KEY, HF_TOKEN, AWS_SECRET_ACCESS_KEY,
// DB_PASSWORD); TOKENIZERS_PARALLELISM does not, since its part goes on past TOKEN.
const secretName = /(KEY|TOKEN|SECRET|PASSWORD|PASSWD)(_|$)/i;
export const maskedValue = "********";

export function isSecretEnvName(name: string): boolean {
  return secretName.test(name);
}

/** The environment as a person may see it: values of secret-looking names replaced, empty ones left empty. */
export function maskSecretEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, isSecretEnvName(name) && value !== "" ? maskedValue : value]));
}
