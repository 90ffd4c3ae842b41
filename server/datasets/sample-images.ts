import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BlobStore } from "@/server/blobs/blob-store";
import { inspectImage, makeThumbnail } from "@/server/blobs/images";
import { checkImagePaths, type ImageRef } from "./import";

export interface StoredImage {
  sha256: string;
  size: number;
  mime: string;
  width: number;
  height: number;
  thumbnailSha256: string;
  originalPath: string | null;
}

export interface ImageIssue {
  path: string;
  reason: string;
  /** Position of the image in the sample, so its place in the conversation can go too. */
  index: number;
}

/**
 * Puts a sample's images into the blob store (identical images stored once) with a thumbnail each.
 * Images that are missing, outside their data folder or unreadable are reported, and the sample keeps the others.
 */
export class SampleImageStore {
  // Within one import the same picture often recurs (a chart shared by several questions): decode it once.
  private readonly known = new Map<string, StoredImage | Omit<ImageIssue, "index">>();

  constructor(private readonly blobs: BlobStore) {}

  async store(images: ImageRef[], dataFolder: string): Promise<{ stored: StoredImage[]; issues: ImageIssue[] }> {
    if (images.length === 0) return { stored: [], issues: [] };
    const stored: StoredImage[] = [];
    const issues: ImageIssue[] = [];
    const problems = new Map((await checkImagePaths(images, dataFolder)).map((p) => [p.path, p.reason]));
    for (const [index, image] of images.entries()) {
      const label = image.kind === "path" ? image.path : (image.name ?? `image ${index + 1} (bytes)`);
      if (image.kind === "path" && problems.has(image.path)) {
        issues.push({ path: image.path, reason: problems.get(image.path)!, index });
        continue;
      }
      const bytes = image.kind === "bytes" ? image.bytes : await readFile(path.resolve(dataFolder, image.path));
      const result = await this.storeBytes(bytes, image.kind === "path" ? image.path : (image.name ?? null));
      if ("reason" in result) issues.push({ path: label, reason: result.reason, index });
      else stored.push(result);
    }
    return { stored, issues };
  }

  private async storeBytes(bytes: Uint8Array, originalPath: string | null): Promise<StoredImage | Omit<ImageIssue, "index">> {
    const sha256 = BlobStore.digest(bytes);
    const known = this.known.get(sha256);
    if (known) return "reason" in known ? { ...known, path: originalPath ?? known.path } : { ...known, originalPath };
    const inspection = await inspectImage(bytes);
    if (!inspection.ok) {
      const issue = { path: originalPath ?? sha256, reason: inspection.reason };
      this.known.set(sha256, issue);
      return issue;
    }
    await this.blobs.put(bytes);
    const thumbnail = await this.blobs.put(await makeThumbnail(bytes));
    const image = { sha256, size: bytes.byteLength, ...inspection.facts, thumbnailSha256: thumbnail.sha256, originalPath };
    this.known.set(sha256, image);
    return image;
  }
}
