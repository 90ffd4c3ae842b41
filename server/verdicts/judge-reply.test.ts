import { describe, expect, it } from "vitest";
import { parseJudgeReply } from "./judge-reply";

describe("reading a judge's reply", () => {
  it.each([
    ["1", true],
    ["0", false],
    [" 1.\n", true],
    ["**0**", false],
    ["\\boxed{1}", true],
    ["`0`", false],
    ["Yes", true],
    ["Incorrect", false],
    ["<think>The answers differ in sign.</think>0", false],
  ])("reads %j as a verdict", (reply, verdict) => {
    expect(parseJudgeReply(reply, false).verdict).toBe(verdict);
  });

  it.each(["maybe", "", "1 or 0", "The answer is probably 1", "10", "1\n0", "x".repeat(1_000_000)])("does not guess from %j", (reply) => {
    const parsed = parseJudgeReply(reply, false);
    expect(parsed.verdict).toBeNull();
    expect(parsed.reason.length).toBeLessThan(200);
  });

  it("takes a rationale template's verdict from its last line and keeps the rationale", () => {
    const parsed = parseJudgeReply("Both are one half, written differently.\nVerdict: 1", true);
    expect(parsed).toMatchObject({ verdict: true, rationale: "Both are one half, written differently." });
  });

  it("refuses a rationale whose last line is not a verdict", () => {
    expect(parseJudgeReply("Verdict: 1\nActually I am not sure.", true).verdict).toBeNull();
  });

  it("says why a reply is not a verdict, quoting its start", () => {
    expect(parseJudgeReply("maybe", false).reason).toBe('the judge\'s reply is not a verdict: "maybe"');
  });
});
