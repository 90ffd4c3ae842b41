import type { RouterOutputs } from "@/components/trpc/client";

type Comparison = RouterOutputs["evaluations"]["compare"];

const points = (fraction: number) => (Math.round(fraction * 1000) / 10).toFixed(1);
const signedPoints = (fraction: number) => `${fraction > 0 ? "+" : fraction < 0 ? "−" : "±"}${points(Math.abs(fraction))}`;
const formatP = (p: number) => (p < 0.001 ? "< 0.001" : p.toFixed(3));

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: React.ReactNode }) {
  return (
    <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
      {hint && <dd className="text-xs text-zinc-500">{hint}</dd>}
    </div>
  );
}

/** Accuracies, the difference with its paired bootstrap interval, and McNemar's test, each with what it means. */
export function ComparisonSummary({ comparison, nameA, nameB }: { comparison: Comparison; nameA: string; nameB: string }) {
  const { bootstrap, mcnemarP } = comparison;
  const significant = mcnemarP < 0.05;
  const intervalExcludesZero = bootstrap.low > 0 || bootstrap.high < 0;
  const better = bootstrap.difference > 0 ? "better" : bootstrap.difference < 0 ? "worse" : "the same";
  return (
    <div className="space-y-3">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label={`A: ${nameA}`} value={`${points(comparison.accuracyA)}%`} hint="mean score" />
        <Figure label={`B: ${nameB}`} value={`${points(comparison.accuracyB)}%`} hint="mean score" />
        <Figure
          label="Difference B − A"
          value={<span className={bootstrap.difference > 0 ? "text-emerald-600 dark:text-emerald-400" : bootstrap.difference < 0 ? "text-red-600 dark:text-red-400" : ""}>{signedPoints(bootstrap.difference)} pts</span>}
          hint={
            <span data-testid="bootstrap-interval">
              {Math.round(bootstrap.confidence * 100)}% interval [{signedPoints(bootstrap.low)}, {signedPoints(bootstrap.high)}]
            </span>
          }
        />
        <Figure label="McNemar p" value={<span data-testid="mcnemar-p">{formatP(mcnemarP)}</span>} hint={`${comparison.rightToWrong.count + comparison.wrongToRight.count} discordant samples`} />
      </dl>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        On {comparison.pairedSamples.toLocaleString("en")} samples both models answered, B scores {better} than A.{" "}
        {significant ? (
          <b>p &lt; 0.05: the difference is unlikely to be chance.</b>
        ) : (
          <b>p ≥ 0.05: a difference this size could well be chance.</b>
        )}{" "}
        The {Math.round(bootstrap.confidence * 100)}% interval of the difference {intervalExcludesZero ? "excludes" : "includes"} zero.
      </p>
      <p className="text-xs text-zinc-500">
        The interval comes from a paired bootstrap over documents; McNemar&apos;s exact test asks whether the flips in one direction outnumber the other more than chance allows.
      </p>
    </div>
  );
}
