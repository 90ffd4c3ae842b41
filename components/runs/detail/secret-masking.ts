/**
 * What the run page masks in a launch spec's environment. The value is shown as dots when the variable's name says it
 * holds a credential (KEY, TOKEN, SECRET, PASSWORD, CREDENTIAL, AUTH, PRIVATE as a word of the name) or the value looks
 * like one: a known token prefix (sk-, hf_, ghp_, github_pat_, xox?-, AKIA, mmr_pat_/mmr_wkr_), a URL carrying a
 * password, or a single 32+ character run of letters, digits and -_+/= that is not a path.
 */
const SECRET_NAME = /(?:^|_)(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASS|CREDENTIALS?|AUTH|PRIVATE)(?:_|$)/i;
const TOKEN_PREFIX = /^(?:sk-|hf_|ghp_|gho_|github_pat_|xox[abpr]-|AKIA|mmr_pat_|mmr_wkr_)/;
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/@:\s]+:[^/@\s]+@/i;
const OPAQUE_STRING = /^[A-Za-z0-9\-_+=]{32,}$/;

export const MASK = "••••••••";

export function isSecretEnv(name: string, value: string): boolean {
  return SECRET_NAME.test(name) || TOKEN_PREFIX.test(value) || URL_WITH_PASSWORD.test(value) || OPAQUE_STRING.test(value);
}

export function maskedEnvValue(name: string, value: string): string {
  return isSecretEnv(name, value) ? MASK : value;
}
