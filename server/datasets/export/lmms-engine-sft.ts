import "server-only";
import { constants } from "node:fs";
import { copyFile, mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import type { BlobStore } from "@/server/blobs/blob-store";
import { imageFileName, sftConversation } from "./conversation";
import type { ExportedFile, FormatWriter } from "./format-writer";
import { ParquetFileWriter } from "./parquet-file-writer";
import type { ExportSample } from "./version-samples";

export const sftParquetName = "train.parquet";
export const sftDatasetListName = "datasets.yaml";
export const sftImageFolderName = "images";

// One struct type for every content part (parquet columns have one type): the fields a part does not use are NULL,
// which is how lmms-engine's own parquet data looks.
const jsonColumns = {
  id: "VARCHAR",
  messages: "STRUCT(role VARCHAR, content STRUCT(type VARCHAR, text VARCHAR, image_url STRUCT(url VARCHAR))[])[]",
};

// The folder is meant to be copied to the training machine whole, so paths are relative. lmms-engine opens them from its
// working directory (MMR Studio's importer from the list's folder): the header says so to whoever launches training.
const datasetListHeader =
  "# lmms-engine dataset list written by MMR Studio. Paths are relative: start training in this folder, or make them absolute.\n";

/**
 * lmms-engine SFT: `train.parquet` with `id` and OpenAI-style `messages` whose image parts name files in `images/` (the
 * data folder, one file per distinct image, named by sha256), and `datasets.yaml` listing them for the trainer.
 */
export class LmmsEngineSftWriter implements FormatWriter {
  images = 0;
  private readonly parquet: ParquetFileWriter;
  private readonly imageFolder: string;

  private constructor(
    private readonly folder: string,
    private readonly blobs: BlobStore,
  ) {
    this.parquet = new ParquetFileWriter(path.join(folder, sftParquetName), jsonColumns, "id, messages", 10_000);
    this.imageFolder = path.join(folder, sftImageFolderName);
  }

  static async create(folder: string, blobs: BlobStore): Promise<LmmsEngineSftWriter> {
    await mkdir(path.join(folder, sftImageFolderName), { recursive: true });
    return new LmmsEngineSftWriter(folder, blobs);
  }

  async add(sample: ExportSample): Promise<string | null> {
    const conversation = sftConversation(sample);
    if (!conversation) return "no assistant reply to train on (no closing assistant message, trace or answer)";
    const files = sample.images.map(imageFileName);
    for (const [index, image] of sample.images.entries()) await this.copyImage(image.sha256, files[index]);
    let imageIndex = 0;
    const messages = conversation.map((message) => ({
      role: message.role,
      content: message.content.map((part) =>
        part.type === "text"
          ? { type: "text", text: part.text, image_url: null }
          : { type: "image_url", text: null, image_url: { url: files[imageIndex++] } },
      ),
    }));
    // Trainers expect every row to have an id: a sample imported without one gets its content hash, stable across exports.
    await this.parquet.append({ id: sample.externalId ?? sample.contentHash, messages });
    this.images += files.length;
    return null;
  }

  /** Copies an image out of the blob store once; a later sample showing the same image finds its file there. */
  private async copyImage(sha256: string, fileName: string): Promise<void> {
    try {
      await copyFile(this.blobs.pathOf(sha256), path.join(this.imageFolder, fileName), constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }

  async finish(signal: AbortSignal): Promise<ExportedFile[]> {
    const parquetBytes = await this.parquet.finish(signal);
    const list = `${datasetListHeader}${stringify({ datasets: [{ path: sftParquetName, data_folder: sftImageFolderName, data_type: "parquet" }] })}`;
    await writeFile(path.join(this.folder, sftDatasetListName), list);
    return [
      { name: sftParquetName, bytes: parquetBytes },
      { name: sftDatasetListName, bytes: (await stat(path.join(this.folder, sftDatasetListName))).size },
    ];
  }

  abandon(): Promise<void> {
    return this.parquet.abandon();
  }
}
