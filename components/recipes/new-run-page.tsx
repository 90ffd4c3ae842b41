"use client";
import { skipToken, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC } from "@/components/trpc/client";
import { ErrorMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import type { RecipeKind } from "@/server/recipes/recipes";
import { RecipeEditor } from "./recipe-editor";

const kindTitles: Record<RecipeKind, string> = { sft: "SFT · lmms-engine", rl: "RL · verl GSPO", eval: "Evaluation · lmms-eval" };
const kinds = Object.keys(kindTitles) as RecipeKind[];

const parseKind = (value: string | null): RecipeKind => kinds.find((kind) => kind === value) ?? "sft";
const parseRunId = (value: string | null) => (value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : null);

/** `?kind=sft|rl|eval` starts from the recipe's defaults; `?from=<runId>` from that run's recipe config (a clone). */
export function NewRunPage() {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const params = useSearchParams();
  const fromRunId = parseRunId(params.get("from"));
  const clone = useQuery(trpc.recipes.cloneSource.queryOptions(fromRunId ? { project: project.slug, runId: fromRunId } : skipToken, { staleTime: Infinity }));
  const kind = clone.data?.kind ?? parseKind(params.get("kind"));
  const defaults = useQuery(trpc.recipes.defaults.queryOptions({ project: project.slug, kind }, { staleTime: Infinity, enabled: !fromRunId || clone.isSuccess }));
  const source = clone.data;

  return (
    <>
      <PageHeader
        title={source ? `Clone run #${source.sourceRunId}` : "New run"}
        description="Start from the OpenMMReasoner recipe's settings, change what you need, and check exactly what will run before launching it on a GPU worker."
        action={<Link href={`/p/${project.slug}/runs`} className="text-sm text-indigo-600 hover:underline">Back to runs</Link>}
      />
      {source ? (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          From <Link className="text-indigo-600 hover:underline" href={`/p/${project.slug}/runs/${source.sourceRunId}`}>{source.sourceName}</Link>, launched with recipe{" "}
          <span className="font-mono">{source.sourceVersion}</span>
          {source.sourceVersion !== source.currentVersion && <> (today&apos;s is <span className="font-mono">{source.currentVersion}</span>; the preview checks the config against it)</>}.
          {" "}Its credentials stay masked and are kept unless you type new ones.
        </p>
      ) : (
        <nav aria-label="Recipe" className="mb-4 flex gap-1">
          {kinds.map((k) => (
            <Link
              key={k}
              href={`/p/${project.slug}/runs/new?kind=${k}`}
              aria-current={k === kind ? "page" : undefined}
              className={`rounded-md px-3 py-1 text-sm ${k === kind ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-900"}`}
            >
              {kindTitles[k]}
            </Link>
          ))}
        </nav>
      )}
      <ErrorMessage error={clone.error ?? defaults.error} />
      {(clone.isLoading || defaults.isLoading) && <p className="text-sm text-zinc-500">Loading the recipe…</p>}
      {defaults.data && (!fromRunId || source) && (
        <RecipeEditor
          key={`${kind}:${fromRunId ?? "new"}`}
          kind={kind}
          cloneOf={source?.sourceRunId}
          choices={defaults.data}
          start={
            source
              ? { name: `${source.sourceName} (clone)`, config: source.config, placement: source.placement }
              : { name: `${kind}-${new Date().toISOString().slice(0, 10)}`, config: defaults.data.config, placement: defaults.data.placement }
          }
        />
      )}
    </>
  );
}
