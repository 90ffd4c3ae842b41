import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { verifyAnswer, type VerifierConfig } from "@/server/verdicts/verifier";
import { fixturePath } from "./fixtures-dir";

interface VerifierCase {
  id: string;
  gold: string;
  pred: string;
  expected: boolean;
  category: string;
  notes?: string;
  config: VerifierConfig;
}

// The shared dev cases, read where they lie: each judged under its own config (harness, targets, precision…).
const cases: VerifierCase[] = readFileSync(fixturePath("verifier", "dev_cases.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as VerifierCase);

describe("the answer verifier on the shared dev cases", () => {
  it("reads all 62 cases", () => {
    expect(cases).toHaveLength(62);
  });

  for (const testCase of cases) {
    it(`${testCase.id} (${testCase.category}): ${testCase.expected ? "matches" : "does not match"}`, () => {
      const result = verifyAnswer(testCase.gold, testCase.pred, testCase.config);
      expect({ id: testCase.id, match: result.match, reason: result.reason }).toEqual({ id: testCase.id, match: testCase.expected, reason: result.reason });
      expect(result.reason.length).toBeGreaterThan(0);
      expect(result.timedOut).toBeUndefined();
    });
  }
});
