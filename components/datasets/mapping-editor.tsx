"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ColumnMapping } from "@/server/datasets/import";
import { draftOf, editableFields, mappingOf, type MappingDraft } from "./mapping-fields";

/**
 * One text field per sample field, holding column paths. Edits apply when the preview re-runs, so what is imported is
 * always what the preview showed; `onDirty` tells the page an edit is waiting.
 */
export function MappingEditor({
  source,
  mapping,
  suggested,
  onApply,
  onDirty,
}: {
  source: string;
  mapping: ColumnMapping;
  suggested: ColumnMapping;
  onApply: (mapping: ColumnMapping) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const [draft, setDraft] = useState<MappingDraft>(() => draftOf(mapping));
  const applied = draftOf(mapping);
  const dirty = editableFields.some(({ field }) => draft[field] !== applied[field]);
  const isSuggested = JSON.stringify(mappingOf(draft, mapping)) === JSON.stringify(mappingOf(draftOf(suggested), suggested));
  const edit = (next: MappingDraft) => {
    setDraft(next);
    onDirty(editableFields.some(({ field }) => next[field] !== applied[field]));
  };
  return (
    <form
      aria-label={`Column mapping of ${source}`}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(mappingOf(draft, mapping));
      }}
      className="space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {editableFields.map(({ field, label }) => (
          <TextField
            key={field}
            label={label}
            value={draft[field]}
            placeholder="not mapped"
            spellCheck={false}
            className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-xs outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
            onChange={(event) => edit({ ...draft, [field]: event.target.value })}
          />
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant={dirty ? "primary" : "secondary"}>
          Re-run preview
        </Button>
        {!isSuggested && (
          <Button type="button" variant="ghost" onClick={() => edit(draftOf(suggested))}>
            Back to the suggestion
          </Button>
        )}
        <p className="text-xs text-zinc-500">
          Column paths: <code className="font-mono">a.b</code>, <code className="font-mono">list[0]</code>,{" "}
          <code className="font-mono">messages[role=user][0].content</code>; several separated by <code className="font-mono">|</code>, the first non-blank wins.
        </p>
      </div>
    </form>
  );
}
