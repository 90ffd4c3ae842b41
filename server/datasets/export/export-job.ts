import "server-only";
import { mkdir, rm } from "node:fs/promises";
import { z } from "zod";
import type { BlobStore } from "@/server/blobs/blob-store";
import { defineJobHandler, type JobContext } from "@/server/runs/job-handler";
import { getVersion } from "../versions";
import { artifactFolder } from "./artifacts";
import { exportFormats, type ExportedFile, type ExportFormat, type FormatWriter } from "./format-writer";
import { LmmsEngineSftWriter } from "./lmms-engine-sft";
import { VerlRlWriter } from "./verl-rl";
import { readVersionSamples } from "./version-samples";

export const exportConfigSchema = z.object({ datasetId: z.uuid(), versionId: z.uuid(), format: z.enum(exportFormats) });
export type ExportConfig = z.infer<typeof exportConfigSchema>;

export interface ExportResult {
  format: ExportFormat;
  /** Files in the run's artifact folder (the SFT image files are under `images/`, not listed one by one). */
  files: ExportedFile[];
  samples: number;
  /** Image references written: one per image of each exported sample. */
  images: number;
  /** Samples of the version the format cannot hold (an SFT sample with no reply, an RL sample with no ground truth). */
  skipped: number;
}

const loggedSkipLimit = 20;

function createWriter(format: ExportFormat, folder: string, blobs: BlobStore): Promise<FormatWriter> {
  return format === "lmms-engine-sft" ? LmmsEngineSftWriter.create(folder, blobs) : Promise.resolve(new VerlRlWriter(folder, blobs));
}

/**
 * Writes a version's samples in a trainer's format into the run's artifact folder, `batchSize` samples at a time.
 * Cancellation is checked between batches and interrupts the parquet conversion; a failed or cancelled export removes
 * its folder, so no partial output stays.
 */
export async function exportVersion(config: ExportConfig, context: JobContext, batchSize = 1000): Promise<ExportResult> {
  const { db, blobs, env } = context.deps;
  const version = await getVersion(db, config.datasetId, config.versionId);
  const folder = artifactFolder(env, context.run.id);
  await mkdir(folder, { recursive: true });
  let writer: FormatWriter | undefined;
  try {
    writer = await createWriter(config.format, folder, blobs);
    let read = 0;
    let skipped = 0;
    for await (const batch of readVersionSamples(db, version.id, batchSize)) {
      context.signal.throwIfAborted();
      for (const sample of batch) {
        const reason = await writer.add(sample);
        if (reason === null) continue;
        skipped += 1;
        if (skipped <= loggedSkipLimit) await context.log(`skipped sample ${sample.id}: ${reason}`);
      }
      read += batch.length;
      // The parquet conversion after the last batch takes roughly a tenth of the time.
      context.reportProgress((0.9 * read) / version.sampleCount, `${read.toLocaleString("en")} of ${version.sampleCount.toLocaleString("en")} samples written`);
    }
    context.signal.throwIfAborted();
    context.reportProgress(0.9, "Writing parquet");
    const files = await writer.finish(context.signal);
    const samples = read - skipped;
    await context.log(`Exported ${samples} samples of version ${version.number} as ${config.format} (${writer.images} images, ${skipped} samples skipped).`);
    return { format: config.format, files, samples, images: writer.images, skipped };
  } catch (error) {
    await writer?.abandon();
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/** The `export` job: one dataset version in one trainer format. */
export const exportJob = defineJobHandler({
  kind: "export",
  configSchema: exportConfigSchema,
  execute: (config, context) => exportVersion(config, context),
});
