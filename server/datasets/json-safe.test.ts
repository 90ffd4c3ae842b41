import { describe, expect, it } from "vitest";
import { toStorableJson } from "./json-safe";

describe("toStorableJson", () => {
  it("returns storable values as they are, without copying", () => {
    const row = { ability: "math", reward_model: { style: "rule" }, tags: ["a", "b"], score: 1, judged: null };
    expect(toStorableJson(row)).toBe(row);
  });

  it("removes NUL characters from keys and values at any depth", () => {
    const row = { "na\u0000me": "x", nested: [{ text: "a\u0000b" }, "kept"] };
    expect(toStorableJson(row)).toEqual({ name: "x", nested: [{ text: "ab" }, "kept"] });
    expect(row.nested[0]).toEqual({ text: "a\u0000b" });
  });

  it("replaces raw bytes by their length", () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    expect(toStorableJson({ thumbnail: png, list: [1, png] })).toEqual({ thumbnail: { $bytes: 4 }, list: [1, { $bytes: 4 }] });
  });
});
