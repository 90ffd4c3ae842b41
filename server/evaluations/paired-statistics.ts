import binomialCdf from "@stdlib/stats-base-dists-binomial-cdf";

/** Exact McNemar test: of the discordant pairs, is one direction more common than chance (p = 0.5) allows? Two-sided p. */
export function mcnemarExactP(onlyAWasRight: number, onlyBWasRight: number): number {
  const discordant = onlyAWasRight + onlyBWasRight;
  if (discordant === 0) return 1;
  const smaller = Math.min(onlyAWasRight, onlyBWasRight);
  return Math.min(1, 2 * binomialCdf(smaller, discordant, 0.5));
}

// A small seeded generator: the same comparison always yields the same interval.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Paired bootstrap: resample the documents (keeping each document's two scores together) and take the
 * percentile interval of the mean difference B − A.
 */
export function pairedBootstrapInterval(
  scoresA: number[],
  scoresB: number[],
  options: { resamples?: number; confidence?: number; seed?: number } = {},
): { difference: number; low: number; high: number } {
  const n = scoresA.length;
  if (n === 0 || n !== scoresB.length) throw new Error("A paired bootstrap needs two equally long, non-empty score lists.");
  const differences = scoresA.map((a, i) => scoresB[i] - a);
  const mean = differences.reduce((s, d) => s + d, 0) / n;
  const resamples = options.resamples ?? 2000;
  const random = mulberry32(options.seed ?? 20251120);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += differences[Math.floor(random() * n)];
    means[r] = total / n;
  }
  means.sort();
  const tail = (1 - (options.confidence ?? 0.95)) / 2;
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))];
  return { difference: mean, low: at(tail), high: at(1 - tail) };
}
