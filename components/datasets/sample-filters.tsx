"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC, type RouterOutputs } from "@/components/trpc/client";
import { SelectField, TextField } from "@/components/ui/field";
import type { AnswerKind } from "@/server/datasets/answer-kind";
import type { SampleSort } from "@/server/datasets/browse";
import { answerKindLabels, isFiltered, sampleSortLabels, verdictLabels, type SampleStatus, type SampleVerdict } from "./sample-view-params";
import { useSampleView } from "./use-sample-view";

type Source = RouterOutputs["datasets"]["get"]["sources"][number];

const statuses: { value: SampleStatus; label: string }[] = [
  { value: "all", label: "All" },
  { value: "included", label: "Included" },
  { value: "excluded", label: "Excluded" },
];

/** Filter bar of a dataset; every control writes the URL, so the filtered view is a shareable link. */
export function SampleFilters({ project, datasetId, sources }: { project: string; datasetId: string; sources: Source[] }) {
  const trpc = useTRPC();
  const { view, changeView, updateFilter } = useSampleView();
  const tags = useQuery(trpc.datasets.tags.queryOptions({ project, datasetId }));
  const { filter } = view;
  const chosenTags = filter.tags ?? [];
  const unchosenTags = (tags.data ?? []).filter((t) => !chosenTags.includes(t.tag));

  return (
    <div role="search" aria-label="Sample filters" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <SearchField value={filter.search ?? ""} onSearch={(search) => updateFilter({ search: search || undefined })} />
        </div>
        <SelectField label="Sort" value={view.sort} onChange={(e) => changeView((current) => ({ ...current, sort: e.target.value as SampleSort }))}>
          {Object.entries(sampleSortLabels).map(([sort, label]) => (
            <option key={sort} value={sort}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField label="Source" value={filter.sourceIds?.[0] ?? ""} onChange={(e) => updateFilter({ sourceIds: e.target.value ? [e.target.value] : undefined })}>
          <option value="">All sources</option>
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Image"
          value={filter.hasImage === undefined ? "" : filter.hasImage ? "yes" : "no"}
          onChange={(e) => updateFilter({ hasImage: e.target.value === "" ? undefined : e.target.value === "yes" })}
        >
          <option value="">Any</option>
          <option value="yes">With an image</option>
          <option value="no">Text only</option>
        </SelectField>
        <SelectField
          label="Answer kind"
          value={filter.answerKinds?.[0] ?? ""}
          onChange={(e) => updateFilter({ answerKinds: e.target.value ? [e.target.value as AnswerKind] : undefined })}
        >
          <AnyOrOneOf labels={answerKindLabels} />
        </SelectField>
        <SelectField label="Verdict" value={filter.verdict ?? ""} onChange={(e) => updateFilter({ verdict: (e.target.value || undefined) as SampleVerdict | undefined })}>
          <AnyOrOneOf labels={verdictLabels} />
        </SelectField>
        <NumberField label="Trace length at least" value={filter.traceLengthMin} onCommit={(traceLengthMin) => updateFilter({ traceLengthMin })} />
        <NumberField label="Trace length at most" value={filter.traceLengthMax} onCommit={(traceLengthMax) => updateFilter({ traceLengthMax })} />
        <SelectField label="Tag" value="" onChange={(e) => e.target.value && updateFilter({ tags: [...chosenTags, e.target.value] })}>
          <option value="">{unchosenTags.length ? "Add a tag filter…" : "No other tags"}</option>
          {unchosenTags.map((t) => (
            <option key={t.tag} value={t.tag}>
              {t.tag} ({t.count.toLocaleString("en")})
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div role="radiogroup" aria-label="Status" className="flex gap-1">
          {statuses.map((status) => (
            <button
              key={status.value}
              type="button"
              role="radio"
              aria-checked={filter.status === status.value}
              onClick={() => updateFilter({ status: status.value })}
              className={`rounded-md px-2.5 py-1 text-xs ${filter.status === status.value ? "bg-zinc-200 font-medium dark:bg-zinc-800" : "text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
            >
              {status.label}
            </button>
          ))}
        </div>
        {chosenTags.map((tag) => (
          <button
            key={tag}
            type="button"
            aria-label={`Stop filtering by tag ${tag}`}
            onClick={() => updateFilter({ tags: chosenTags.filter((t) => t !== tag) })}
            className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-700 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-300"
          >
            tag: {tag} ×
          </button>
        ))}
        {isFiltered(filter) && (
          <button type="button" onClick={() => changeView((current) => ({ ...current, filter: { status: "all" } }))} className="ml-auto text-xs text-indigo-600 hover:underline">
            Clear filters
          </button>
        )}
      </div>
    </div>
  );
}

/** A select's options: "Any" (no filter), then each value under its label. */
function AnyOrOneOf({ labels }: { labels: Record<string, string> }) {
  return (
    <>
      <option value="">Any</option>
      {Object.entries(labels).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </>
  );
}

/** Full-text search, applied on Enter or after a pause in typing. */
function SearchField({ value, onSearch }: { value: string; onSearch: (search: string) => void }) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  // The URL changed elsewhere (Clear filters, back button): show its search.
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), 500);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(text.trim());
      }}
    >
      <TextField label="Search question and answer" type="search" value={text} placeholder="words, or &quot;a phrase&quot;" onChange={(e) => setText(e.target.value)} />
    </form>
  );
}

function NumberField({ label, value, onCommit }: { label: string; value: number | undefined; onCommit: (value: number | undefined) => void }) {
  const [text, setText] = useState(value?.toString() ?? "");
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    setSynced(value);
    setText(value?.toString() ?? "");
  }
  const commit = () => {
    const parsed = /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    if (parsed !== value) onCommit(parsed);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        commit();
      }}
    >
      <TextField label={label} inputMode="numeric" value={text} placeholder="any (characters)" onChange={(e) => setText(e.target.value)} onBlur={commit} />
    </form>
  );
}
