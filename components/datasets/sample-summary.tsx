import Link from "next/link";
import type { RouterOutputs } from "@/components/trpc/client";
import { blobUrl } from "./blob-url";
import { answerKindLabels } from "./sample-view-params";

export type SampleListItem = RouterOutputs["samples"]["list"]["items"][number];

export function Thumbnail({ sample, className }: { sample: SampleListItem; className: string }) {
  if (!sample.thumbnailSha256) {
    return (
      <div className={`flex items-center justify-center bg-zinc-100 text-xs text-zinc-400 dark:bg-zinc-800 ${className}`}>
        {sample.imageCount > 0 ? "no preview" : "text"}
      </div>
    );
  }
  return <img src={blobUrl(sample.thumbnailSha256)} alt={`Image of sample ${sample.id}`} loading="lazy" className={`bg-zinc-100 object-contain dark:bg-zinc-800 ${className}`} />;
}

export function SampleBadges({ sample, sourceLabel }: { sample: SampleListItem; sourceLabel?: string }) {
  return (
    <div className="flex min-w-0 items-center gap-1.5 overflow-hidden whitespace-nowrap text-xs text-zinc-500">
      <span className="font-mono tabular-nums">#{sample.id}</span>
      {sourceLabel && <span className="truncate">{sourceLabel}</span>}
      <span className="rounded bg-zinc-100 px-1.5 dark:bg-zinc-800">{answerKindLabels[sample.answerKind]}</span>
      {sample.traceLength > 0 && <span className="tabular-nums">{sample.traceLength.toLocaleString("en")}-char trace</span>}
      {sample.imageCount > 1 && <span>{sample.imageCount} images</span>}
      {sample.verdict !== null && <VerdictBadge verdict={sample.verdict} />}
      {sample.excluded && <span className="rounded bg-red-100 px-1.5 text-red-700 dark:bg-red-950 dark:text-red-300">excluded</span>}
      {sample.tags.map((tag) => (
        <span key={tag} className="rounded-full bg-indigo-50 px-1.5 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
          {tag}
        </span>
      ))}
    </div>
  );
}

/** One sample as a list row: thumbnail, badges, the start of its question and answer. */
export function SampleRow({ sample, href, sourceLabel }: { sample: SampleListItem; href: string; sourceLabel?: string }) {
  return (
    <Link href={href} className="flex h-full gap-3 border-b border-zinc-100 px-3 py-2 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/50">
      <Thumbnail sample={sample} className="h-16 w-16 shrink-0 rounded" />
      <div className="min-w-0 flex-1 space-y-0.5">
        <SampleBadges sample={sample} sourceLabel={sourceLabel} />
        <p className="line-clamp-2 text-sm">{sample.question}</p>
        {sample.answer && <p className="truncate text-xs text-zinc-500">→ {sample.answer}</p>}
      </div>
    </Link>
  );
}

/** One sample as a grid card: the thumbnail large, then the start of its question. */
export function SampleCard({ sample, href, sourceLabel }: { sample: SampleListItem; href: string; sourceLabel?: string }) {
  return (
    <Link href={href} className="flex h-full flex-col overflow-hidden rounded-md border border-zinc-200 hover:border-indigo-400 dark:border-zinc-800 dark:hover:border-indigo-600">
      <Thumbnail sample={sample} className="h-36 w-full" />
      <div className="min-w-0 flex-1 space-y-1 p-2">
        <SampleBadges sample={sample} sourceLabel={sourceLabel} />
        <p className="line-clamp-2 text-xs">{sample.question}</p>
      </div>
    </Link>
  );
}

export function VerdictBadge({ verdict }: { verdict: boolean }) {
  return verdict ? (
    <span className="rounded bg-emerald-100 px-1.5 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">judged right</span>
  ) : (
    <span className="rounded bg-amber-100 px-1.5 text-amber-800 dark:bg-amber-950 dark:text-amber-300">judged wrong</span>
  );
}
