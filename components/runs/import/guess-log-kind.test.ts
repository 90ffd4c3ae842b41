import { describe, expect, it } from "vitest";
import { guessLogKind, runNameOf } from "./guess-log-kind";

describe("guessing an uploaded log's kind", () => {
  it("takes verl console lines and verl JSONL for RL", () => {
    expect(guessLogKind("banner\n\x1b[36m(TaskRunner pid=1)\x1b[0m step:3 - actor/pg_loss:0.1")).toBe("rl");
    expect(guessLogKind('{"step": 1, "data": {"actor/pg_loss": 0.1}}')).toBe("rl");
  });

  it("takes HF Trainer and lmms-engine dict lines for SFT", () => {
    expect(guessLogKind("{'loss': 1.25, 'grad_norm': nan}")).toBe("sft");
    expect(guessLogKind("{'train/loss': 0.74, 'train/lr': 4.9e-06}, step=42")).toBe("sft");
  });

  it("names the run after the file without its log extension", () => {
    expect(runNameOf("verl_gsm8k.log")).toBe("verl_gsm8k");
    expect(runNameOf("metrics.jsonl")).toBe("metrics");
    expect(runNameOf("notes.md")).toBe("notes.md");
  });
});
