"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { compareHref } from "@/components/leaderboard/routes";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { Panel } from "@/components/ui/panel";

type Comparison = RouterOutputs["evaluations"]["compare"];

interface FlipListsProps {
  project: string;
  a: string;
  b: string;
  task: string;
  comparison: Comparison;
  openDoc: string | undefined;
}

/** The samples that flipped between A and B, each opening the two responses side by side. */
export function FlipLists({ project, a, b, task, comparison, openDoc }: FlipListsProps) {
  const trpc = useTRPC();
  const docIds = [...comparison.rightToWrong.docIds, ...comparison.wrongToRight.docIds];
  // Targets for the lists; the server lists at most 200 flips per direction, within the samples query's 1,000 ids.
  const targets = useQuery(
    trpc.evaluations.samples.queryOptions(
      { project, evaluationId: a, task, docIds, limit: 500 },
      { enabled: docIds.length > 0, select: (page) => new Map(page.items.map((item) => [item.docId, item.target])) },
    ),
  );
  const lists = [
    { title: "Right → wrong", hint: "A right, B wrong: regressions", flips: comparison.rightToWrong, tone: "text-red-600 dark:text-red-400" },
    { title: "Wrong → right", hint: "A wrong, B right: improvements", flips: comparison.wrongToRight, tone: "text-emerald-600 dark:text-emerald-400" },
  ];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {lists.map(({ title, hint, flips, tone }) => (
        <Panel key={title} title={`${title} (${flips.count})`}>
          <p className={`mb-2 text-xs ${tone}`}>{hint}</p>
          {flips.count === 0 ? (
            <p className="text-sm text-zinc-500">No sample flipped this way.</p>
          ) : (
            <ul aria-label={title} className="max-h-80 divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
              {flips.docIds.map((docId) => (
                <li key={docId}>
                  <Link
                    href={compareHref(project, { a, b, task, doc: docId })}
                    scroll={false}
                    aria-current={openDoc === docId ? "true" : undefined}
                    className={`flex items-center gap-3 px-2 py-1.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-800/50 ${openDoc === docId ? "bg-indigo-50 dark:bg-indigo-950/50" : ""}`}
                  >
                    <span className="w-20 shrink-0 font-mono text-xs">doc {docId}</span>
                    <span className="truncate text-xs text-zinc-500">target: {targets.data?.get(docId) ?? "…"}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          {flips.count > flips.docIds.length && <p className="mt-2 text-xs text-zinc-500">The first {flips.docIds.length} of {flips.count.toLocaleString("en")} are listed.</p>}
        </Panel>
      ))}
    </div>
  );
}
