import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { describeFailure } from "./agent-api";
import type { CollectableFile } from "./artifact-files";
import { retryWithBackoff, type BackoffOptions } from "./retry";
import type { Log } from "./server-calls";

/** The server refused this file for good (a bad path, over a limit, a clash), or it cannot be read: the next file may still go. */
export class ArtifactRefusedError extends Error {
  override name = "ArtifactRefusedError";
}

/** The server no longer lets this agent upload for the run (lease lost, run finished, token revoked): nothing more will go. */
export class ArtifactHoldLostError extends Error {
  override name = "ArtifactHoldLostError";
}

/** No answer, or not one from the API (a restart behind a proxy), or a failure inside the server: worth another try. */
class TransientUploadError extends Error {}
const isTransient = (error: unknown) =>
  error instanceof TransientUploadError ||
  // undici's network failure (refused, reset), and one attempt's time limit running out.
  (error instanceof TypeError && error.message === "fetch failed") ||
  (error instanceof DOMException && error.name === "TimeoutError");

/** Uploads one file of a run, retrying while the server is away; throws one of the errors above when retrying cannot help. */
export type UploadArtifact = (input: { workerId: string; runId: number; file: CollectableFile; signal: AbortSignal }) => Promise<void>;

async function errorText(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return typeof body?.error === "string" ? body.error : `HTTP ${response.status}`;
}

/**
 * PUT /api/agent/runs/<runId>/artifacts/<path> with the worker token, the file streamed with its length declared (so
 * the server refuses an oversized one before reading it). Unreachable server, 5xx and a proxy's page are retried with
 * the agent's backoff, without an attempt limit, as every other call the agent makes.
 */
export function createArtifactUploader(server: string, token: string, log: Log, backoff: BackoffOptions = {}): UploadArtifact {
  return async ({ workerId, runId, file, signal }) => {
    const url = `${server}/api/agent/runs/${runId}/artifacts/${file.path.split("/").map(encodeURIComponent).join("/")}?workerId=${encodeURIComponent(workerId)}`;
    const attempt = async () => {
      const handle = await open(file.absolute).catch((error: unknown) => {
        throw new ArtifactRefusedError(`cannot read it: ${describeFailure(error)}`);
      });
      try {
        // Exactly the bytes measured when the collection was planned: a file still growing sends its first `bytes`.
        const body =
          file.bytes === 0
            ? new Uint8Array()
            : (Readable.toWeb(handle.createReadStream({ start: 0, end: file.bytes - 1, autoClose: false })) as ReadableStream<Uint8Array>);
        const init: RequestInit & { duplex: "half" } = {
          method: "PUT",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/octet-stream", "content-length": String(file.bytes) },
          body,
          duplex: "half",
          // At least 1 MB/s, and never less than a minute: a server that stopped reading must not hang the run's end.
          signal: AbortSignal.any([signal, AbortSignal.timeout(60_000 + Math.ceil(file.bytes / 1_000))]),
        };
        const response = await fetch(url, init);
        if (response.ok) return void (await response.body?.cancel());
        const json = (response.headers.get("content-type") ?? "").includes("application/json");
        if ([401, 403, 404].includes(response.status)) throw new ArtifactHoldLostError(await errorText(response));
        if (json && response.status < 500 && response.status !== 429) throw new ArtifactRefusedError(await errorText(response));
        await response.body?.cancel();
        throw new TransientUploadError(`the server answered HTTP ${response.status}${json ? "" : ", not the MMR API"}`);
      } catch (error) {
        if ((error as { cause?: { code?: unknown } }).cause?.code === "UND_ERR_REQ_CONTENT_LENGTH_MISMATCH") throw new ArtifactRefusedError("it shrank while it was sent");
        throw error;
      } finally {
        await handle.close();
      }
    };
    try {
      await retryWithBackoff(attempt, {
        ...backoff,
        signal,
        isRetryable: isTransient,
        onRetry: (error, _attempt, delayMs) => log(`run ${runId}: upload ${file.path}: ${describeFailure(error)}; retrying in ${(delayMs / 1000).toFixed(1)} s`),
      });
    } catch (error) {
      if (signal.aborted || error instanceof ArtifactRefusedError || error instanceof ArtifactHoldLostError) throw error;
      // Anything unforeseen costs this file, not the run's end.
      throw new ArtifactRefusedError(describeFailure(error));
    }
  };
}
