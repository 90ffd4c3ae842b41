import os from "node:os";
import { createAgentApi, describeFailure, serverErrorCode, type AgentApi } from "./agent-api";
import { createArtifactUploader, type UploadArtifact } from "./artifact-upload";
import type { Executor } from "./executors/executor";
import { SlurmExecutor, slurmControllerAnswers } from "./executors/slurm-executor";
import { probeNvidiaSmi, type GpuProbe } from "./gpu-probe";
import { sleep } from "./retry";
import { executeClaimedRun } from "./run-execution";
import { createServerCall, type Log, type ServerCall } from "./server-calls";

export interface AgentOptions {
  server: string;
  /** A worker token (mmr_wkr_…) of the project whose runs this machine takes. */
  token: string;
  labels: string[];
  /** Each run gets a fresh folder under it. */
  workDir: string;
  /** What this machine can run with (registered with the server); each run goes to the one its launch spec names. */
  executors: readonly Executor[];
  hostname?: string;
  gpuProbe?: GpuProbe;
  /** Between worker heartbeats, which carry GPU utilisation and memory. */
  heartbeatMs?: number;
  /** How long one claim request waits on the server for a run. */
  claimWaitMs?: number;
  log?: Log;
}

/** The token is refused: no amount of retrying helps, so the agent stops with this message. */
export class AgentRefusedError extends Error {
  override name = "AgentRefusedError";
}

/**
 * The GPU agent: registers this machine, heartbeats, and takes one run at a time (long-polling for it), until
 * `stopping` aborts. Registration is idempotent on the server (token + hostname), so a restarted agent is the same worker.
 */
export class Agent {
  private readonly api: AgentApi;
  private readonly call: ServerCall;
  private readonly uploadArtifact: UploadArtifact;
  private readonly log: Log;
  private readonly hostname: string;
  private readonly probeGpus: GpuProbe;
  private workerId = "";
  private currentRunId: number | null = null;
  private executors: readonly Executor[];

  constructor(private readonly options: AgentOptions) {
    this.api = createAgentApi(options.server, options.token);
    this.log = options.log ?? ((message) => console.log(`${new Date().toISOString()} [mmr worker] ${message}`));
    this.call = createServerCall(this.log);
    this.uploadArtifact = createArtifactUploader(options.server, options.token, this.log);
    this.hostname = options.hostname ?? os.hostname();
    this.probeGpus = options.gpuProbe ?? (() => probeNvidiaSmi());
    this.executors = options.executors;
  }

  async run(stopping: AbortSignal): Promise<void> {
    try {
      await this.register(stopping);
      const heartbeats = this.sendHeartbeats(stopping);
      try {
        while (!stopping.aborted) await this.claimAndExecute(stopping);
      } finally {
        await heartbeats;
      }
    } catch (error) {
      // Stopped while waiting for the server (to register, say): a clean stop, not a failure.
      if (stopping.aborted && error === stopping.reason) return;
      throw error;
    }
  }

  private async claimAndExecute(stopping: AbortSignal): Promise<void> {
    const waitMs = this.options.claimWaitMs ?? 20_000;
    let claim;
    try {
      claim = await this.call("claim", (signal) => this.api.claim.mutate({ workerId: this.workerId, waitMs }, { signal }), {
        signal: stopping,
        timeoutMs: waitMs + 15_000,
      });
    } catch (error) {
      if (stopping.aborted) return;
      if (serverErrorCode(error) !== "NOT_FOUND") throw this.refusal(error);
      this.log("this worker is no longer registered; registering again");
      await this.register(stopping);
      return;
    }
    if (!claim) return;
    this.log(`claimed run ${claim.runId} (${claim.kind} "${claim.name}")`);
    this.currentRunId = claim.runId;
    try {
      const ending = await executeClaimedRun(
        {
          api: this.api,
          call: this.call,
          workerId: this.workerId,
          executors: this.executors,
          workDir: this.options.workDir,
          uploadArtifact: this.uploadArtifact,
          log: this.log,
          agentStopping: stopping,
        },
        claim,
      );
      this.log("state" in ending ? `run ${claim.runId}: ${ending.state}` : `run ${claim.runId}: abandoned: ${ending.abandoned}`);
    } catch (error) {
      const code = serverErrorCode(error);
      if (code === undefined || code === "UNAUTHORIZED") throw this.refusal(error);
      // One run's report refused for another reason should not take the machine out of service.
      this.log(`run ${claim.runId}: the server refused a report (${code}): ${describeFailure(error)}`);
    } finally {
      this.currentRunId = null;
    }
  }

  private async register(stopping: AbortSignal): Promise<void> {
    const gpus = await this.probeGpus();
    this.executors = await this.usableExecutors();
    const machine = {
      hostname: this.hostname,
      gpus: gpus.map(({ index, name, memoryMb }) => ({ index, name, memoryMb })),
      labels: this.options.labels,
      executors: this.executors.map((executor) => executor.name),
    };
    try {
      this.workerId = (await this.call("register", (signal) => this.api.register.mutate(machine, { signal }), { signal: stopping })).workerId;
    } catch (error) {
      throw this.refusal(error);
    }
    const gpuText = gpus.length === 0 ? "no GPUs" : gpus.map((g) => `${g.index}: ${g.name}`).join(", ");
    this.log(`registered ${this.hostname} as worker ${this.workerId} (${gpuText}; labels: ${machine.labels.join(", ") || "none"}; executors: ${machine.executors.join(", ")})`);
  }

  /**
   * The given executors, and Slurm's where its controller answers (a login node), looked at on each registration.
   * The server sends this worker runs only for the executors it registers.
   */
  private async usableExecutors(): Promise<readonly Executor[]> {
    if (this.options.executors.some((executor) => executor.name === "slurm") || !(await slurmControllerAnswers())) return this.options.executors;
    return [...this.options.executors, new SlurmExecutor()];
  }

  /** Worker heartbeats with GPU readings. A failed one is not retried: the next, ~10 s later, takes its place. */
  private async sendHeartbeats(stopping: AbortSignal): Promise<void> {
    while (!stopping.aborted) {
      try {
        const gpuStatus = (await this.probeGpus()).map(({ index, utilizationPercent, memoryUsedMb }) => ({ index, utilizationPercent, memoryUsedMb }));
        await this.api.heartbeat.mutate({ workerId: this.workerId, gpuStatus, currentRunId: this.currentRunId }, { signal: AbortSignal.any([stopping, AbortSignal.timeout(30_000)]) });
      } catch (error) {
        if (stopping.aborted) return;
        this.log(`heartbeat: ${describeFailure(error)}`);
      }
      await sleep(this.options.heartbeatMs ?? 10_000, stopping).catch(() => {});
    }
  }

  /** Errors the agent cannot carry on from become one clear message; anything else is a bug and keeps its stack. */
  private refusal(error: unknown): unknown {
    const code = serverErrorCode(error);
    if (code === "UNAUTHORIZED") return new AgentRefusedError(`The server refused the worker token: ${describeFailure(error)}`);
    if (code) return new AgentRefusedError(`The server refused the agent (${code}): ${describeFailure(error)}`);
    return error;
  }
}
