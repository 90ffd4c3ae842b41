import type { MmrClient } from "./client";
import { CliError } from "./errors";
import { withoutControlCharacters } from "./output";
import type { ProgressDisplay } from "./progress";

const pollMs = 500;
// A run still queued after this long most likely has no worker to take it: say so once, and keep waiting.
const queuedHintMs = 30_000;

/** What the run does, as its messages name it: "import" makes "Import run 7", "importing", "Run the import again". */
export type RunJob = "import" | "export" | "judge";
const activity: Record<RunJob, string> = { import: "importing", export: "exporting", judge: "judging" };

/** Polls a run until it ends, showing its progress; returns its result, or throws with the server's reason. */
export async function waitForRun(
  client: MmrClient,
  project: string,
  runId: number,
  progress: ProgressDisplay,
  onNote: (note: string) => void,
  job: RunJob = "import",
): Promise<unknown> {
  const title = `${job[0].toUpperCase()}${job.slice(1)} run ${runId}`;
  const started = Date.now();
  let hinted = false;
  for (;;) {
    const run = await client.runs.get.query({ project, runId });
    // The elapsed time shows the command is alive while the job's own progress message changes rarely.
    const elapsed = `${Math.round((Date.now() - started) / 1000)} s`;
    switch (run.state) {
      case "succeeded":
        return run.result;
      case "failed":
        throw new CliError(`${title} failed: ${withoutControlCharacters(run.error ?? "the server gave no reason")}`);
      case "cancelled":
        throw new CliError(`${title} was cancelled; ${job === "judge" ? "the verdicts it stored are kept" : "nothing from it was kept"}.`);
      case "lost":
        throw new CliError(`${title} was lost: its worker stopped before finishing. Run the ${job} again.`);
      case "queued":
        if (!hinted && Date.now() - started > queuedHintMs) {
          hinted = true;
          onNote(`${title} is still queued: is a pipeline worker running (npm run worker)? Still waiting; Ctrl-C stops waiting, not the ${job}.`);
        }
        progress.update(null, `${title}: queued, waiting for a worker (${elapsed})`);
        break;
      default:
        // The job reports 0 while it cannot know its total (JSON Lines): then its message, a row count, says more.
        progress.update(run.progress || null, `${title}: ${run.progressMessage ?? activity[job]} (${elapsed})`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
