import type { CheckpointSaved, RayJobFinished, RayJobStatus, RayJobSubmitted } from "./types";

/** Non-metric lines a run page shows: checkpoint saves and the Ray job's submission id and final status. */
export type LogLineEvent = Omit<CheckpointSaved, "line"> | Omit<RayJobSubmitted, "line"> | Omit<RayJobFinished, "line">;

// verl's trainer prints the folder once per save (workers then print one line per shard, not repeated here).
const VERL_CHECKPOINT = /^local_global_step_folder:\s*(\S.*)$/;
// HF Trainer (and lmms-engine on top of it): `Saving model checkpoint to out/checkpoint-500`.
const HF_CHECKPOINT = /^Saving model checkpoint to\s+(\S.*)$/;
const STEP_IN_PATH = /(?:global_step_|checkpoint-)(\d+)\/?$/;
// Texts of `ray job submit` (ray/dashboard/modules/job/cli.py).
const RAY_SUBMITTED = /^Job '([^']+)' submitted successfully$/;
const RAY_FINISHED = /^Job '([^']+)' (succeeded|failed|was stopped)$/;

/** Reads a cleaned, trimmed line (see cleanLogLine); null when it is none of the events above. */
export function detectLogEvent(text: string): LogLineEvent | null {
  const checkpoint = VERL_CHECKPOINT.exec(text) ?? HF_CHECKPOINT.exec(text);
  if (checkpoint) {
    const path = checkpoint[1];
    const step = STEP_IN_PATH.exec(path);
    return step ? { kind: "checkpoint", step: Number(step[1]), path } : null;
  }
  const submitted = RAY_SUBMITTED.exec(text);
  if (submitted) return { kind: "ray-job-submitted", submissionId: submitted[1] };
  const finished = RAY_FINISHED.exec(text);
  if (finished) {
    const status: RayJobStatus = finished[2] === "was stopped" ? "stopped" : (finished[2] as RayJobStatus);
    return { kind: "ray-job-finished", submissionId: finished[1], status };
  }
  return null;
}
