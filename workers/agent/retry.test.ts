import { describe, expect, it } from "vitest";
import { backoffDelay, retryWithBackoff } from "./retry";

describe("backoffDelay", () => {
  it("doubles from 250 ms and stops at the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 50].map((attempt) => backoffDelay(attempt))).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000]);
  });
});

describe("retryWithBackoff", () => {
  const fast = { initialDelayMs: 1, maxDelayMs: 2 };

  it("retries what is retryable until the call succeeds", async () => {
    let calls = 0;
    const retried: number[] = [];
    const result = await retryWithBackoff(
      async () => {
        if (++calls < 4) throw new Error("unreachable");
        return "answer";
      },
      { ...fast, isRetryable: () => true, onRetry: (_error, attempt) => retried.push(attempt) },
    );
    expect(result).toBe("answer");
    expect(retried).toEqual([0, 1, 2]);
  });

  it("throws a refusal at once", async () => {
    let calls = 0;
    const refusal = new Error("forbidden");
    await expect(retryWithBackoff(async () => ((calls += 1), Promise.reject(refusal)), { ...fast, isRetryable: () => false })).rejects.toBe(refusal);
    expect(calls).toBe(1);
  });

  it("stops waiting when its signal aborts", async () => {
    const stop = new AbortController();
    const attempt = retryWithBackoff(() => Promise.reject(new Error("down")), { initialDelayMs: 60_000, isRetryable: () => true, signal: stop.signal });
    stop.abort(new Error("agent stopping"));
    await expect(attempt).rejects.toThrow("agent stopping");
  });
});
