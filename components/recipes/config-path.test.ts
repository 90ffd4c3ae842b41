import { describe, expect, it } from "vitest";
import { numberText, parseNumberText, valueAt, withValueAt } from "./config-path";

describe("config paths", () => {
  it("reads and writes nested values without touching the original", () => {
    const draft = { trainer: { learningRate: 5e-5, maxSteps: 4300 }, outputRoot: "./output" };
    const edited = withValueAt(draft, "trainer.maxSteps", 100);
    expect(valueAt(edited, "trainer.maxSteps")).toBe(100);
    expect(valueAt(edited, "trainer.learningRate")).toBe(5e-5);
    expect(draft.trainer.maxSteps).toBe(4300);
    expect(valueAt(withValueAt({}, "judge.apiKey", "k"), "judge.apiKey")).toBe("k");
    expect(valueAt(draft, "outputRoot.deeper")).toBeUndefined();
  });

  it("shows small rates in exponent form and keeps text that is not a number", () => {
    expect(numberText(5e-5)).toBe("5e-5");
    expect(numberText(0.1)).toBe("0.1");
    expect(numberText(61440)).toBe("61440");
    expect(parseNumberText("1e-6")).toBe(1e-6);
    expect(parseNumberText("fast")).toBe("fast");
    expect(parseNumberText(" ")).toBe(" ");
  });
});
