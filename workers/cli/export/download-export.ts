import path from "node:path";
import { forEachWithLimit } from "../parallel";
import { formatBytes, type ProgressDisplay } from "../progress";
import type { ArtifactDownloader } from "./artifact-download";
import type { ExportResult } from "./export-result";
import { ReferencedImages } from "./referenced-images";

export interface DownloadedExport {
  /** The absolute path of the output folder. */
  folder: string;
  /** The export's own files (as the server lists them), with their sizes on disk. */
  files: { name: string; bytes: number }[];
  /** The image files its dataset lists reference, downloaded into their data folders. */
  imageFiles: { folders: string[]; count: number; bytes: number };
}

// Image files are many and small: a few requests in flight hide the per-request latency without flooding the server.
const parallelImageDownloads = 8;

/** Downloads every file of a finished export: its listed files, then the image files its dataset lists reference. */
export async function downloadExport(downloader: ArtifactDownloader, folder: string, result: ExportResult, progress: ProgressDisplay): Promise<DownloadedExport> {
  const totalBytes = result.files.reduce((sum, file) => sum + file.bytes, 0);
  let receivedBytes = 0;
  const files: DownloadedExport["files"] = [];
  for (const file of result.files) {
    progress.update(totalBytes === 0 ? 1 : receivedBytes / totalBytes, `Downloading ${file.name} (${formatBytes(receivedBytes)} of ${formatBytes(totalBytes)})`);
    const bytes = await downloader.download(file.name, file.bytes);
    receivedBytes += bytes;
    files.push({ name: file.name, bytes });
  }
  const datasetLists = result.files.map((file) => file.name).filter((name) => /\.ya?ml$/i.test(name));
  const listed = new Set(result.files.map((file) => file.name));
  const imageFiles = datasetLists.length > 0 ? await downloadReferencedImages(downloader, folder, datasetLists, listed, progress) : { folders: [], count: 0, bytes: 0 };
  return { folder, files, imageFiles };
}

async function downloadReferencedImages(downloader: ArtifactDownloader, folder: string, datasetLists: string[], listed: Set<string>, progress: ProgressDisplay) {
  const images = await ReferencedImages.open(folder, datasetLists);
  const folders = new Set<string>();
  let count = 0;
  let bytes = 0;
  try {
    for await (const batch of images.batches()) {
      // A server that lists its image files too has had them downloaded already.
      const missing = batch.filter((name) => !listed.has(name));
      await forEachWithLimit(missing, parallelImageDownloads, async (name) => {
        bytes += await downloader.download(name);
        count += 1;
        folders.add(path.posix.dirname(name));
        progress.update(count / images.count, `Downloading image files: ${count.toLocaleString("en")} of ${images.count.toLocaleString("en")} (${formatBytes(bytes)})`);
      });
    }
  } finally {
    images.close();
  }
  return { folders: [...folders].sort(), count, bytes };
}
