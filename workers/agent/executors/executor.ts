import type { LaunchSpec } from "@/server/agents/launch-spec";

export type ExecutorName = LaunchSpec["executor"];

/** How the command ended. `exitCode` follows the shell: a process killed by signal N reports 128 + N. */
export interface ExecutionOutcome {
  exitCode: number;
  /** The signal that ended the command, when one did. */
  signal: NodeJS.Signals | null;
  /** Why the command ended when its executor ended it, not the command itself (a cluster's time limit, say). */
  reason?: string;
}

/** A started command: its output as lines, its end, and a way to stop it. */
export interface ExecutionHandle {
  /** Every complete line the command prints (stdout and stderr, each in order); ends when the command's output closes. */
  readonly lines: AsyncIterable<string>;
  /** Resolves once the command has ended and its output is read to the end. */
  wait(): Promise<ExecutionOutcome>;
  /** Asks the command to stop (SIGTERM or its executor's equivalent), forces it after the executor's grace period, resolves once it ended. */
  terminate(): Promise<void>;
}

/**
 * Runs a run's launch spec somewhere: `local` on this machine; `slurm` and `ray` hand it to a cluster and follow it
 * there. The agent treats them alike: start, read lines, wait, terminate.
 */
export interface Executor {
  readonly name: ExecutorName;
  /** Starts the spec's command in `workDir`, where its files are already written. Rejects when it cannot start at all. */
  start(spec: LaunchSpec, workDir: string): Promise<ExecutionHandle>;
}
