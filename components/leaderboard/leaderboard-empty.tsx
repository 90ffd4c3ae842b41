"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/client";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadPaperTableButton } from "./load-paper-table-button";
import { benchmarksHref, importHref } from "./routes";

/**
 * No model has a score on a catalog benchmark yet. Evaluations may still exist (tasks outside the catalog): then the
 * way forward is the catalog, not another import.
 */
export function LeaderboardEmpty({ project, canImport }: { project: string; canImport: boolean }) {
  const trpc = useTRPC();
  const evaluations = useQuery(trpc.evaluations.list.queryOptions({ project }));
  const uncatalogued = evaluations.data?.length ?? 0;
  return (
    <EmptyState title="No model has a score on a catalog benchmark yet.">
      {uncatalogued > 0 && (
        <p className="mb-2">
          {uncatalogued} imported evaluation{uncatalogued === 1 ? " has" : "s have"} tasks outside the{" "}
          <Link href={benchmarksHref(project)} className="text-indigo-600 hover:underline dark:text-indigo-400">
            benchmark catalog
          </Link>
          : add their task and metric there and they appear in this table.
        </p>
      )}
      {canImport ? (
        <>
          <p>Start from the paper&apos;s reference rows, your own lmms-eval outputs, or any paper&apos;s results table.</p>
          <div className="mt-4 flex flex-wrap items-start justify-center gap-2">
            <LoadPaperTableButton project={project} />
            <ButtonLink href={importHref(project, "lmms-eval")} variant="secondary">
              Import lmms-eval output
            </ButtonLink>
            <ButtonLink href={importHref(project, "table")} variant="secondary">
              Import a results table (CSV)
            </ButtonLink>
          </div>
        </>
      ) : (
        <p>A member of this project imports lmms-eval outputs or a paper&apos;s results table; the table appears here.</p>
      )}
    </EmptyState>
  );
}
