import { describe, expect, it } from "vitest";
import { isFinal, outcomeOf, parseSacctJob, parseScontrolJob } from "./slurm-job-state";

describe("Slurm job states", () => {
  it("reads state and exit code from scontrol's one-line output and from sacct", () => {
    const line = "JobId=1 JobName=mmr-run-1 UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) ExitCode=3:0 RunTime=00:00:01";
    expect(parseScontrolJob(line)).toEqual({ state: "FAILED", exitCode: 3, signal: 0 });
    expect(parseSacctJob("CANCELLED by 0|0:15\n")).toEqual({ state: "CANCELLED by 0", exitCode: 0, signal: 15 });
    expect(parseScontrolJob("slurm_load_jobs error: Invalid job id specified")).toBeNull();
    expect(parseSacctJob("")).toBeNull();
  });

  it("is final once the job runs no more; COMPLETING still prints", () => {
    const job = (state: string) => ({ state, exitCode: 0, signal: 0 });
    expect(["COMPLETED", "FAILED", "CANCELLED by 0", "TIMEOUT", "OUT_OF_MEMORY"].map((s) => isFinal(job(s)))).toEqual([true, true, true, true, true]);
    expect(["PENDING", "RUNNING", "COMPLETING", "SUSPENDED"].map((s) => isFinal(job(s)))).toEqual([false, false, false, false]);
  });

  it("gives the exit code, a signal as 128 + N, and never 0 for a job Slurm ended itself", () => {
    expect(outcomeOf({ state: "COMPLETED", exitCode: 0, signal: 0 })).toEqual({ exitCode: 0, signal: null });
    expect(outcomeOf({ state: "FAILED", exitCode: 3, signal: 0 })).toEqual({ exitCode: 3, signal: null });
    expect(outcomeOf({ state: "CANCELLED", exitCode: 0, signal: 15 })).toEqual({ exitCode: 143, signal: "SIGTERM", reason: "Slurm cancelled the job (CANCELLED)." });
    // The job-completion file records a cancelled job as 0:0.
    expect(outcomeOf({ state: "CANCELLED by 0", exitCode: 0, signal: 0 })).toMatchObject({ exitCode: 1, reason: "Slurm cancelled the job (CANCELLED by 0)." });
    expect(outcomeOf({ state: "TIMEOUT", exitCode: 0, signal: 9 })).toEqual({ exitCode: 137, signal: "SIGKILL", reason: "Slurm ended the job at its time limit (TIMEOUT)." });
  });
});
