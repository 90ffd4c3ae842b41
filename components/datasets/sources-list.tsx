import Link from "next/link";
import type { RouterOutputs } from "@/components/trpc/client";

type Source = RouterOutputs["datasets"]["get"]["sources"][number];

/** The files a dataset was imported from; a source still importing shows no samples until its run finishes. */
export function SourcesList({ project, sources }: { project: string; sources: Source[] }) {
  if (sources.length === 0) return <p className="text-sm text-zinc-500">No source yet: import data into this dataset.</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {sources.map((source) => (
        <li key={source.id} className="py-2 first:pt-0 last:pb-0">
          <div className="flex items-center justify-between gap-2">
            <span className="truncate font-mono text-xs font-medium" title={source.origin}>
              {source.label}
            </span>
            <span
              className={`shrink-0 rounded-full px-2 py-0.5 text-xs ${
                source.status === "ready"
                  ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300"
                  : "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-300"
              }`}
            >
              {source.status}
            </span>
          </div>
          <p className="text-xs text-zinc-500">
            {source.format} · {source.rowsImported.toLocaleString("en")} imported
            {source.rowsSkipped > 0 && `, ${source.rowsSkipped.toLocaleString("en")} skipped`}
            {source.importRunId !== null && (
              <>
                {" · "}
                <Link href={`/p/${project}/runs/${source.importRunId}`} className="hover:underline">
                  run #{source.importRunId}
                </Link>
              </>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
