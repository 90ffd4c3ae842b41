import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { AppDeps } from "@/server/deps";
import { DomainError } from "@/server/errors";
import { clientRelativePath, writeBodyWithinLimit } from "@/server/files/client-files";
import { artifactFolder, artifactsRoot } from "@/server/datasets/export/artifacts";
import { collectedArtifactLimits, listArtifactFiles } from "@/server/runs/run-artifacts";
import { assertWorkerHoldsRun } from "./agent-runs";
import type { Worker } from "./workers";

const clashCodes = new Set(["EEXIST", "ENOTDIR", "EISDIR", "ENOTEMPTY"]);

/**
 * Stores one file an agent collected from the run it holds, at `segments` in the run's artifact folder (where
 * GET /api/artifacts serves it). The body streams to a temporary file that is renamed into place only when whole and
 * within the limits, so a reader never sees half a file and a retried upload of the same path replaces it.
 */
export async function storeCollectedArtifact(
  deps: Pick<AppDeps, "db" | "env">,
  worker: Worker,
  input: { runId: number; segments: string[]; body: ReadableStream<Uint8Array> | null; declaredBytes: number | null },
): Promise<{ path: string; bytes: number }> {
  const { runId } = input;
  await assertWorkerHoldsRun(deps.db, worker, runId);
  const relative = clientRelativePath(input.segments, "artifact path").join("/");
  const limits = collectedArtifactLimits(deps.env);
  const stored = await listArtifactFiles(deps.env, runId);
  const replaced = stored.find((file) => file.path === relative);
  if (!replaced && stored.length >= limits.files) {
    throw new DomainError("PAYLOAD_TOO_LARGE", `Run ${runId} already holds ${limits.files} collected files, the most a run may have; ${relative} is not stored.`);
  }
  // A file uploaded again replaces the earlier copy, so that copy does not count against the run's total.
  const othersBytes = stored.reduce((sum, file) => sum + file.bytes, 0) - (replaced?.bytes ?? 0);
  const overLimit = (bytes: number) => {
    if (bytes > limits.fileBytes) return `${relative} is larger than the ${limits.fileBytes}-byte limit for one file (MMR_MAX_ARTIFACT_FILE_BYTES).`;
    if (othersBytes + bytes > limits.runBytes) return `${relative} would take run ${runId}'s collected files past ${limits.runBytes} bytes (MMR_MAX_RUN_ARTIFACT_BYTES).`;
    return null;
  };
  const declaredProblem = input.declaredBytes === null ? null : overLimit(input.declaredBytes);
  if (declaredProblem) throw new DomainError("PAYLOAD_TOO_LARGE", declaredProblem);

  // Outside the run's folder, so an unfinished upload is never served or counted.
  const incoming = path.join(artifactsRoot(deps.env), ".incoming");
  await mkdir(incoming, { recursive: true });
  const temporary = path.join(incoming, `${runId}-${randomUUID()}`);
  const written = await writeBodyWithinLimit(input.body, temporary, overLimit);
  try {
    // The lease may have run out while the body streamed: a run this worker lost gets nothing more from it.
    await assertWorkerHoldsRun(deps.db, worker, runId);
    const target = path.join(artifactFolder(deps.env, runId), ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    if (clashCodes.has((error as NodeJS.ErrnoException).code ?? "")) {
      throw new DomainError("CONFLICT", `${relative} clashes with a file or folder already collected for run ${runId}.`);
    }
    throw error;
  }
  return { path: relative, bytes: written };
}
