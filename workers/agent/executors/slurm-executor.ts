import { execFile } from "node:child_process";
import { accessSync, constants, writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { promisify } from "node:util";
import type { LaunchSpec } from "@/server/agents/launch-spec";
import { sleep } from "../retry";
import type { ExecutionHandle, ExecutionOutcome, Executor } from "./executor";
import { FileTail } from "./file-tail";
import { batchScriptName, jobOutputName, slurmBatchScript } from "./slurm-batch-script";
import { isFinal, outcomeOf, parseSacctJob, parseScontrolJob, type SlurmJobState } from "./slurm-job-state";

const run = promisify(execFile);

export interface SlurmExecutorOptions {
  /** Between looks at the job's state and output file. */
  pollMs?: number;
  /** How long a job may be unknown to both the controller and accounting before the run is given up as lost. */
  unknownJobMs?: number;
  maxLineChars?: number;
}

/** The Slurm commands the executor calls; a run asking for Slurm on a machine without them fails with their names. */
const slurmTools = ["sbatch", "scontrol", "sacct", "scancel"];

function missingTools(): string[] {
  const folders = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const onPath = (tool: string) =>
    folders.some((folder) => {
      try {
        accessSync(path.join(folder, tool), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  return slurmTools.filter((tool) => !onPath(tool));
}

/** Whether a Slurm controller answers from this machine (a cluster's login node): then the agent offers to run Slurm jobs. */
export async function slurmControllerAnswers(): Promise<boolean> {
  if (missingTools().length > 0) return false;
  try {
    await run("scontrol", ["ping"], { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Hands the command to Slurm as a batch job (the agent runs on a login node): writes the sbatch script into the work
 * folder, submits it, tails the job's output file, follows its state until it is final and reads the exit code from
 * Slurm. Stopping is `scancel`: Slurm sends SIGTERM to every step on every node, SIGKILL after its KillWait.
 */
export class SlurmExecutor implements Executor {
  readonly name = "slurm" as const;

  constructor(private readonly options: SlurmExecutorOptions = {}) {}

  async start(spec: LaunchSpec, workDir: string): Promise<ExecutionHandle> {
    const missing = missingTools();
    if (missing.length > 0) throw new Error(`the run asks for Slurm, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not on this machine's PATH`);
    const script = path.join(workDir, batchScriptName);
    writeFileSync(script, slurmBatchScript(spec, workDir, `mmr-${path.basename(workDir)}`), { mode: 0o755 });
    const { stdout } = await run("sbatch", ["--parsable", script], { cwd: workDir }).catch((error: { stderr?: string; message: string }) => {
      throw new Error(`sbatch refused the job: ${(error.stderr ?? "").trim() || error.message}`);
    });
    // --parsable prints "<job id>" or "<job id>;<cluster>".
    const jobId = /^(\d+)/.exec(stdout.trim())?.[1];
    if (!jobId) throw new Error(`sbatch printed no job id: ${stdout.trim()}`);
    return new SlurmExecution(jobId, path.join(workDir, jobOutputName), this.options);
  }
}

class SlurmExecution implements ExecutionHandle {
  readonly lines: AsyncIterable<string>;
  private readonly ended: Promise<ExecutionOutcome>;
  private finalState: SlurmJobState | null = null;

  constructor(
    private readonly jobId: string,
    outputFile: string,
    private readonly options: SlurmExecutorOptions,
  ) {
    // Never paused: the shipper holds lines while the server is away; the job's output file is the buffer before that.
    const lines = new PassThrough({ objectMode: true });
    this.lines = lines;
    this.ended = this.follow(new FileTail(outputFile, options.maxLineChars), lines);
  }

  wait(): Promise<ExecutionOutcome> {
    return this.ended;
  }

  async terminate(): Promise<void> {
    try {
      await run("scancel", [this.jobId]);
    } catch (error) {
      // Ending on its own meanwhile is fine; failing to reach Slurm is not, and the caller logs it.
      if (!this.finalState) throw error;
    }
    await this.ended;
  }

  /** Copies output lines as they are written until the job is final, then the rest of the file; gives the outcome. */
  private async follow(tail: FileTail, lines: PassThrough): Promise<ExecutionOutcome> {
    try {
      const outcome = await this.untilFinal(async () => {
        for (const line of await tail.read()) lines.write(line);
      });
      for (const line of await tail.finish()) lines.write(line);
      return outcome;
    } finally {
      lines.end();
    }
  }

  /** Polls the job's state, reading its output after each look, until Slurm reports it final (or forgets it). */
  private async untilFinal(readOutput: () => Promise<void>): Promise<ExecutionOutcome> {
    const unknownFor = this.options.unknownJobMs ?? 60_000;
    let unknownSince: number | null = null;
    for (;;) {
      const job = await this.lookUp();
      await readOutput();
      if (job === "unknown") {
        unknownSince ??= Date.now();
        if (Date.now() - unknownSince > unknownFor) {
          return { exitCode: 1, signal: null, reason: `Slurm no longer knows job ${this.jobId}: neither the controller nor accounting has a record of it.` };
        }
      } else {
        unknownSince = null;
        if (job && isFinal(job)) {
          this.finalState = job;
          return outcomeOf(job);
        }
      }
      await sleep(this.options.pollMs ?? 500);
    }
  }

  /**
   * The job's state: from the controller while it holds the job (until MinJobAge after the end), then from accounting
   * (slurmdbd) or, without it, the job-completion file (`sacct -c`). Null when Slurm cannot be reached right now.
   */
  private async lookUp(): Promise<SlurmJobState | "unknown" | null> {
    try {
      const { stdout } = await run("scontrol", ["show", "job", "-o", this.jobId]);
      return parseScontrolJob(stdout);
    } catch (error) {
      if (!/Invalid job id/i.test((error as { stderr?: string }).stderr ?? "")) return null;
    }
    for (const source of [["-X"], ["-c"]]) {
      try {
        const { stdout } = await run("sacct", [...source, "-j", this.jobId, "-n", "-P", "-o", "State,ExitCode"]);
        const job = parseSacctJob(stdout);
        if (job) return job;
      } catch {
        // Accounting is disabled (no slurmdbd) or has no completion file: the other source may answer.
      }
    }
    return "unknown";
  }
}
