import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { pythonFloat, pythonFloatText, stringifyForPython } from "./python-yaml";

describe("pythonFloatText", () => {
  it("writes floats PyYAML reads as floats: a dot in the mantissa and a signed two-digit exponent", () => {
    expect(pythonFloatText(5e-5)).toBe("5.0e-05");
    expect(pythonFloatText(1.5e-7)).toBe("1.5e-07");
    expect(pythonFloatText(2e20)).toBe("2.0e+20");
    expect(pythonFloatText(0)).toBe("0.0");
    expect(pythonFloatText(0.1)).toBe("0.1");
    expect(pythonFloatText(3)).toBe("3.0");
  });
});

describe("stringifyForPython", () => {
  it("marks only the wrapped values as floats and round-trips them", () => {
    const text = stringifyForPython({ learning_rate: pythonFloat(5e-5), weight_decay: pythonFloat(0), max_steps: 4300 });
    expect(text).toBe("learning_rate: 5.0e-05\nweight_decay: 0.0\nmax_steps: 4300\n");
    expect(parse(text)).toEqual({ learning_rate: 5e-5, weight_decay: 0, max_steps: 4300 });
  });
});
