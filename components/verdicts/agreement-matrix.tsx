"use client";
import type { Agreement, AgreementCell } from "@/server/verdicts/agreement";

const percent = (value: number | null) => (value === null ? "—" : `${(value * 100).toFixed(1)}%`);
export const kappaText = (value: number | null) => (value === null ? "—" : value.toFixed(3));

/** The 2×2 matrix of grader A against grader B; each count opens its items. */
export function AgreementMatrix({ agreement, labelA, labelB, selected, onSelect }: { agreement: Agreement; labelA: string; labelB: string; selected: AgreementCell | null; onSelect(cell: AgreementCell): void }) {
  const cell = (name: AgreementCell, agree: boolean) => (
    <td>
      <button
        type="button"
        onClick={() => onSelect(name)}
        aria-pressed={selected === name}
        aria-label={`Cell ${name.replaceAll("_", " ")}: ${agreement.cells[name]}`}
        className={`w-full rounded px-4 py-3 text-lg tabular-nums ${agree ? "bg-emerald-50 dark:bg-emerald-950" : "bg-rose-50 dark:bg-rose-950"} ${selected === name ? "ring-2 ring-blue-500" : ""}`}
      >
        {agreement.cells[name]}
      </button>
    </td>
  );
  return (
    <div className="space-y-3">
      <table className="text-sm" aria-label="Agreement matrix">
        <thead>
          <tr>
            <th />
            <th className="px-2 text-xs font-normal text-zinc-500">B: {labelB} — match</th>
            <th className="px-2 text-xs font-normal text-zinc-500">B — no match</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th className="pr-2 text-right text-xs font-normal text-zinc-500">A: {labelA} — match</th>
            {cell("match_match", true)}
            {cell("match_no_match", false)}
          </tr>
          <tr>
            <th className="pr-2 text-right text-xs font-normal text-zinc-500">A — no match</th>
            {cell("no_match_match", false)}
            {cell("no_match_no_match", true)}
          </tr>
        </tbody>
      </table>
      <p className="text-sm" aria-label="Agreement figures">
        <span className="font-medium">Agreement {percent(agreement.percentAgreement)}</span> · Cohen&apos;s κ {kappaText(agreement.kappa)} · {agreement.compared} compared
      </p>
      <p className="flex flex-wrap gap-3 text-xs text-zinc-500">
        {(["only_a", "only_b", "unparsed"] as const).map((name) => (
          <button key={name} type="button" className={`underline-offset-2 hover:underline ${selected === name ? "font-semibold text-zinc-900 dark:text-zinc-100" : ""}`} onClick={() => onSelect(name)}>
            {{ only_a: "Only A graded", only_b: "Only B graded", unparsed: "Undecided by one" }[name]}: {agreement.cells[name]}
          </button>
        ))}
      </p>
    </div>
  );
}
