import { describeFailure } from "./agent-api";
import { planArtifactCollection, type ArtifactLimits } from "./artifact-files";
import { ArtifactHoldLostError, ArtifactRefusedError, type UploadArtifact } from "./artifact-upload";

export interface ArtifactCollection {
  upload: UploadArtifact;
  workerId: string;
  runId: number;
  workFolder: string;
  /** The launch spec's folders, relative to the working folder. */
  collect: string[];
  limits: ArtifactLimits;
  /** Stops the uploads (the agent stopping): what went, went. */
  signal: AbortSignal;
  /** A line for the run's log. */
  report(line: string): void;
}

/**
 * Uploads the files of a run's `collect` folders one at a time, saying in the run's log what went and what was left
 * out. `holdLost` says the server stopped accepting files for the run (its lease is gone): nothing more was sent.
 */
export async function collectRunArtifacts(job: ArtifactCollection): Promise<{ holdLost: boolean }> {
  if (job.collect.length === 0) return { holdLost: false };
  let plan;
  try {
    plan = await planArtifactCollection(job.workFolder, job.collect, job.limits);
  } catch (error) {
    // An unreadable folder costs the run its files, not the report of how it ended.
    job.report(`could not list the collect folders, nothing uploaded: ${describeFailure(error)}`);
    return { holdLost: false };
  }
  for (const line of plan.skipped) job.report(line);
  const refused: string[] = [];
  let uploaded = 0;
  let bytes = 0;
  for (const file of plan.files) {
    try {
      await job.upload({ workerId: job.workerId, runId: job.runId, file, signal: job.signal });
      uploaded++;
      bytes += file.bytes;
    } catch (error) {
      if (job.signal.aborted) {
        job.report(`stopped uploading: the agent is stopping (${uploaded} of ${plan.files.length} files went).`);
        return { holdLost: false };
      }
      if (error instanceof ArtifactHoldLostError) {
        job.report(`stopped uploading: the server takes no more files for this run (${error.message}).`);
        return { holdLost: true };
      }
      if (!(error instanceof ArtifactRefusedError)) throw error;
      refused.push(`${file.path} (${error.message})`);
    }
  }
  job.report(`collected ${uploaded} file${uploaded === 1 ? "" : "s"} (${bytes} bytes) from ${job.collect.join(", ")}.`);
  if (refused.length > 0) job.report(`the server refused ${refused.length} file(s): ${refused.slice(0, 5).join("; ")}${refused.length > 5 ? "; …" : ""}`);
  return { holdLost: false };
}
