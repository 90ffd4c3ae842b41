import { describe, expect, it } from "vitest";
import { RunSecrets } from "./run-secrets";
import { maskSecrets } from "./secret-masking";

const secrets = new RunSecrets("an-auth-secret-of-at-least-32-characters");
const config = {
  launch: { command: "bash run.sh", env: { OPENAI_API_KEY: "sk-judge", HF_TOKEN: "", TOKENIZERS_PARALLELISM: "false" } },
  recipe: { config: { judge: { baseUrl: "http://judge:8000/v1", apiKey: "sk-judge", model: "judge" } } },
};

describe("run secrets", () => {
  it("seals credentials where they stand, leaving other values and empty ones alone, and opens them again", () => {
    const sealed = secrets.seal(config) as typeof config;
    expect(JSON.stringify(sealed)).not.toContain("sk-judge");
    expect(sealed.launch.env.OPENAI_API_KEY).toMatch(/^mmr-sealed:v1:/);
    expect(sealed.launch.env).toMatchObject({ HF_TOKEN: "", TOKENIZERS_PARALLELISM: "false" });
    expect(sealed.recipe.config.judge).toMatchObject({ baseUrl: "http://judge:8000/v1", model: "judge" });
    expect(secrets.open(sealed)).toEqual(config);
  });

  it("seals the same key differently each time, never twice over, and shows it masked like any credential", () => {
    const once = secrets.seal(config) as typeof config;
    const twice = secrets.seal(once) as typeof config;
    expect(twice).toEqual(once);
    expect((secrets.seal(config) as typeof config).launch.env.OPENAI_API_KEY).not.toBe(once.launch.env.OPENAI_API_KEY);
    expect(maskSecrets(once)).toEqual(maskSecrets(config));
  });

  it("refuses a sealed value that was changed, or that another instance's secret sealed", () => {
    const sealed = secrets.seal(config) as typeof config;
    const tampered = { ...sealed, launch: { ...sealed.launch, env: { OPENAI_API_KEY: `${sealed.launch.env.OPENAI_API_KEY.slice(0, -2)}AA` } } };
    expect(() => secrets.open(tampered)).toThrow(/cannot be decrypted: was the instance's auth secret \(MMR_AUTH_SECRET\) changed/);
    expect(() => new RunSecrets("another-auth-secret-of-32-characters-or-more").open(sealed)).toThrow(/cannot be decrypted/);
  });
});
