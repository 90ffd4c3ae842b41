import "server-only";
import sharp from "sharp";

export const thumbnailSize = 256;
// Raster formats only: an SVG could carry script, and browsers render these safely as <img>.
const servableFormats = new Map([
  ["jpeg", "image/jpeg"],
  ["png", "image/png"],
  ["webp", "image/webp"],
  ["gif", "image/gif"],
]);

export interface ImageFacts {
  mime: string;
  width: number;
  height: number;
}

export type ImageInspection = { ok: true; facts: ImageFacts } | { ok: false; reason: string };

/** What the bytes really are, decoded by sharp (never trusting a file name or a declared type). */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInspection> {
  try {
    const meta = await sharp(bytes).metadata();
    const mime = meta.format ? servableFormats.get(meta.format) : undefined;
    if (!mime || !meta.width || !meta.height) return { ok: false, reason: `unsupported image format ${meta.format ?? "unknown"}` };
    return { ok: true, facts: { mime, width: meta.width, height: meta.height } };
  } catch (error) {
    return { ok: false, reason: `not a readable image (${(error as Error).message})` };
  }
}

/** A WebP thumbnail that fits in thumbnailSize × thumbnailSize, keeping the aspect ratio. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes).rotate().resize(thumbnailSize, thumbnailSize, { fit: "inside", withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
}
