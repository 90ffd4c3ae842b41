"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { JudgeTarget } from "@/server/verdicts/judge-config";
import type { AgreementCell } from "@/server/verdicts/agreement";

export const cellNames: AgreementCell[] = ["match_match", "match_no_match", "no_match_match", "no_match_no_match", "only_a", "only_b", "unparsed"];
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "dataset:<id>" or "evaluation:<id>[:task]" from the URL; anything else is no target. */
export function parseTarget(value: string | null): JudgeTarget | null {
  if (!value) return null;
  const [kind, id, ...task] = value.split(":");
  if (!uuid.test(id ?? "")) return null;
  if (kind === "dataset") return { kind, datasetId: id };
  if (kind === "evaluation") return task.length > 0 ? { kind, evaluationId: id, task: task.join(":") } : { kind, evaluationId: id };
  return null;
}

export interface JudgeParams {
  target: string | null;
  a: string | null;
  b: string | null;
  cell: AgreementCell | null;
  item: number | null;
}

/**
 * The Judge page's state, kept in the URL so a view can be linked: ?target=&a=&b=&cell=&item=. Changes go through
 * history.replaceState (as the leaderboard's do), which Next.js syncs into useSearchParams.
 */
export function useJudgeParams() {
  const search = useSearchParams();
  const pathname = usePathname();
  const cell = search.get("cell");
  const item = Number(search.get("item"));
  const params: JudgeParams = {
    target: search.get("target"),
    a: search.get("a"),
    b: search.get("b"),
    cell: cellNames.includes(cell as AgreementCell) ? (cell as AgreementCell) : null,
    item: Number.isInteger(item) && item > 0 ? item : null,
  };
  const change = useCallback(
    (next: Partial<JudgeParams>) => {
      const merged = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(next)) {
        if (value === null || value === undefined || value === "") merged.delete(key);
        else merged.set(key, String(value));
      }
      const query = merged.toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return { params, change };
}
