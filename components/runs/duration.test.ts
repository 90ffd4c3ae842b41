import { describe, expect, it } from "vitest";
import { formatDuration, runDurationMs } from "./duration";

describe("run durations", () => {
  it("prints the two largest units", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(45_400)).toBe("45s");
    expect(formatDuration(12 * 60_000 + 3_000)).toBe("12m 03s");
    expect(formatDuration(3 * 3_600_000 + 7 * 60_000 + 59_000)).toBe("3h 07m");
    expect(formatDuration(52 * 3_600_000)).toBe("2d 4h");
  });

  it("runs to the finish, or to now while running, and is unknown before the start", () => {
    const startedAt = new Date(1_000_000);
    expect(runDurationMs({ startedAt, finishedAt: new Date(1_090_000) }, 5_000_000)).toBe(90_000);
    expect(runDurationMs({ startedAt, finishedAt: null }, 1_030_000)).toBe(30_000);
    expect(runDurationMs({ startedAt: null, finishedAt: null }, 1_030_000)).toBeNull();
  });
});
