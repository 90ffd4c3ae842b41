import type { ExportSample } from "./version-samples";

export const exportFormats = ["lmms-engine-sft", "verl-rl"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportedFile {
  /** Path relative to the run's artifact folder. */
  name: string;
  bytes: number;
}

/** Writes one trainer format into an artifact folder, sample by sample. */
export interface FormatWriter {
  /** Writes the sample; returns why the format cannot hold it instead, or null when written. */
  add(sample: ExportSample): Promise<string | null>;
  /** Image references written so far (an image shared by several samples counts once per sample). */
  readonly images: number;
  /** Completes the files; aborting `signal` interrupts the parquet conversion. */
  finish(signal: AbortSignal): Promise<ExportedFile[]>;
  /** Releases open files after a failure; the caller removes the folder. */
  abandon(): Promise<void>;
}
