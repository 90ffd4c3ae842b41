import { describe, expect, it } from "vitest";
import { parsePythonLiteral, parsePythonLiteralPrefix } from "./python-literal";

describe("parsePythonLiteral", () => {
  it("reads a Python repr dict with single quotes, nan, inf, True/False/None and strings", () => {
    const value = parsePythonLiteral("{'loss': 1.2, 'grad_norm': nan, 'peak': -inf, 'packed': True, 'ok': False, 'mfu': None, 'tokens': '12.3M'}");
    expect(value).toEqual({ loss: 1.2, grad_norm: Number.NaN, peak: Number.NEGATIVE_INFINITY, packed: true, ok: false, mfu: null, tokens: "12.3M" });
  });

  it("reads json.dumps output including bare NaN and Infinity", () => {
    expect(parsePythonLiteral('{"step": 3, "data": {"a": NaN, "b": -Infinity, "c": [1, 2e-3], "d": null, "e": true}}')).toEqual({
      step: 3,
      data: { a: Number.NaN, b: Number.NEGATIVE_INFINITY, c: [1, 0.002], d: null, e: true },
    });
  });

  it("unwraps numpy-2 scalar reprs", () => {
    expect(parsePythonLiteral("[np.float64(0.5), np.int64(-3), numpy.float32(1e-05), np.True_, np.bool_(False)]")).toEqual([0.5, -3, 1e-5, true, false]);
  });

  it("reads tuples, trailing commas, escapes and keeps -0", () => {
    expect(parsePythonLiteral("(1, 'it\\'s', \"a\\nb\", '\\x41\\u00e9',)")).toEqual([1, "it's", "a\nb", "Aé"]);
    expect(Object.is(parsePythonLiteral("-0.000"), -0)).toBe(true);
    expect(parsePythonLiteral('"\\ud83d\\ude00"')).toBe("😀");
  });

  // A search-ahead reader rescans the rest of the string per escape: ~10^11 steps here, and the test times out.
  it("reads a long string with many escapes in one pass", () => {
    const text = "'" + "a\\n".repeat(300_000) + "'";
    expect(parsePythonLiteral(text)).toBe("a\n".repeat(300_000));
  });

  it("stores a __proto__ key as data", () => {
    const value = parsePythonLiteral("{'__proto__': 1}") as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(value.__proto__).toBe(1);
  });

  it("rejects what is not one literal", () => {
    for (const text of ["", "{'a': 1", "{'a' 1}", "{'a': 1} trailing", "tensor(0.5)", "np.float64('x')", "{[1]: 2}", "'open"]) {
      expect(parsePythonLiteral(text), text).toBeUndefined();
    }
    expect(parsePythonLiteral("[".repeat(100) + "]".repeat(100))).toBeUndefined();
  });

  it("reports where a prefix literal ends", () => {
    const text = "{'a': 1}, step=42";
    expect(parsePythonLiteralPrefix(text, 0)).toEqual({ value: { a: 1 }, end: 8 });
  });
});
