import { describe, expect, it } from "vitest";
import { isSecretEnv, MASK, maskedEnvValue } from "./secret-masking";

describe("launch environment masking", () => {
  it("masks variables whose names say they hold a credential", () => {
    for (const name of ["OPENAI_API_KEY", "JUDGE_API_KEY", "HF_TOKEN", "WANDB_API_KEY", "AWS_SECRET_ACCESS_KEY", "DB_PASSWORD", "GOOGLE_APPLICATION_CREDENTIALS", "api_key"]) {
      expect(isSecretEnv(name, "x"), name).toBe(true);
    }
  });

  it("masks values that look like tokens wherever they are", () => {
    expect(isSecretEnv("JUDGE", "sk-proj-abc123")).toBe(true);
    expect(isSecretEnv("HUB", "hf_AbCdEfGh")).toBe(true);
    expect(isSecretEnv("DATABASE_URL", "postgres://mmr:hunter2@db:5432/mmr")).toBe(true);
    expect(isSecretEnv("OPAQUE", "a".repeat(20) + "B9_-".repeat(4))).toBe(true);
  });

  it("keeps ordinary settings readable", () => {
    for (const [name, value] of [
      ["CUDA_VISIBLE_DEVICES", "0,1,2,3"],
      ["JUDGE_BASE_URL", "http://judge:8000/v1"],
      ["MODEL_PATH", "/data/models/Qwen2.5-VL-7B-Instruct/snapshots/0123456789abcdef0123456789abcdef"],
      ["KEYS_PER_BATCH", "16"],
      ["NCCL_DEBUG", "INFO"],
      ["TOKENIZERS_PARALLELISM", "false"],
    ]) {
      expect(maskedEnvValue(name, value), name).toBe(value);
    }
    expect(maskedEnvValue("HF_TOKEN", "hf_x")).toBe(MASK);
  });
});
