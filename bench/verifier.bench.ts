// The answer verifier on one core: decisions per second over the shared dev cases repeated (read where they
// lie, as the conformance suite reads them), and over generated pairs whose golds never repeat (no gold cache
// help). The floor beside them is the same loop with a bare string comparison: the harness's own cost.
import { readFileSync } from "node:fs";
import { verifyAnswer, type VerifierConfig } from "@/server/verdicts/verifier";
import { fixturePath } from "../tests/conformance/fixtures-dir";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { median } from "./support/stats";

interface Decision {
  gold: string;
  pred: string;
  config: VerifierConfig;
  expected?: boolean;
}

const targetPerSecond = 20_000;
const decisionsPerRound = 200_000;
const rounds = 3;

function devCases(): Decision[] {
  return readFileSync(fixturePath("verifier", "dev_cases.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Decision);
}

/** Fractions, decimals, percents and boxed sums, each gold unique, half of them answered right. */
function generatedPairs(count: number): Decision[] {
  const config: VerifierConfig = {};
  return Array.from({ length: count }, (_, i) => {
    const numerator = (i % 97) + 1;
    const denominator = (i % 89) + 2;
    const value = numerator / denominator;
    const gold = i % 3 === 0 ? `\\frac{${numerator}}{${denominator}}` : i % 3 === 1 ? `${(value * 100).toFixed(4)}\\%` : `${numerator + i}`;
    const right = i % 3 === 0 ? value.toFixed(6) : i % 3 === 1 ? `${(value * 100).toFixed(4)}%` : `${numerator + i}`;
    const pred = `<think>Working through step ${i}.</think> The answer is $\\boxed{${i % 2 === 0 ? right : `${right}1`}}$.`;
    return { gold, pred, config };
  });
}

// Every decision is counted here, so none can be optimised away.
let matchesSeen = 0;

/** Median decisions per second over the rounds. */
function decisionsPerSecond(decisions: Decision[], decide: (d: Decision) => boolean): number {
  const perRound: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (let i = 0; i < decisionsPerRound; i++) if (decide(decisions[i % decisions.length])) matchesSeen++;
    perRound.push(decisionsPerRound / ((performance.now() - started) / 1000));
  }
  return median(perRound);
}

await runBenchmark(async () => {
  const cases = devCases();
  const generated = generatedPairs(decisionsPerRound);
  const verify = (d: Decision) => verifyAnswer(d.gold, d.pred, d.config).match;
  const compareStrings = (d: Decision) => d.gold.trim() === d.pred.trim();

  progress(`verifying the ${cases.length} dev cases repeated, ${decisionsPerRound.toLocaleString("en-US")} decisions × ${rounds}`);
  const dev = decisionsPerSecond(cases, verify);
  const devFloor = decisionsPerSecond(cases, compareStrings);
  const agreement = cases.filter((d) => verify(d) === d.expected).length;
  progress("verifying generated pairs with unique golds");
  const fresh = decisionsPerSecond(generated, verify);
  const freshFloor = decisionsPerSecond(generated, compareStrings);

  progress(`${matchesSeen.toLocaleString("en-US")} matches seen`);
  const rows: BenchRow[] = [
    { name: "verifier: dev cases repeated", value: Math.round(dev), unit: "decisions/s", note: `one core; target ≥ ${targetPerSecond.toLocaleString("en-US")} (${(dev / targetPerSecond).toFixed(1)}× the target); ${agreement} of ${cases.length} cases agree with the reference` },
    { name: "verifier: dev cases, bare string compare (floor)", value: Math.round(devFloor), unit: "decisions/s", note: `the loop alone; the verifier runs at ${(dev / devFloor).toFixed(4)} of it` },
    { name: "verifier: generated pairs, unique golds", value: Math.round(fresh), unit: "decisions/s", note: `fractions, percents, boxed integers; ${(fresh / targetPerSecond).toFixed(1)}× the target` },
    { name: "verifier: generated pairs, bare string compare (floor)", value: Math.round(freshFloor), unit: "decisions/s", note: `the verifier runs at ${(fresh / freshFloor).toFixed(4)} of it` },
  ];
  return rows;
});
