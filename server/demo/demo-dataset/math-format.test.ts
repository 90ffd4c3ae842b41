import { describe, expect, it } from "vitest";
import { decimalText, fractionLatex, squareRootLatex } from "./math-format";

describe("exact answer formatting", () => {
  it("writes fractions in lowest terms with the sign in front", () => {
    expect(fractionLatex(6, 8)).toBe("\\frac{3}{4}");
    expect(fractionLatex(3, -6)).toBe("-\\frac{1}{2}");
    expect(fractionLatex(-4, -2)).toBe("2");
    expect(fractionLatex(0, 5)).toBe("0");
    expect(() => fractionLatex(1, 0)).toThrow(/non-zero/);
  });

  it("simplifies square roots", () => {
    expect(squareRootLatex(25)).toBe("5");
    expect(squareRootLatex(8)).toBe("2\\sqrt{2}");
    expect(squareRootLatex(72)).toBe("6\\sqrt{2}");
    expect(squareRootLatex(13)).toBe("\\sqrt{13}");
    expect(squareRootLatex(0)).toBe("0");
  });

  it("prints halves without float noise", () => {
    expect(decimalText(17.5)).toBe("17.5");
    expect(decimalText(0.1 + 0.2)).toBe("0.3");
  });
});
