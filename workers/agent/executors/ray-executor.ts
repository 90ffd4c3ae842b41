import { constants } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import type { LaunchSpec } from "@/server/agents/launch-spec";
import { LineSplitter } from "../line-splitter";
import { backoffDelay, sleep } from "../retry";
import type { ExecutionHandle, ExecutionOutcome, Executor } from "./executor";
import { finalRayJobStatuses, RayJobsClient, type RayJobInfo } from "./ray-jobs-client";

export interface RayExecutorOptions {
  /** Between reads of a running job's status and log. */
  pollMs: number;
  /** How long the Ray dashboard may stay unreachable while a job is followed before the run is given up as failed. */
  unreachableMs: number;
  maxLineChars?: number;
}

/**
 * Submits the command as a Ray job to the cluster at the spec's `ray.address` (the dashboard's Jobs REST API) and
 * follows it there by polling. The entrypoint starts in the run's work folder, so that folder must be on storage the
 * Ray head node shares (as a cluster's home or scratch file system is); the spec's env goes in as runtime_env env_vars.
 */
export class RayExecutor implements Executor {
  readonly name = "ray" as const;

  constructor(private readonly options: RayExecutorOptions) {}

  async start(spec: LaunchSpec, workDir: string): Promise<ExecutionHandle> {
    if (!spec.ray) throw new Error("the run asks for the ray executor but its launch spec has no ray.address");
    const client = new RayJobsClient(spec.ray.address);
    // The work folder is unique per attempt at a run, so a run taken again after a lost agent is a new Ray job.
    const submissionId = await client.submit({
      entrypoint: `cd ${shellQuoted(workDir)} || exit 1; ${spec.command}`,
      submissionId: `mmr-${path.basename(workDir)}`,
      envVars: spec.env,
    });
    return new RayExecution(client, submissionId, `[mmr agent] submitted Ray job ${submissionId} to ${spec.ray.address}`, this.options);
  }
}

class RayExecution implements ExecutionHandle {
  readonly lines: AsyncIterable<string>;
  private readonly output = new PassThrough({ objectMode: true });
  private readonly splitter: LineSplitter;
  /** How much of the job's log (which Ray always returns whole) has been split into lines already. */
  private logOffset = 0;
  private finished = false;
  private readonly ended: Promise<ExecutionOutcome>;

  constructor(
    private readonly client: RayJobsClient,
    private readonly submissionId: string,
    firstLine: string,
    private readonly options: RayExecutorOptions,
  ) {
    this.lines = this.output;
    this.splitter = new LineSplitter(options.maxLineChars);
    this.output.write(firstLine);
    this.ended = this.follow().then((outcome) => {
      for (const line of this.splitter.end()) this.output.write(line);
      this.finished = true;
      this.output.end();
      return outcome;
    });
  }

  wait(): Promise<ExecutionOutcome> {
    return this.ended;
  }

  /**
   * Asks Ray to stop the job until it accepts (a dashboard restarting must not turn a cancel into a finished run), then
   * waits for the job to end: Ray itself sends SIGTERM and, after its own grace period, SIGKILL.
   */
  async terminate(): Promise<void> {
    for (let attempt = 0; !this.finished; attempt++) {
      try {
        await this.client.stop(this.submissionId);
        break;
      } catch {
        // Unreachable or refusing for now; `follow` gives the run up if the dashboard stays away, which ends this loop.
        await sleep(backoffDelay(attempt));
      }
    }
    await this.ended;
  }

  /** Polls status, then log, until the job reaches a final status; a log read after that status holds all of its output. */
  private async follow(): Promise<ExecutionOutcome> {
    let failingSince: number | null = null;
    for (;;) {
      try {
        const info = await this.client.info(this.submissionId);
        this.shipNewOutput(await this.client.logs(this.submissionId));
        failingSince = null;
        if (finalRayJobStatuses.has(info.status)) return this.outcomeOf(info);
      } catch (error) {
        failingSince ??= Date.now();
        if (Date.now() - failingSince >= this.options.unreachableMs) {
          this.output.write(`[mmr agent] gave up following Ray job ${this.submissionId}: ${error instanceof Error ? error.message : String(error)}`);
          return { exitCode: 1, signal: null };
        }
      }
      await sleep(this.options.pollMs);
    }
  }

  private shipNewOutput(log: string): void {
    const fresh = log.slice(this.logOffset);
    this.logOffset = log.length;
    for (const line of this.splitter.push(fresh)) this.output.write(line);
  }

  private outcomeOf(info: RayJobInfo): ExecutionOutcome {
    if (info.status === "SUCCEEDED") return { exitCode: 0, signal: null };
    // Ray stops a job with SIGTERM; reported as the local executor reports a command ended by that signal.
    if (info.status === "STOPPED") return { exitCode: 128 + constants.signals.SIGTERM, signal: "SIGTERM" };
    // Ray's message names why (a failed runtime_env setup has no exit code); its first line is enough, the log has the rest.
    this.output.write(`[mmr agent] Ray job ${this.submissionId} failed: ${(info.message ?? "no reason given").split("\n")[0]}`);
    return failedOutcome(info.message);
  }
}

/**
 * The outcome of a FAILED job from Ray's message, "Job entrypoint command failed with exit code N, …": N as the exit
 * code; a negative N is Python's way of saying killed by signal -N, reported as the shell would (128 + signal).
 * Without a code (the job never started), 1.
 */
export function failedOutcome(message: string | null): ExecutionOutcome {
  const code = Number(/exit code (-?\d+)/.exec(message ?? "")?.[1] ?? 0);
  if (code > 0) return { exitCode: code, signal: null };
  if (code < 0) {
    const signal = (Object.keys(constants.signals) as NodeJS.Signals[]).find((name) => constants.signals[name] === -code) ?? null;
    return { exitCode: 128 - code, signal };
  }
  return { exitCode: 1, signal: null };
}

const shellQuoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
