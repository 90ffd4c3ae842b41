import { describe, expect, it } from "vitest";
import { restoreMaskedSecrets } from "./restore-secrets";
import { maskedValue } from "./secret-env";

describe("restoreMaskedSecrets", () => {
  const source = { judge: { apiKey: "sk-source", model: "judge" }, env: { WANDB_API_KEY: "wandb-source" } };

  it("puts back the source's secret where the clone kept the mask, and keeps what was retyped or added", () => {
    const clone = { judge: { apiKey: maskedValue, model: "judge-2" }, env: { WANDB_API_KEY: "wandb-new", HF_TOKEN: maskedValue } };
    expect(restoreMaskedSecrets(clone, source)).toEqual({ judge: { apiKey: "sk-source", model: "judge-2" }, env: { WANDB_API_KEY: "wandb-new", HF_TOKEN: maskedValue } });
  });

  it("changes nothing without a source", () => {
    const config = { judge: { apiKey: maskedValue }, tasks: ["a"] };
    expect(restoreMaskedSecrets(config, undefined)).toEqual(config);
  });
});
