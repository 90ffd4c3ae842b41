// Exact answers written the way the recipe's golds are: integers plainly, the rest as LaTeX
// (`\frac{3}{4}`, `2\sqrt{5}`), so the verifier's math equivalence has real LaTeX to parse.

function greatestCommonDivisor(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** numerator / denominator in lowest terms, as an integer or `\frac{p}{q}` (a minus sign in front). */
export function fractionLatex(numerator: number, denominator: number): string {
  if (denominator === 0) throw new Error("A fraction needs a non-zero denominator.");
  const divisor = greatestCommonDivisor(numerator, denominator);
  const sign = numerator * denominator < 0 ? "-" : "";
  const [p, q] = [Math.abs(numerator) / divisor, Math.abs(denominator) / divisor];
  return q === 1 ? `${sign}${p}` : `${sign}\\frac{${p}}{${q}}`;
}

/** √n simplified: `5` for 25, `2\sqrt{2}` for 8, `\sqrt{13}` for 13. */
export function squareRootLatex(radicand: number): string {
  if (!Number.isInteger(radicand) || radicand < 0) throw new Error(`Cannot take √${radicand} exactly.`);
  if (radicand === 0) return "0";
  let outside = 1;
  let inside = radicand;
  for (let factor = 2; factor * factor <= inside; factor++) {
    while (inside % (factor * factor) === 0) {
      outside *= factor;
      inside /= factor * factor;
    }
  }
  if (inside === 1) return String(outside);
  return outside === 1 ? `\\sqrt{${inside}}` : `${outside}\\sqrt{${inside}}`;
}

/** A decimal without float noise (17.5, not 17.500000001), for answers that are multiples of 0.5. */
export function decimalText(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
