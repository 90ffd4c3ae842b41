import { stat } from "node:fs/promises";
import path from "node:path";
import { stringify } from "yaml";
import { CliError } from "../errors";
import type { UploadFile } from "../upload-client";
import { imageReferencesOfRow } from "./image-references";
import { readJsonArrayRows, readJsonlRows } from "./json-rows";
import type { LocalImport, LocalSource } from "./local-sources";

export interface UploadPlan {
  /** Data files first, then the images they reference, each once. */
  files: UploadFile[];
  /** Sent last when PATH was a directory or a dataset list: a dataset list naming the uploaded files. */
  generatedList: { uploadPath: string; text: string } | null;
  /** The upload path the import reads: the data file itself, or the generated list. */
  importFile: string;
  /** What will not be sent, and why (shown on stderr). */
  notes: string[];
}

const generatedListName = "mmr-dataset-list.yaml";
// The server's limits on upload paths (server/datasets/uploads.ts): checked here so such an image is noted, not a failed request.
const maxSegments = 32;
const maxSegmentLength = 255;

/**
 * Lays the files out in an upload so the server finds each image where its row says: images keep their path relative
 * to their data folder. With one data folder that folder is the upload's root; with several, each gets its own
 * `data-folder-N/`. A data file inside its data folder keeps its place there; one outside goes to `data-files/N/`.
 */
export async function planUpload(local: LocalImport, onScan: (message: string) => void): Promise<UploadPlan> {
  const folders = [...new Set(local.sources.map((source) => source.dataFolder))];
  const folderPrefix = (folder: string) => (folders.length === 1 ? "" : `data-folder-${folders.indexOf(folder) + 1}/`);
  const layout = new UploadLayout();
  const images = new ImageCollector(layout);
  const listEntries: { path: string; data_folder: string; data_type?: string }[] = [];

  for (const [index, source] of local.sources.entries()) {
    const prefix = folderPrefix(source.dataFolder);
    const inFolder = path.relative(source.dataFolder, source.file);
    const dataPath = inFolder.startsWith("..") || path.isAbsolute(inFolder) ? `data-files/${index + 1}/${path.basename(source.file)}` : prefix + toPosix(inFolder);
    layout.add(dataPath, source.file, (await stat(source.file)).size);
    listEntries.push({ path: dataPath, data_folder: prefix.replace(/\/$/, "") || ".", ...(source.declaredType ? { data_type: source.declaredType } : {}) });
    await images.collect(source, prefix, onScan);
  }

  const notes = images.notes();
  if (local.kind === "data-file") return { files: layout.files(), generatedList: null, importFile: listEntries[0].path, notes };
  layout.reserve(generatedListName);
  return { files: layout.files(), generatedList: { uploadPath: generatedListName, text: stringify({ datasets: listEntries }) }, importFile: generatedListName, notes };
}

/** Upload paths taken so far; two different local files wanting one path is an error, the same file twice is one upload. */
class UploadLayout {
  private readonly byUploadPath = new Map<string, UploadFile | null>();

  add(uploadPath: string, localPath: string, bytes: number): void {
    const taken = this.byUploadPath.get(uploadPath);
    if (taken === undefined) this.byUploadPath.set(uploadPath, { uploadPath, localPath, bytes });
    else if (taken === null || taken.localPath !== localPath) {
      throw new CliError(`Two files would be uploaded as ${uploadPath}: ${taken?.localPath ?? "the generated dataset list"} and ${localPath}.`);
    }
  }

  reserve(uploadPath: string): void {
    if (this.byUploadPath.has(uploadPath)) throw new CliError(`${this.byUploadPath.get(uploadPath)?.localPath} would be uploaded as ${uploadPath}, the name of the generated dataset list.`);
    this.byUploadPath.set(uploadPath, null);
  }

  files(): UploadFile[] {
    return [...this.byUploadPath.values()].filter((file): file is UploadFile => file !== null);
  }
}

type Unsendable = "absolute" | "outside-data-folder" | "not-portable" | "missing";

/** Finds the image files the rows of each source reference, and remembers those it cannot send. */
class ImageCollector {
  private readonly seen = new Set<string>();
  private readonly unsendable = new Map<Unsendable, { count: number; example: string }>();
  private readonly parquetFiles: string[] = [];

  constructor(private readonly layout: UploadLayout) {}

  async collect(source: LocalSource, prefix: string, onScan: (message: string) => void): Promise<void> {
    if (source.container === "parquet") {
      this.parquetFiles.push(path.basename(source.file));
      return;
    }
    const rows = source.container === "jsonl" ? readJsonlRows(source.file) : readJsonArrayRows(source.file);
    let rowCount = 0;
    for await (const row of rows) {
      rowCount += 1;
      if (rowCount % 10_000 === 0) onScan(`Scanning ${path.basename(source.file)} for images: ${rowCount.toLocaleString("en")} rows`);
      for (const reference of imageReferencesOfRow(row)) await this.add(reference, source.dataFolder, prefix);
    }
  }

  private async add(reference: string, dataFolder: string, prefix: string): Promise<void> {
    const key = `${dataFolder}\0${reference}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const relative = relativeImagePath(reference);
    if (relative === null) return;
    if (typeof relative !== "string") return this.remember(relative.unsendable, reference);
    const localPath = path.join(dataFolder, ...relative.split("/"));
    const info = await stat(localPath).catch(() => null);
    if (!info?.isFile()) return this.remember("missing", reference);
    if ((prefix + relative).split("/").length > maxSegments) return this.remember("not-portable", reference);
    this.layout.add(prefix + relative, localPath, info.size);
  }

  private remember(reason: Unsendable, reference: string): void {
    const entry = this.unsendable.get(reason);
    if (entry) entry.count += 1;
    else this.unsendable.set(reason, { count: 1, example: reference });
  }

  notes(): string[] {
    const why: Record<Unsendable, string> = {
      missing: "not found under the data folder",
      absolute: "absolute; only paths relative to the data folder can be uploaded",
      "outside-data-folder": "outside the data folder",
      "not-portable": "not a portable relative path: backslashes, or too long or deeply nested",
    };
    const notes = [...this.unsendable].map(([reason, { count, example }]) => {
      const paths = count === 1 ? "image path" : "image paths";
      return `${count} ${paths} not sent (${why[reason]}), e.g. ${JSON.stringify(example)}; the server will count ${count === 1 ? "it" : "them"} as missing.`;
    });
    if (this.parquetFiles.length > 0) {
      notes.push(
        `${this.parquetFiles.join(", ")}: parquet files are sent as they are; images stored inside them are imported, images they name by path are not sent (use --server-path for those).`,
      );
    }
    return notes;
  }
}

/**
 * The relative path to send for an image reference; null when it is not a file (data URL, remote URL), or why it
 * cannot be sent. The server resolves the reference against the data folder, so `./a.png` arrives as `a.png`.
 */
export function relativeImagePath(reference: string): string | null | { unsendable: Unsendable } {
  const location = reference.replace(/^file:\/\//, "");
  if (location.trim() === "" || /^data:/i.test(location) || /^[a-z][a-z\d+.-]*:\/\//i.test(location)) return null;
  if (path.posix.isAbsolute(location) || /^[a-z]:[\\/]/i.test(location)) return { unsendable: "absolute" };
  const normalized = path.posix.normalize(location);
  if (normalized === ".." || normalized.startsWith("../")) return { unsendable: "outside-data-folder" };
  const segments = normalized.split("/");
  const portable = segments.every((segment) => segment !== "" && segment !== "." && segment.length <= maxSegmentLength && !/[\\\0]/.test(segment));
  return portable ? normalized : { unsendable: "not-portable" };
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}
