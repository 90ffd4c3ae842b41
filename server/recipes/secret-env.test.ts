import { describe, expect, it } from "vitest";
import { isSecretEnvName, maskedValue, maskSecretEnv } from "./secret-env";

describe("maskSecretEnv", () => {
  it("masks keys, tokens, secrets and passwords and leaves the rest readable", () => {
    const env = {
      OPENAI_API_KEY: "sk-live-123",
      HF_TOKEN: "hf_abc",
      AWS_SECRET_ACCESS_KEY: "xyz",
      DB_PASSWORD: "pw",
      OPENAI_BASE_URL: "http://judge:8000/v1",
      TOKENIZERS_PARALLELISM: "false",
    };
    expect(maskSecretEnv(env)).toEqual({
      OPENAI_API_KEY: maskedValue,
      HF_TOKEN: maskedValue,
      AWS_SECRET_ACCESS_KEY: maskedValue,
      DB_PASSWORD: maskedValue,
      OPENAI_BASE_URL: "http://judge:8000/v1",
      TOKENIZERS_PARALLELISM: "false",
    });
  });

  it("leaves an empty secret empty, since there is nothing to hide", () => {
    expect(maskSecretEnv({ WANDB_API_KEY: "" })).toEqual({ WANDB_API_KEY: "" });
    expect(isSecretEnvName("wandb_api_key")).toBe(true);
  });
});
