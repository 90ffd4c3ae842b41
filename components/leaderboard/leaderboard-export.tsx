"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/field";
import type { LeaderboardView } from "@/server/evaluations/leaderboard-view";

const formats = [
  { format: "csv", label: "CSV", file: "leaderboard.csv", type: "text/csv" },
  { format: "md", label: "Markdown", file: "leaderboard.md", type: "text/markdown" },
  { format: "latex", label: "LaTeX", file: "leaderboard.tex", type: "application/x-tex" },
] as const;
type Format = (typeof formats)[number];

export function ExportButtons({ chosen, onChoose }: { chosen: Format["format"] | null; onChoose: (format: Format["format"] | null) => void }) {
  return (
    <div className="flex items-center gap-1" role="group" aria-label="Export">
      <span className="mr-1 text-xs text-zinc-500">Export</span>
      {formats.map((f) => (
        <Button key={f.format} variant={chosen === f.format ? "primary" : "secondary"} className="px-2! py-0.5! text-xs!" aria-pressed={chosen === f.format} onClick={() => onChoose(chosen === f.format ? null : f.format)}>
          {f.label}
        </Button>
      ))}
    </div>
  );
}

/**
 * The server's export of the exact view (columns, average set, baseline, chosen evaluations), shown as text to copy
 * or download. The server renders it, so the page, the CLI and the API give the same table.
 */
export function ExportPreview({
  project,
  format,
  view,
  chosenEvaluations,
  onClose,
}: {
  project: string;
  format: Format["format"];
  view: LeaderboardView;
  chosenEvaluations: Record<string, string>;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [copied, setCopied] = useState<"copied" | "select" | null>(null);
  const meta = formats.find((f) => f.format === format)!;
  const text = useQuery(
    trpc.leaderboard.export.queryOptions({
      project,
      format,
      columns: view.columns,
      averageOver: view.averageOver,
      baselineModel: view.baselineModelId,
      chosenEvaluations: Object.keys(chosenEvaluations).length > 0 ? chosenEvaluations : undefined,
    }),
  );
  const copy = async () => {
    // The clipboard API exists only on secure origins (https or localhost); elsewhere the reader selects and copies.
    if (!text.data || !navigator.clipboard) return setCopied("select");
    await navigator.clipboard.writeText(text.data).then(
      () => setCopied("copied"),
      () => setCopied("select"),
    );
  };
  const download = () => {
    if (!text.data) return;
    const url = URL.createObjectURL(new Blob([text.data], { type: `${meta.type};charset=utf-8` }));
    const link = Object.assign(document.createElement("a"), { href: url, download: meta.file });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="mb-4 rounded-md border border-zinc-200 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <p className="text-sm font-medium">{meta.label} export</p>
        <p className="text-xs text-zinc-500">Shown columns, average, baseline deltas and chosen evaluations; every model row.</p>
        <div className="ml-auto flex gap-2">
          <Button variant="secondary" className="py-1! text-xs!" onClick={copy} disabled={!text.data}>
            {copied === "copied" ? "Copied" : "Copy"}
          </Button>
          <Button variant="secondary" className="py-1! text-xs!" onClick={download} disabled={!text.data}>
            Download {meta.file}
          </Button>
          <Button variant="ghost" className="py-1! text-xs!" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
      {copied === "select" && <p className="px-3 pt-2 text-xs text-zinc-500">This browser does not allow copying from here: select the text below and copy it.</p>}
      <ErrorMessage error={text.error} />
      <pre aria-label={`${meta.label} export`} className="max-h-72 overflow-auto p-3 font-mono text-xs leading-5 text-zinc-800 dark:text-zinc-200">
        {text.isPending ? "Rendering…" : text.data}
      </pre>
    </div>
  );
}
