import { describe, expect, it } from "vitest";
import { linesOfPayload, matchingLines, MAX_SHOWN_LINE_LENGTH, shownText, toLogLine } from "./log-text";

describe("log text", () => {
  it("reads both payload shapes and ignores anything else", () => {
    expect(linesOfPayload({ lines: ["a", "b", 3] })).toEqual(["a", "b"]);
    expect(linesOfPayload({ line: "only" })).toEqual(["only"]);
    expect(linesOfPayload({ progress: 0.5 })).toEqual([]);
    expect(linesOfPayload(null)).toEqual([]);
  });

  it("shows a progress bar's last drawing, nothing for a CRLF ending, no NUL bytes", () => {
    expect(shownText(" 10%|#  | 1/10\r 20%|## | 2/10")).toBe(" 20%|## | 2/10");
    expect(shownText("{'loss': 1.0}\r")).toBe("{'loss': 1.0}");
    expect(shownText("a\0b")).toBe("ab");
  });

  it("cuts an enormous line and says how much was left out", () => {
    const shown = shownText("x".repeat(MAX_SHOWN_LINE_LENGTH + 1234));
    expect(shown.startsWith("x".repeat(MAX_SHOWN_LINE_LENGTH))).toBe(true);
    expect(shown.endsWith("… (1,234 more characters)")).toBe(true);
  });

  it("finds lines case-insensitively in the text without colours", () => {
    const lines = ["\x1b[31mTraceback\x1b[0m (most recent call last):", "step:1 - loss:0.5", "RuntimeError: boom"].map(toLogLine);
    expect(matchingLines(lines, "traceback (most")).toEqual([0]);
    expect(matchingLines(lines, "ERROR")).toEqual([2]);
    // The escape sequence is not text: "31m" appears in no line.
    expect(matchingLines(lines, "31m")).toEqual([]);
    expect(matchingLines(lines, "")).toEqual([]);
  });
});
