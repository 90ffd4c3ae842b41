import { describe, expect, it } from "vitest";
import { parseDictLine } from "./dict-line";

describe("parseDictLine", () => {
  it("reads an lmms-engine line with its step and keeps non-numbers aside", () => {
    expect(parseDictLine("{'train/loss': 0.74, 'train/lr': 4.9e-06, 'train/tokens': '12.3M', 'train/packed': True, 'mfu': None}, step=42")).toEqual({
      source: "python-dict",
      step: 42,
      metrics: { "train/loss": 0.74, "train/lr": 4.9e-6 },
      extras: { "train/tokens": "12.3M", "train/packed": true, mfu: null },
    });
  });

  it("reads an HF Trainer line with no step", () => {
    expect(parseDictLine("{'loss': 8195.7664, 'grad_norm': nan, 'learning_rate': 4.6e-06, 'epoch': 0.01}")).toEqual({
      source: "python-dict",
      metrics: { loss: 8195.7664, grad_norm: Number.NaN, learning_rate: 4.6e-6, epoch: 0.01 },
    });
  });

  it("reads a verl file-logger record, NaN included", () => {
    expect(parseDictLine('{"step": 7, "data": {"actor/pg_loss": 0.1, "val/acc": NaN, "phase": "rl"}}')).toEqual({
      source: "verl-jsonl",
      step: 7,
      metrics: { "actor/pg_loss": 0.1, "val/acc": Number.NaN },
      extras: { phase: "rl" },
    });
  });

  it("leaves configs, nested payloads, partial dicts and prose alone", () => {
    for (const text of [
      "{'actor_rollout_ref': {'actor': {'clip_ratio': 0.2,",
      "{'eos_token_id': 151645, 'meta': {'validate': True}}",
      "{'model': 'qwen', 'dtype': 'bf16'}",
      "{'loss': 1.0} and more",
      "Critic overriding config {'bos_token_id': 2}",
      '{"step": 1, "data": {"nested": {"a": 1}}}',
    ]) {
      expect(parseDictLine(text), text).toBeNull();
    }
  });
});
