import { describe, expect, it } from "vitest";
import { diffLines } from "./line-diff";

const marks = (before: string, after: string) => diffLines(before, after).map((d) => `${{ same: " ", removed: "-", added: "+" }[d.kind]}${d.text}`);

describe("diffLines", () => {
  it("keeps common lines and marks a changed value as removed then added", () => {
    expect(marks('{\n  "lr": 5e-5,\n  "steps": 4300\n}', '{\n  "lr": 1e-5,\n  "steps": 4300\n}')).toEqual([' {', '-  "lr": 5e-5,', '+  "lr": 1e-5,', '   "steps": 4300', " }"]);
  });

  it("finds inserted and deleted lines around unchanged ones", () => {
    expect(marks("a\nb\nc", "a\nc\nd")).toEqual([" a", "-b", " c", "+d"]);
    expect(marks("same", "same")).toEqual([" same"]);
  });
});
