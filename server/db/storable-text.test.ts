import { describe, expect, it } from "vitest";
import { storableJson, storableText } from "./storable-text";

describe("text as Postgres can store it", () => {
  it("removes NUL from every string and key of a run event's payload, keeping the rest", () => {
    const payload = { lines: ["step 1\u0000", "ok"], ["ke\u0000y"]: { nested: "a\u0000b", n: 3 }, literal: "\\u0000 stays" };
    expect(storableJson(payload)).toEqual({ lines: ["step 1", "ok"], key: { nested: "ab", n: 3 }, literal: "\\u0000 stays" });
  });

  it("returns a clean value itself, uncopied", () => {
    const clean = { lines: ["a", "b"], n: 1 };
    expect(storableJson(clean)).toBe(clean);
  });

  it("cuts long text with a mark after removing NUL", () => {
    expect(storableText("ab\u0000cdef", 4)).toBe("abc…");
  });
});
