import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { datasets, datasetSources, samples } from "@/db/schema";
import { changeTags } from "@/server/datasets/curate";
import { createDataset, findDatasetByName, refreshSampleCount } from "@/server/datasets/datasets";
import type { ImageRef, NormalisedSample } from "@/server/datasets/import";
import { SampleImageStore, type StoredImage } from "@/server/datasets/sample-images";
import { SampleWriter } from "@/server/datasets/sample-writer";
import type { Database } from "@/server/db/client";
import { groupBy } from "@/server/group-by";
import type { JobContext } from "@/server/runs/job-handler";
import { generateDemoSamples } from "./generate";
import { rasteriseFigure } from "./rasterise";
import { demoSystemPrompt } from "./reasoning-trace";
import type { DemoSample } from "./types";

export const demoDatasetName = "Demo dataset";
const demoDatasetDescription =
  "Generated at seed time: bar charts, geometry figures, shape counts, clocks and line plots drawn as SVG and rasterised, " +
  "each with a question, a gold answer that is correct for its picture, and a <think>/<answer> reasoning trace.";
// Drawing a handful of figures at once keeps sharp's worker threads busy without holding many PNGs in memory.
const rasterBatch = 8;

/** A digest of what a source generated, standing in for the file digest an imported source records. */
function generatedContentSha256(group: DemoSample[]): string {
  const identity = group.map((s) => [s.externalId, s.question, s.answer, s.trace, s.figure.svg]);
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

async function storeFigure(images: SampleImageStore, sample: DemoSample): Promise<{ image: ImageRef; stored: StoredImage[] }> {
  const image: ImageRef = { kind: "bytes", bytes: await rasteriseFigure(sample.figure), name: `${sample.externalId}.png` };
  // Byte images need no data folder; the store only resolves folders for path images.
  const { stored, issues } = await images.store([image], ".");
  if (issues.length > 0) throw new Error(`The figure of ${sample.externalId} did not store: ${issues[0].reason}`);
  return { image, stored };
}

function normalised(sample: DemoSample, image: ImageRef): NormalisedSample {
  const { externalId, question, answer, trace, source } = sample;
  return { externalId, question, answer, trace, source, systemPrompt: demoSystemPrompt, images: [image], extra: {} };
}

/**
 * Creates the demo project's "Demo dataset": one ready source per family (`demo/geometry`, …), the figures as PNG blobs
 * with thumbnails, then tags. Does nothing when the project already has a dataset of that name; a failure removes
 * the half-made dataset, so a later attempt starts clean.
 */
export async function storeDemoDataset(projectId: string, context: JobContext): Promise<{ datasetId: string; sampleCount: number } | null> {
  const { db, blobs } = context.deps;
  if (await findDatasetByName(db, projectId, demoDatasetName)) {
    await context.log(`The project already has a dataset named "${demoDatasetName}"; leaving it as it is.`);
    return null;
  }
  const dataset = await createDataset(db, { projectId, name: demoDatasetName, description: demoDatasetDescription, createdBy: context.run.createdBy });
  try {
    const generated = generateDemoSamples();
    const images = new SampleImageStore(blobs);
    let done = 0;
    for (const [label, group] of groupBy(generated, (sample) => sample.source)) {
      const [source] = await db
        .insert(datasetSources)
        .values({ datasetId: dataset.id, label, origin: "seed-demo", format: "generated", fileSha256: generatedContentSha256(group), mapping: {}, importRunId: context.run.id })
        .returning({ id: datasetSources.id });
      const writer = new SampleWriter(db, { datasetId: dataset.id, sourceId: source.id });
      for (let start = 0; start < group.length; start += rasterBatch) {
        context.signal.throwIfAborted();
        const batch = group.slice(start, start + rasterBatch);
        const figures = await Promise.all(batch.map((sample) => storeFigure(images, sample)));
        for (const [offset, sample] of batch.entries()) await writer.add(start + offset + 1, normalised(sample, figures[offset].image), figures[offset].stored);
        done += batch.length;
        context.reportProgress(done / generated.length, `${done} of ${generated.length} demo samples drawn`);
      }
      await writer.flush();
      await db.update(datasetSources).set({ status: "ready", rowsImported: writer.inserted }).where(eq(datasetSources.id, source.id));
      await context.log(`${label}: ${writer.inserted} samples.`);
    }
    await tagSamples(db, dataset.id, generated);
    const sampleCount = await refreshSampleCount(db, dataset.id);
    return { datasetId: dataset.id, sampleCount };
  } catch (error) {
    await db.delete(datasets).where(eq(datasets.id, dataset.id));
    throw error;
  }
}

/** Tags go on after the samples exist: one bulk change per tag, through the same curation path users take. */
async function tagSamples(db: Database, datasetId: string, generated: DemoSample[]): Promise<void> {
  const stored = await db.select({ id: samples.id, externalId: samples.externalId }).from(samples).where(eq(samples.datasetId, datasetId));
  const idOf = new Map(stored.map((s) => [s.externalId, s.id]));
  const idsByTag = new Map<string, number[]>();
  for (const sample of generated) {
    for (const tag of sample.tags) {
      const ids = idsByTag.get(tag) ?? [];
      ids.push(idOf.get(sample.externalId)!);
      idsByTag.set(tag, ids);
    }
  }
  for (const [tag, sampleIds] of idsByTag) await changeTags(db, datasetId, { sampleIds }, { add: [tag] });
}
