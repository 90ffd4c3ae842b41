import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { fetchReachingServer } from "../client";
import type { Connection } from "../config";
import { CliError } from "../errors";

/**
 * The local path of a file the server names relative to the output folder. The names come from the server and from
 * the files it sent: anything but plain relative segments (`..`, absolute paths, backslashes) is refused, so no
 * answer can write outside the folder.
 */
export function localPathInside(folder: string, relative: string): string {
  const segments = relative.split("/");
  const plain = segments.every((segment) => segment !== "" && segment !== "." && segment !== ".." && !/[\\\0]/.test(segment));
  if (!plain || path.isAbsolute(relative)) throw new CliError(`The server named a file ${JSON.stringify(relative)}, which is not a plain relative path: not written.`);
  return path.join(folder, ...segments);
}

/** Downloads the files one export run produced (GET /api/artifacts/<runId>/<path>) into a local folder. */
export class ArtifactDownloader {
  private readonly request: typeof fetch;

  constructor(
    private readonly connection: Connection,
    private readonly runId: number,
    private readonly folder: string,
  ) {
    this.request = fetchReachingServer(connection.server);
  }

  /**
   * Streams one file to disk under its relative name and returns its size. It is written beside its place as `.part`
   * and renamed when complete, so an interrupted download never leaves a file that looks whole.
   */
  async download(relative: string, expectedBytes?: number): Promise<number> {
    const target = localPathInside(this.folder, relative);
    const url = `${this.connection.server}/api/artifacts/${this.runId}/${relative.split("/").map(encodeURIComponent).join("/")}`;
    const response = await this.request(url, { headers: { authorization: `Bearer ${this.connection.token}` } });
    if (!response.ok || !response.body) throw await refusal(relative, response);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.part`;
    try {
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(partial));
      const { size } = await stat(partial);
      const declared = expectedBytes ?? Number(response.headers.get("content-length") ?? size);
      if (size !== declared) throw new CliError(`Downloaded ${relative} is ${size} bytes, but the server said ${declared}: try again.`);
      await rename(partial, target);
      return size;
    } catch (error) {
      await rm(partial, { force: true });
      if (error instanceof CliError) throw error;
      throw new CliError(`The download of ${relative} broke off: ${(error as Error).message}`);
    }
  }
}

/** The server's JSON `{error}` as one line. */
async function refusal(relative: string, response: Response): Promise<CliError> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const reason = typeof body?.error === "string" ? body.error : `HTTP ${response.status}`;
  if (response.status === 401) return new CliError(`${reason} Run \`mmr login\` with a valid personal token.`);
  return new CliError(`Could not download ${relative}: ${reason}`);
}
