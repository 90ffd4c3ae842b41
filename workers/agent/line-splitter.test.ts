import { describe, expect, it } from "vitest";
import { LineSplitter, truncationMarker } from "./line-splitter";

describe("LineSplitter", () => {
  it("gives complete lines from chunks cut anywhere and holds a partial line until its newline", () => {
    const splitter = new LineSplitter();
    expect(splitter.push("step:1 - a:1\nstep:2")).toEqual(["step:1 - a:1"]);
    expect(splitter.push(" - a:2")).toEqual([]);
    expect(splitter.push("\n\nlast")).toEqual(["step:2 - a:2", ""]);
    expect(splitter.end()).toEqual(["last"]);
    expect(splitter.end()).toEqual([]);
  });

  it("keeps carriage returns inside a line (tqdm redraws)", () => {
    expect(new LineSplitter().push("0%|  | 0/3\r33%|█ | 1/3\n")).toEqual(["0%|  | 0/3\r33%|█ | 1/3"]);
  });

  it("cuts a line longer than the limit, whether it arrives whole or in pieces, and skips the rest of it", () => {
    const whole = new LineSplitter(10);
    expect(whole.push(`${"x".repeat(10_000_000)}\nnext\n`)).toEqual([`${"x".repeat(10)}${truncationMarker(10)}`, "next"]);

    const pieces = new LineSplitter(10);
    expect(pieces.push("y".repeat(6))).toEqual([]);
    expect(pieces.push("y".repeat(6))).toEqual([`${"y".repeat(10)}${truncationMarker(10)}`]);
    expect(pieces.push("y".repeat(1000))).toEqual([]);
    expect(pieces.push("yy\nafter\n")).toEqual(["after"]);
    expect(pieces.end()).toEqual([]);
  });
});
