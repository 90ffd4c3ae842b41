import type { RouterOutputs } from "@/components/trpc/client";

export type ExportItem = RouterOutputs["datasetExports"]["list"]["items"][number];
export type ExportFormat = ExportItem["format"];

/** The trainer formats a version exports to, as the UI names and explains them. */
export const exportFormatOptions: { value: ExportFormat; label: string; description: string }[] = [
  { value: "lmms-engine-sft", label: "lmms-engine SFT", description: "parquet with id + messages, images as files, and the dataset-list YAML" },
  { value: "verl-rl", label: "verl RL", description: "parquet with the prompt, the ground truth and the image bytes inside" },
];

export function exportFormatLabel(format: ExportFormat): string {
  return exportFormatOptions.find((option) => option.value === format)?.label ?? format;
}

const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];

/** "812 bytes", "1.2 MiB". */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
