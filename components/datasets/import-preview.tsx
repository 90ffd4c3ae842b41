"use client";
import type { RouterOutputs } from "@/components/trpc/client";
import type { ColumnMapping } from "@/server/datasets/import";
import { MappingEditor } from "./mapping-editor";

type Preview = RouterOutputs["datasets"]["preview"];
type PreviewSource = Preview["sources"][number];

const layoutLabels: Record<PreviewSource["layout"], string> = {
  "openai-messages": "OpenAI-style messages (SFT)",
  "llava-conversations": "LLaVA conversations",
  "verl-rl": "verl RL parquet",
  "reasoning-trace": "rows with reasoning traces",
  "question-answer": "question / answer rows",
  unknown: "not recognised: map the columns by hand",
};

/** Every source of the file as it would import: layout, columns, the editable mapping, the first rows and their errors. */
export function ImportPreview({
  preview,
  onApplyMapping,
  onDirty,
}: {
  preview: Preview;
  onApplyMapping: (source: string, mapping: ColumnMapping) => void;
  onDirty: (source: string, dirty: boolean) => void;
}) {
  return (
    <div className="space-y-6">
      {preview.sources.map((source) => (
        <section key={source.label} aria-label={`Source ${source.label}`} className="space-y-3">
          <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h3 className="font-mono text-sm font-semibold">{source.label}</h3>
            <span className="text-xs text-zinc-500">
              {source.container} · {layoutLabels[source.layout]}
              {source.rowCount !== null && ` · ${source.rowCount.toLocaleString("en")} rows`}
            </span>
          </header>
          <div className="flex flex-wrap gap-1">
            {source.columns.map((column) => (
              <span key={column.name} title={column.type} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                {column.name}
                <span className="ml-1 text-zinc-400">{column.type.length > 24 ? `${column.type.slice(0, 24)}…` : column.type}</span>
              </span>
            ))}
          </div>
          <MappingEditor
            key={JSON.stringify(source.mapping)}
            source={source.label}
            mapping={source.mapping}
            suggested={source.suggestedMapping}
            onApply={(mapping) => onApplyMapping(source.label, mapping)}
            onDirty={(dirty) => onDirty(source.label, dirty)}
          />
          <PreviewRows source={source} />
        </section>
      ))}
    </div>
  );
}

const clamp = "line-clamp-3 whitespace-pre-wrap break-words";

function PreviewRows({ source }: { source: PreviewSource }) {
  return (
    <div className="space-y-2">
      {source.rowErrors.length > 0 && (
        <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 dark:bg-amber-950/40 dark:text-amber-300">
          <p className="font-medium">
            {source.rowErrors.length} of the first rows would be skipped:
          </p>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {source.rowErrors.slice(0, 10).map((error) => (
              <li key={`${error.row}-${error.field ?? ""}`}>
                row {error.row}
                {error.line !== undefined && ` (line ${error.line})`}
                {error.field && `, ${error.field}`}: {error.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {source.samples.length === 0 ? (
        <p className="text-sm text-zinc-500">No row of the first ones maps to a sample: correct the question column above and re-run the preview.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full table-fixed text-left text-xs">
            <thead className="text-zinc-500">
              <tr>
                <th className="w-12 py-1.5 pr-2 font-medium">Row</th>
                <th className="py-1.5 pr-2 font-medium">Question</th>
                <th className="w-40 py-1.5 pr-2 font-medium">Answer</th>
                <th className="w-44 py-1.5 pr-2 font-medium">Images</th>
                <th className="py-1.5 font-medium">Trace</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 align-top dark:divide-zinc-800">
              {source.samples.map(({ row, sample, imageProblems }) => (
                <tr key={row}>
                  <td className="py-1.5 pr-2 tabular-nums text-zinc-500">{row}</td>
                  <td className="py-1.5 pr-2">
                    <p className={clamp}>{sample.question}</p>
                  </td>
                  <td className="py-1.5 pr-2">
                    <p className={clamp}>{sample.answer ?? <span className="text-zinc-400">—</span>}</p>
                  </td>
                  <td className="py-1.5 pr-2">
                    {sample.images.length === 0 && <span className="text-zinc-400">—</span>}
                    {sample.images.map((image, index) => (
                      <p key={index} className="truncate font-mono" title={image.kind === "path" ? image.path : image.name}>
                        {image.kind === "path" ? image.path : `${image.name ?? "embedded"} (${image.size.toLocaleString("en")} B)`}
                      </p>
                    ))}
                    {imageProblems.map((problem) => (
                      <p key={problem.path} className="truncate text-red-600 dark:text-red-400" title={problem.path}>
                        {problem.reason}: {problem.path}
                      </p>
                    ))}
                  </td>
                  <td className="py-1.5">
                    <p className={`${clamp} font-mono text-zinc-600 dark:text-zinc-400`}>{sample.trace ?? <span className="text-zinc-400">—</span>}</p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
