import "server-only";
import path from "node:path";
import type { BlobStore } from "@/server/blobs/blob-store";
import { imageFileName, verlGroundTruth, verlPrompt } from "./conversation";
import type { ExportedFile, FormatWriter } from "./format-writer";
import { ParquetFileWriter } from "./parquet-file-writer";
import type { ExportSample } from "./version-samples";

export const verlParquetName = "train.parquet";

// Image bytes travel through the JSON rows as base64 and become BLOBs in the parquet (HF's {bytes, path} image struct).
const jsonColumns = {
  data_source: "VARCHAR",
  prompt: "STRUCT(role VARCHAR, content VARCHAR)[]",
  images: "STRUCT(bytes VARCHAR, path VARCHAR)[]",
  ability: "VARCHAR",
  reward_model: "STRUCT(ground_truth VARCHAR, style VARCHAR)",
  extra_info: 'STRUCT("index" BIGINT, id VARCHAR)',
};
const select =
  "data_source, prompt, list_transform(images, lambda image: {'bytes': from_base64(image.bytes), 'path': image.path}) AS images, ability, reward_model, extra_info";

/**
 * verl's RL parquet: `data_source`, `prompt` with `<image>` placeholders, `images` with their bytes inside, `ability`,
 * `reward_model` {ground_truth, style: "rule"} and `extra_info` {index, id}.
 */
export class VerlRlWriter implements FormatWriter {
  images = 0;
  private readonly parquet: ParquetFileWriter;

  constructor(
    folder: string,
    private readonly blobs: BlobStore,
  ) {
    this.parquet = new ParquetFileWriter(path.join(folder, verlParquetName), jsonColumns, select, 1_000);
  }

  async add(sample: ExportSample): Promise<string | null> {
    const groundTruth = verlGroundTruth(sample);
    if (groundTruth === null) return "no ground truth for the reward (no answer, and no <answer> in the trace)";
    const images = [];
    for (const image of sample.images) {
      // The name an image was imported under when it had one (verl files carry it), else its content-addressed name.
      images.push({ bytes: (await this.blobs.read(image.sha256)).toString("base64"), path: image.originalPath ?? imageFileName(image) });
    }
    await this.parquet.append({
      data_source: sample.source,
      prompt: verlPrompt(sample),
      images,
      ability: sample.ability,
      reward_model: { ground_truth: groundTruth, style: "rule" },
      extra_info: { index: this.parquet.count, id: sample.externalId },
    });
    this.images += images.length;
    return null;
  }

  async finish(signal: AbortSignal): Promise<ExportedFile[]> {
    return [{ name: verlParquetName, bytes: await this.parquet.finish(signal) }];
  }

  abandon(): Promise<void> {
    return this.parquet.abandon();
  }
}
