import { describe, expect, it } from "vitest";
import { maskSecrets } from "./secret-masking";

describe("maskSecrets", () => {
  it("hides credential values at any depth and leaves the rest", () => {
    const config = {
      launch: { command: "python3 -m verl.trainer.main_ppo", env: { OPENAI_API_KEY: "sk-live", HF_TOKEN: "hf_x", TOKENIZERS_PARALLELISM: "false", EMPTY_KEY: "" } },
      recipe: { judge: { baseUrl: "http://judge:8000/v1", apiKey: "secret-judge-key", model: "judge" } },
      list: [{ password: "p" }],
    };
    expect(maskSecrets(config)).toEqual({
      launch: { command: "python3 -m verl.trainer.main_ppo", env: { OPENAI_API_KEY: "********", HF_TOKEN: "********", TOKENIZERS_PARALLELISM: "false", EMPTY_KEY: "" } },
      recipe: { judge: { baseUrl: "http://judge:8000/v1", apiKey: "********", model: "judge" } },
      list: [{ password: "********" }],
    });
  });
});
