"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { EmptyState } from "@/components/ui/empty-state";
import { TimeAgo } from "@/components/ui/time";

const numberFormat = new Intl.NumberFormat("en");

/** The project's datasets, newest first; `limit` keeps it small where it is a summary (the overview). */
export function DatasetTable({ limit }: { limit?: number }) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const datasets = useQuery(trpc.datasets.list.queryOptions({ project: project.slug }));
  const base = `/p/${project.slug}/datasets`;

  if (datasets.isPending) return <p className="text-sm text-zinc-500">Loading datasets…</p>;
  if (datasets.error) return <p className="text-sm text-red-600">{datasets.error.message}</p>;
  if (datasets.data.length === 0) {
    return (
      <EmptyState title="No datasets yet.">
        {project.role === "viewer" ? (
          "A member of this project imports datasets (SFT messages, verl parquet, the recipe's dataset-list YAML); they appear here."
        ) : (
          <>
            <Link href={`${base}/import`} className="text-indigo-600 hover:underline">
              Import data
            </Link>{" "}
            from a file you upload or a path on the server: SFT messages (JSON / JSONL), verl parquet, or the recipe&apos;s dataset-list YAML.
          </>
        )}
      </EmptyState>
    );
  }
  const shown = limit ? datasets.data.slice(0, limit) : datasets.data;
  return (
    <div>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Name</th>
            <th className="w-32 py-2 pr-3 text-right font-medium">Samples</th>
            <th className="w-40 py-2 font-medium">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
          {shown.map((dataset) => (
            <tr key={dataset.id}>
              <td className="py-2 pr-3">
                <Link href={`${base}/${dataset.id}`} className="font-medium hover:underline">
                  {dataset.name}
                </Link>
                {dataset.description && (
                  <p className="line-clamp-1 text-xs text-zinc-500" title={dataset.description}>
                    {dataset.description}
                  </p>
                )}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{numberFormat.format(dataset.sampleCount)}</td>
              <td className="py-2 text-zinc-500">
                <TimeAgo date={dataset.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {limit !== undefined && datasets.data.length > limit && (
        <Link href={base} className="mt-2 inline-block text-xs text-indigo-600 hover:underline">
          {datasets.data.length - limit} more
        </Link>
      )}
    </div>
  );
}
