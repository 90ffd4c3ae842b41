import { constants } from "node:os";
import type { ExecutionOutcome } from "./executor";

/** A job as Slurm reports it: `State` (e.g. `RUNNING`, `CANCELLED by 0`) and `ExitCode` as `exit:signal`. */
export interface SlurmJobState {
  state: string;
  exitCode: number;
  signal: number;
}

/** States after which the job runs no more. COMPLETING is not one: its processes may still be printing. */
const finalStates = ["COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY"];

/** The state's first word: `CANCELLED by 0` reads as CANCELLED, `CANCELLED+` (sacct) too. */
const baseState = (state: string) => /^[A-Z_]+/.exec(state)?.[0] ?? state;

export const isFinal = (job: SlurmJobState) => finalStates.includes(baseState(job.state));

/** `scontrol show job -o` output: one line of `Key=Value` fields. */
export function parseScontrolJob(line: string): SlurmJobState | null {
  const state = /\bJobState=(\S+)/.exec(line);
  const exit = /\bExitCode=(\d+):(\d+)/.exec(line);
  return state && exit ? { state: state[1], exitCode: Number(exit[1]), signal: Number(exit[2]) } : null;
}

/** `sacct -n -P -o State,ExitCode` output: `State|exit:signal`, one line per job (and per step without -X). */
export function parseSacctJob(output: string): SlurmJobState | null {
  const match = /^([^|\n]+)\|(\d+):(\d+)$/m.exec(output.trim());
  return match ? { state: match[1], exitCode: Number(match[2]), signal: Number(match[3]) } : null;
}

const signalName = (signal: number) =>
  (Object.entries(constants.signals).find(([, number]) => number === signal)?.[0] as NodeJS.Signals | undefined) ?? null;

/** What other final states mean to the user; COMPLETED and FAILED speak through the exit code. */
const stateReasons: Record<string, string> = {
  CANCELLED: "Slurm cancelled the job",
  TIMEOUT: "Slurm ended the job at its time limit",
  NODE_FAIL: "A node of the job failed",
  PREEMPTED: "Slurm preempted the job",
  BOOT_FAIL: "A node of the job failed to boot",
  DEADLINE: "Slurm ended the job at its deadline",
  OUT_OF_MEMORY: "The job ran out of memory",
};

/**
 * The outcome of a finished job. A signal reads like the shell's 128 + N. A job Slurm ended itself never reports 0,
 * even where its record holds 0:0 (a cancelled job in the completion file), or the run would count as succeeded.
 */
export function outcomeOf(job: SlurmJobState): ExecutionOutcome {
  const signal = job.signal > 0 ? signalName(job.signal) : null;
  const exitCode = job.signal > 0 ? 128 + job.signal : job.exitCode;
  const reason = stateReasons[baseState(job.state)];
  if (!reason) return { exitCode, signal };
  return { exitCode: exitCode === 0 ? 1 : exitCode, signal, reason: `${reason} (${job.state}).` };
}
