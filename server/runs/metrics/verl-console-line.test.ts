import { describe, expect, it } from "vitest";
import { parseVerlConsoleLine } from "./verl-console-line";

describe("parseVerlConsoleLine", () => {
  it("reads %.3f values, numpy reprs, ints, scientific notation, nan and inf", () => {
    const line = "step:12 - actor/pg_loss:-0.005 - critic/vf_loss:np.float64(0.0070) - perf/total_num_tokens:69484 - critic/lr:1e-05 - actor/grad_norm:nan - x/max:inf";
    expect(parseVerlConsoleLine(line)).toEqual({
      source: "verl-console",
      step: 12,
      metrics: {
        "actor/pg_loss": -0.005,
        "critic/vf_loss": 0.007,
        "perf/total_num_tokens": 69484,
        "critic/lr": 1e-5,
        "actor/grad_norm": Number.NaN,
        "x/max": Number.POSITIVE_INFINITY,
      },
    });
  });

  it("keeps keys with parentheses, @ and colons in values", () => {
    const parsed = parseVerlConsoleLine("step:3 - critic/lr(1e-4):0.100 - val-core/openai/gsm8k/reward/mean@1:0.867 - note:'a:b'");
    expect(parsed?.metrics).toEqual({ "critic/lr(1e-4)": 0.1, "val-core/openai/gsm8k/reward/mean@1": 0.867 });
    expect(parsed?.extras).toEqual({ note: "a:b" });
  });

  it("keeps the first of a repeated key and names it", () => {
    const parsed = parseVerlConsoleLine("step:1 - actor/reward_kl_penalty:0.000 - actor/reward_kl_penalty:0.001");
    expect(parsed?.metrics).toEqual({ "actor/reward_kl_penalty": 0 });
    expect(parsed?.duplicateKeys).toEqual(["actor/reward_kl_penalty"]);
  });

  it("reads -0.000 as a number and skips segments it cannot read", () => {
    const parsed = parseVerlConsoleLine("step:0 - critic/advantages/mean:-0.000 - garbage - half:");
    expect(Object.is(parsed?.metrics["critic/advantages/mean"], -0)).toBe(true);
    expect(Object.keys(parsed?.metrics ?? {})).toEqual(["critic/advantages/mean"]);
  });

  it("ignores lines that only mention a step", () => {
    expect(parseVerlConsoleLine("[response] Let's think step by step: step:3 - go")).toBeNull();
    expect(parseVerlConsoleLine("global_step:3")).toBeNull();
    expect(parseVerlConsoleLine("step:abc - a:1")).toBeNull();
  });

  // Unbounded, this line costs ~10^12 steps and the test times out.
  it("reads a hostile line full of colons without trying every split", () => {
    expect(parseVerlConsoleLine("step:1 - k:" + ":".repeat(2_000_000))?.metrics).toEqual({});
  });
});
