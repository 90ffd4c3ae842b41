"use client";
import { useId } from "react";
import type { RouterOutputs } from "@/components/trpc/client";
import type { DatasetSource } from "@/server/recipes/common-schemas";
import { FieldMessage, inputClass } from "./config-field";

type RecipeExport = RouterOutputs["recipes"]["defaults"]["exports"][number];

const exportLabel = (e: RecipeExport) =>
  `#${e.exportRunId} · ${e.datasetName} v${e.versionNumber} (${e.versionName}) · ${e.sampleCount.toLocaleString("en")} samples · ${e.contentHash.slice(0, 12)}`;

/**
 * An exported dataset version and where the GPU machine sees its folder. Choosing an export proposes the folder the
 * server wrote, which is right when the machine mounts the same storage at the same path.
 */
export function DatasetPicker({
  label,
  exports,
  value,
  onChange,
  issues,
  noneLabel,
}: {
  label: string;
  exports: RecipeExport[];
  value: DatasetSource | null;
  onChange: (value: DatasetSource | null) => void;
  issues: { choice?: string; dataRoot?: string };
  /** Offered when the dataset is optional: what choosing none means. */
  noneLabel?: string;
}) {
  const id = useId();
  const chosen = exports.find((e) => e.exportRunId === value?.exportRunId);
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={`${id}-export`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          {label}
        </label>
        <select
          id={`${id}-export`}
          className={inputClass}
          value={value ? String(value.exportRunId) : ""}
          aria-invalid={issues.choice !== undefined}
          aria-describedby={`${id}-export-message`}
          onChange={(event) => {
            const picked = exports.find((e) => String(e.exportRunId) === event.target.value);
            onChange(picked ? { exportRunId: picked.exportRunId, dataRoot: picked.serverFolder } : null);
          }}
        >
          <option value="">{noneLabel ?? "Choose an export…"}</option>
          {value && !chosen && <option value={value.exportRunId}>#{value.exportRunId} (not a usable export of this project)</option>}
          {exports.map((e) => (
            <option key={e.exportRunId} value={e.exportRunId}>
              {exportLabel(e)}
            </option>
          ))}
        </select>
        <FieldMessage id={`${id}-export-message`} issue={issues.choice} help={chosen ? `Dataset version hash ${chosen.contentHash}` : undefined} />
      </div>
      {value && (
        <div className="space-y-1">
          <label htmlFor={`${id}-root`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
            Export folder on the GPU machine
          </label>
          <input
            id={`${id}-root`}
            className={`${inputClass} font-mono`}
            value={value.dataRoot}
            aria-invalid={issues.dataRoot !== undefined}
            aria-describedby={`${id}-root-message`}
            onChange={(event) => onChange({ ...value, dataRoot: event.target.value })}
          />
          <FieldMessage id={`${id}-root-message`} issue={issues.dataRoot} help="The copy of the export's folder (train.parquet and its images) the worker reads." />
        </div>
      )}
    </div>
  );
}
