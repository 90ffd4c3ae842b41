"use client";
import { keepPreviousData, skipToken, useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCurrentProject } from "@/components/shell/app-shell";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import type { Placement } from "@/server/recipes/common-schemas";
import type { RecipeKind } from "@/server/recipes/recipes";
import type { ConfigDraft } from "./config-path";
import { placementDraft, placementInput } from "./placement";
import { RecipeForm } from "./recipe-form";
import { PreviewIssues, RecipePreview } from "./recipe-preview";
import { useDebounced } from "./use-debounced";

export interface RecipeStart {
  name: string;
  config: ConfigDraft;
  placement: Placement;
}

/**
 * The form beside its server-rendered preview. Launch sends the settled request with the preview's stamp, so the run
 * stored is the one shown; it is enabled only while the preview matches what the form holds.
 */
export function RecipeEditor({
  kind,
  start,
  choices,
  cloneOf,
}: {
  kind: RecipeKind;
  start: RecipeStart;
  choices: Pick<RouterOutputs["recipes"]["defaults"], "exports" | "tasks">;
  /** The run this form was prefilled from: the server keeps its credentials where the form still shows them masked. */
  cloneOf?: number;
}) {
  const project = useCurrentProject();
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(start.name);
  const [draft, setDraft] = useState(start.config);
  const [placement, setPlacement] = useState(() => placementDraft(start.placement));

  const requestKey = JSON.stringify({ project: project.slug, kind, name: name.trim(), config: draft, ...placementInput(placement), cloneOf });
  const settledKey = useDebounced(requestKey, 400);
  const settled = JSON.parse(settledKey) as { project: string; kind: RecipeKind; name: string; config: ConfigDraft; cloneOf?: number } & ReturnType<typeof placementInput>;
  const preview = useQuery(
    trpc.recipes.preview.queryOptions(settled.name ? settled : skipToken, { staleTime: Infinity, refetchOnWindowFocus: false, placeholderData: keepPreviousData }),
  );
  const launch = useMutation(trpc.recipes.launch.mutationOptions({ onSuccess: ({ runId }) => router.push(`/p/${project.slug}/runs/${runId}`) }));

  const rendered = preview.data?.ok ? preview.data : null;
  const upToDate = settledKey === requestKey && !preview.isFetching && !preview.isPlaceholderData;
  const issues = preview.data && !preview.data.ok ? preview.data.issues : [];
  const issueFor = (path: string) => issues.find((issue) => issue.path === path)?.message;
  const canLaunch = project.role !== "viewer";

  const launchButton = canLaunch ? (
    <Button disabled={!rendered || !upToDate || launch.isPending} onClick={() => rendered && launch.mutate({ ...settled, stamp: rendered.stamp })}>
      {launch.isPending ? "Launching…" : "Launch run"}
    </Button>
  ) : (
    <span className="text-xs text-zinc-500">Launching needs the member role.</span>
  );

  return (
    <div className="grid items-start gap-4 lg:grid-cols-2">
      <form onSubmit={(event) => event.preventDefault()} aria-label="Recipe">
        <RecipeForm
          kind={kind}
          name={name}
          onName={setName}
          draft={draft}
          onDraft={setDraft}
          placement={placement}
          onPlacement={setPlacement}
          choices={choices}
          issueFor={issueFor}
        />
      </form>
      <div className="lg:sticky lg:top-4">
        <Panel title="What will run" action={launchButton}>
          {/* Scrolls inside the sticky panel, so the launch button stays in view beside a long form. */}
          <div className="space-y-3 lg:max-h-[calc(100vh-7rem)] lg:overflow-y-auto">
            {!settled.name && <p className="text-sm text-zinc-500">Name the run to see what it will run.</p>}
            {settled.name && preview.isPending && <p className="text-sm text-zinc-500">Rendering…</p>}
            {!upToDate && rendered && <p className="text-xs text-zinc-500">Updating…</p>}
            <ErrorMessage error={preview.error ?? launch.error} />
            {launch.error && (
              <Button variant="secondary" onClick={() => preview.refetch()}>
                New timestamp
              </Button>
            )}
            {issues.length > 0 && <PreviewIssues issues={issues} />}
            {rendered && <RecipePreview preview={rendered} />}
          </div>
        </Panel>
      </div>
    </div>
  );
}
