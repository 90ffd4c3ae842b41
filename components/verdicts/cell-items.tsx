"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { blobUrl } from "@/components/datasets/blob-url";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage, TextField } from "@/components/ui/field";
import type { AgreementCell } from "@/server/verdicts/agreement";
import type { JudgeTarget } from "@/server/verdicts/judge-config";

const pageSize = 25;
const clip = (text: string | null, length = 160) => (text === null ? "—" : text.length > length ? `${text.slice(0, length)}…` : text);
const outcome = (side: { match: boolean | null } | null) => (side === null ? "not graded" : side.match === null ? "undecided" : side.match ? "match" : "no match");

/** One cell's items, 25 at a time by item id; dataset cells can be tagged or excluded in their dataset. */
export function CellItems(props: { project: string; target: JudgeTarget; a: string; b: string; cell: AgreementCell; canEdit: boolean; selected: number | null; onOpen(itemId: number): void }) {
  const { project, target, a, b, cell } = props;
  const trpc = useTRPC();
  const items = useInfiniteQuery(
    trpc.verdicts.cellItems.infiniteQueryOptions(
      { project, target, a, b, cell, limit: pageSize },
      { getNextPageParam: (page) => (page.length < pageSize ? undefined : page[page.length - 1].itemId) },
    ),
  );
  const rows = items.data?.pages.flat() ?? [];
  return (
    <div className="space-y-3">
      {props.canEdit && target.kind === "dataset" && rows.length > 0 && <CurateCell {...props} />}
      {items.isSuccess && rows.length === 0 && <p className="text-sm text-zinc-500">No items in this cell.</p>}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="Cell items">
        {rows.map((item) => (
          <li key={item.itemId}>
            <button type="button" onClick={() => props.onOpen(item.itemId)} className={`flex w-full gap-3 py-2 text-left text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900 ${props.selected === item.itemId ? "bg-blue-50 dark:bg-blue-950" : ""}`}>
              {item.thumbnailSha256 ? (
                <img src={blobUrl(item.thumbnailSha256)} alt={`Image of item ${item.itemId}`} loading="lazy" className="h-14 w-14 shrink-0 rounded bg-zinc-100 object-contain dark:bg-zinc-800" />
              ) : (
                <span className="flex h-14 w-14 shrink-0 items-center justify-center rounded bg-zinc-100 text-xs text-zinc-400 dark:bg-zinc-800">text</span>
              )}
              <span className="min-w-0 space-y-0.5">
                <span className="block truncate font-medium">{clip(item.question)}</span>
                <span className="block truncate text-xs text-zinc-500">Gold {clip(item.gold, 60)} · Prediction {clip(item.prediction, 80)}</span>
                <span className="block text-xs text-zinc-500">
                  A {outcome(item.a)}
                  {item.a?.predExtracted ? ` (extracted ${clip(item.a.predExtracted, 40)} vs ${clip(item.a.goldExtracted, 40)})` : ""} · B {outcome(item.b)}
                  {item.b?.predExtracted ? ` (extracted ${clip(item.b.predExtracted, 40)})` : ""}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {items.hasNextPage && (
        <Button variant="secondary" onClick={() => items.fetchNextPage()} disabled={items.isFetchingNextPage}>
          More items
        </Button>
      )}
      <ErrorMessage error={items.error} />
    </div>
  );
}

function CurateCell({ project, target, a, b, cell }: { project: string; target: JudgeTarget; a: string; b: string; cell: AgreementCell }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [tag, setTag] = useState("");
  const curate = useMutation(trpc.verdicts.curateCell.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      aria-label="Curate this cell"
      onSubmit={(event) => {
        event.preventDefault();
        curate.mutate({ project, target, a, b, cell, action: { kind: "tag", tag } });
      }}
    >
      <TextField label="Tag these samples" value={tag} onChange={(e) => setTag(e.target.value)} required maxLength={64} />
      <Button type="submit" variant="secondary" disabled={curate.isPending}>
        Tag
      </Button>
      <Button type="button" variant="secondary" disabled={curate.isPending} onClick={() => curate.mutate({ project, target, a, b, cell, action: { kind: "exclude" } })}>
        Exclude from dataset
      </Button>
      {curate.data && <span className="text-sm text-zinc-500">{curate.data.updated} samples updated.</span>}
      <ErrorMessage error={curate.error} />
    </form>
  );
}
