import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { fetchNamingServer } from "./client";
import type { Connection } from "./config";
import { CliError } from "./errors";
import { forEachWithLimit } from "./parallel";
import { formatBytes, type ProgressDisplay } from "./progress";

/** One local file and where it goes in the upload folder. */
export interface UploadFile {
  uploadPath: string;
  localPath: string;
  bytes: number;
}

/** What one upload holds: local files, streamed, then optionally a file whose text the CLI wrote (sent last, once the files it names are there). */
export interface UploadContents {
  files: UploadFile[];
  generated: { uploadPath: string; text: string } | null;
}

// Images are many and small: a few requests in flight hide the per-request latency without flooding the server.
const parallelRequests = 4;

/** The upload API of one project: POST /api/uploads opens an upload, one PUT per file streams into it. */
export class UploadClient {
  private readonly request: typeof fetch;
  private readonly auth: Record<string, string>;

  constructor(
    private readonly connection: Connection,
    private readonly project: string,
  ) {
    this.request = fetchNamingServer(connection.server);
    this.auth = { authorization: `Bearer ${connection.token}` };
  }

  /** Opens an upload (the server checks the project and the member role here); returns its id. */
  async open(): Promise<string> {
    const response = await this.request(`${this.connection.server}/api/uploads`, {
      method: "POST",
      headers: { ...this.auth, "content-type": "application/json" },
      body: JSON.stringify({ project: this.project }),
    });
    if (!response.ok) throw await describeRefusal(`open an upload in project "${this.project}"`, response);
    return ((await response.json()) as { uploadId: string }).uploadId;
  }

  /** Streams the files into the upload, a few at a time, each read as it is sent (never whole into memory). */
  async send(uploadId: string, contents: UploadContents, onProgress: (sentBytes: number, totalBytes: number) => void): Promise<void> {
    const { files, generated } = contents;
    const generatedBytes = generated ? Buffer.byteLength(generated.text) : 0;
    const size = { totalBytes: files.reduce((sum, file) => sum + file.bytes, 0) + generatedBytes, fileCount: files.length + (generated ? 1 : 0) };
    let sentBytes = 0;
    const countSent = (bytes: number) => {
      sentBytes += bytes;
      onProgress(sentBytes, size.totalBytes);
    };
    await forEachWithLimit(files, parallelRequests, (file) => this.put(uploadId, file.uploadPath, countedFileStream(file.localPath, countSent), file.bytes, size));
    if (generated) {
      await this.put(uploadId, generated.uploadPath, generated.text, generatedBytes, size);
      countSent(generatedBytes);
    }
  }

  private async put(uploadId: string, uploadPath: string, body: ReadableStream<Uint8Array> | string, bytes: number, size: UploadSize): Promise<void> {
    const encodedPath = uploadPath.split("/").map(encodeURIComponent).join("/");
    const url = `${this.connection.server}/api/uploads/${uploadId}/${encodedPath}?project=${encodeURIComponent(this.project)}`;
    // The declared length lets the server refuse a file over its limit before any of it is sent.
    // Node's fetch needs `duplex: "half"` for a streamed body; the DOM typings do not know the field yet.
    const init: RequestInit & { duplex: "half" } = { method: "PUT", headers: { ...this.auth, "content-length": String(bytes) }, body, duplex: "half" };
    const response = await this.request(url, init);
    if (!response.ok) throw await describeRefusal(`upload ${uploadPath}`, response, size);
  }
}

/** The progress callback for `send`: a bar of the bytes sent so far. */
export function showUploadProgress(progress: ProgressDisplay): (sentBytes: number, totalBytes: number) => void {
  return (sent, total) => progress.update(total === 0 ? 1 : sent / total, `Uploading ${formatBytes(sent)} of ${formatBytes(total)}`);
}

interface UploadSize {
  totalBytes: number;
  fileCount: number;
}

function countedFileStream(localPath: string, onChunk: (bytes: number) => void): ReadableStream<Uint8Array> {
  async function* chunks() {
    for await (const chunk of createReadStream(localPath) as AsyncIterable<Buffer>) {
      onChunk(chunk.byteLength);
      yield chunk;
    }
  }
  return Readable.toWeb(Readable.from(chunks())) as ReadableStream<Uint8Array>;
}

/** The server's JSON `{error}` as one line; a 413 also says how much this import sends, since the limit is the server's. */
async function describeRefusal(action: string, response: Response, size?: UploadSize): Promise<CliError> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const reason = typeof body?.error === "string" ? body.error : `HTTP ${response.status}`;
  if (response.status === 401) return new CliError(`${reason} Run \`mmr login\` with a valid personal token.`);
  const sending = response.status === 413 && size ? ` This import sends ${formatBytes(size.totalBytes)} in ${size.fileCount} file${size.fileCount === 1 ? "" : "s"}.` : "";
  return new CliError(`Could not ${action}: ${reason}${sending}`);
}
