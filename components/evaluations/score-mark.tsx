import { verdictOf } from "./sample-metrics";

const looks = {
  right: { mark: "✓", label: "right", tone: "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" },
  wrong: { mark: "✗", label: "wrong", tone: "bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300" },
  unscored: { mark: "–", label: "no score", tone: "bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400" },
};

/** A sample's score as ✓ / ✗; a score that is not 0 or 1 (a reward) also shows its value. */
export function ScoreMark({ score }: { score: number | null }) {
  const look = looks[verdictOf(score)];
  const partial = score !== null && score !== 0 && score !== 1;
  return (
    <span
      role="img"
      aria-label={look.label}
      title={score === null ? "No per-sample score" : `Score ${score}`}
      className={`inline-flex h-5 w-fit min-w-5 items-center justify-center gap-1 rounded px-1 text-xs font-semibold ${look.tone}`}
    >
      {look.mark}
      {partial && <span className="font-normal tabular-nums">{score.toFixed(2)}</span>}
    </span>
  );
}
