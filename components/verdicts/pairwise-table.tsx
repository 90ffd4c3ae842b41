"use client";
import type { Agreement } from "@/server/verdicts/agreement";
import { kappaText } from "./agreement-matrix";

/** Every pair of graders over the target; a row picks the pair for the matrix. */
export function PairwiseTable({ graders, pairs, onPick }: { graders: { id: string; label: string }[]; pairs: { a: string; b: string; agreement: Agreement }[]; onPick(a: string, b: string): void }) {
  const label = (id: string) => graders.find((g) => g.id === id)?.label ?? id;
  const compared = pairs.filter((p) => p.agreement.compared > 0);
  if (compared.length === 0) return <p className="text-sm text-zinc-500">No two graders have graded the same items yet.</p>;
  return (
    <table className="w-full text-sm" aria-label="All grader pairs">
      <thead className="text-left text-xs text-zinc-500">
        <tr>
          <th className="py-1">A</th>
          <th>B</th>
          <th className="px-2">Compared</th>
          <th className="px-2">Agreement</th>
          <th className="px-2">κ</th>
        </tr>
      </thead>
      <tbody>
        {compared.map((p) => (
          <tr key={`${p.a}|${p.b}`} className="cursor-pointer border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-900" onClick={() => onPick(p.a, p.b)}>
            <td className="py-1">{label(p.a)}</td>
            <td>{label(p.b)}</td>
            <td className="px-2 tabular-nums">{p.agreement.compared}</td>
            <td className="px-2 tabular-nums">{p.agreement.percentAgreement === null ? "—" : `${(p.agreement.percentAgreement * 100).toFixed(1)}%`}</td>
            <td className="px-2 tabular-nums">{kappaText(p.agreement.kappa)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
