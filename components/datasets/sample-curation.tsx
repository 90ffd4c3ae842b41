"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import { useInvalidateSamples } from "./use-invalidate-samples";

interface CuratedSample {
  id: number;
  tags: string[];
  note: string | null;
  excluded: boolean;
}

/** Tags, note and inclusion of one sample; read-only for viewers. */
export function SampleCuration({ project, datasetId, sample, canEdit }: { project: string; datasetId: string; sample: CuratedSample; canEdit: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateSamples();
  const selection = { sampleIds: [sample.id] };
  const changeTags = useMutation(trpc.samples.changeTags.mutationOptions({ onSuccess: invalidate }));
  const setExcluded = useMutation(trpc.samples.setExcluded.mutationOptions({ onSuccess: invalidate }));
  const [tag, setTag] = useState("");

  return (
    <div className="space-y-4 text-sm">
      <div className="flex items-center justify-between gap-2">
        <span className={sample.excluded ? "font-medium text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}>
          {sample.excluded ? "Excluded from versions" : "Included in versions"}
        </span>
        {canEdit && (
          <Button
            variant={sample.excluded ? "secondary" : "danger"}
            disabled={setExcluded.isPending}
            onClick={() => setExcluded.mutate({ project, datasetId, selection, excluded: !sample.excluded })}
          >
            {sample.excluded ? "Include" : "Exclude"}
          </Button>
        )}
      </div>
      <ErrorMessage error={setExcluded.error} />
      <div className="space-y-2">
        <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Tags</h3>
        <ul aria-label="Tags of this sample" className="flex flex-wrap gap-1">
          {sample.tags.length === 0 && <li className="text-xs text-zinc-500">No tags.</li>}
          {sample.tags.map((t) => (
            <li key={t} className="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2 pr-1 text-xs text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
              {t}
              {canEdit && (
                <button
                  type="button"
                  aria-label={`Remove tag ${t}`}
                  onClick={() => changeTags.mutate({ project, datasetId, selection, change: { remove: [t] } })}
                  className="rounded-full px-1 hover:bg-indigo-100 dark:hover:bg-indigo-900"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
        {canEdit && (
          <form
            className="flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (!tag.trim()) return;
              changeTags.mutate({ project, datasetId, selection, change: { add: [tag.trim()] } }, { onSuccess: () => setTag("") });
            }}
          >
            <input
              aria-label="New tag"
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              placeholder="add a tag"
              className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            />
            <Button type="submit" variant="secondary" disabled={!tag.trim() || changeTags.isPending}>
              Add tag
            </Button>
          </form>
        )}
        <ErrorMessage error={changeTags.error} />
      </div>
      <NoteEditor key={sample.id} project={project} datasetId={datasetId} sample={sample} canEdit={canEdit} />
    </div>
  );
}

function NoteEditor({ project, datasetId, sample, canEdit }: { project: string; datasetId: string; sample: CuratedSample; canEdit: boolean }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateSamples();
  const [note, setNote] = useState(sample.note ?? "");
  const save = useMutation(trpc.samples.setNote.mutationOptions({ onSuccess: invalidate }));
  const changed = note !== (sample.note ?? "");
  if (!canEdit) {
    return (
      <div className="space-y-1">
        <h3 className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Note</h3>
        <p className="whitespace-pre-wrap text-sm">{sample.note ?? <span className="text-zinc-500">No note.</span>}</p>
      </div>
    );
  }
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ project, datasetId, sampleId: sample.id, note });
      }}
    >
      <label className="block space-y-1">
        <span className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">Note</span>
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={4}
          maxLength={10_000}
          placeholder="Why this sample is odd, what to check…"
          className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <ErrorMessage error={save.error} />
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={!changed || save.isPending}>
          Save note
        </Button>
        {save.isSuccess && !changed && <span className="text-xs text-emerald-700 dark:text-emerald-400">Saved.</span>}
      </div>
    </form>
  );
}
