import { describe, expect, it } from "vitest";
import { markMatches } from "./highlight";

const cyan = { color: "#22d3ee" };

describe("markMatches", () => {
  it("marks every match, case-insensitively, within one segment", () => {
    expect(markMatches([{ text: "Loss loss LOSS", style: {} }], "loss").map((s) => [s.text, s.match])).toEqual([
      ["Loss", true],
      [" ", false],
      ["loss", true],
      [" ", false],
      ["LOSS", true],
    ]);
  });

  it("marks a match that spans a colour change in both pieces, keeping their styles", () => {
    const marked = markMatches(
      [
        { text: "(TaskRunner pid=1)", style: cyan },
        { text: " step:3", style: {} },
      ],
      "pid=1) step",
    );
    expect(marked).toEqual([
      { text: "(TaskRunner ", style: cyan, match: false },
      { text: "pid=1)", style: cyan, match: true },
      { text: " step", style: {}, match: true },
      { text: ":3", style: {}, match: false },
    ]);
  });

  it("leaves segments unmarked without a query or a match", () => {
    const segments = [{ text: "abc", style: cyan }];
    expect(markMatches(segments, "")).toEqual([{ text: "abc", style: cyan, match: false }]);
    expect(markMatches(segments, "zz")).toEqual([{ text: "abc", style: cyan, match: false }]);
  });
});
