import { describe, expect, it } from "vitest";
import { readRunIds } from "./compare-params";

describe("readRunIds", () => {
  it("keeps positive integer ids in order, once each, up to the maximum", () => {
    expect(readRunIds("3, 1,3,x,-2,0,2.5,7")).toEqual([3, 1, 7]);
    expect(readRunIds(null)).toEqual([]);
    expect(readRunIds("1,2,3,4", 3)).toEqual([1, 2, 3]);
  });
});
