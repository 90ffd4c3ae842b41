import { describeFailure, serverErrorCode, type AgentApi, type ClaimedRun } from "./agent-api";
import type { UploadArtifact } from "./artifact-upload";
import { collectRunArtifacts } from "./collect-artifacts";
import type { ExecutionHandle, Executor } from "./executors/executor";
import { LogShipper } from "./log-shipper";
import { sleep } from "./retry";
import type { Log, ServerCall } from "./server-calls";
import { prepareWorkFolder } from "./work-folder";

export interface RunExecutionContext {
  api: AgentApi;
  call: ServerCall;
  workerId: string;
  /** What this agent can run with; each run goes to the one its launch spec names. */
  executors: readonly Executor[];
  workDir: string;
  /** Uploads one file of a run's `collect` folders. */
  uploadArtifact: UploadArtifact;
  log: Log;
  /** Aborts when the agent itself is asked to stop: the command is stopped and the run finished as failed. */
  agentStopping: AbortSignal;
  /**
   * The longest wait between run heartbeats (5 s unless set), besides a quarter of the lease: the heartbeat is how a
   * cancel request arrives, so its period bounds how long a cancel takes to reach the command.
   */
  maxRunHeartbeatMs?: number;
}

/** How a run ended for this agent: finished in a state, or abandoned because the server no longer lets it hold the run. */
export type RunEnding = { state: string } | { abandoned: string };

/** Refusals meaning the run is not this agent's any more (lease expired, finished elsewhere, the worker deleted). */
const lostHold = (error: unknown) => ["FORBIDDEN", "NOT_FOUND"].includes(serverErrorCode(error) ?? "");

/**
 * Executes a claimed run to its end: marks it started, writes its files into a fresh folder, runs the command, ships
 * every output line in order, renews the lease (and hears of cancel) while it runs, uploads its `collect` folders, and
 * reports the exit code once the last line is acknowledged.
 */
export async function executeClaimedRun(ctx: RunExecutionContext, claim: ClaimedRun): Promise<RunEnding> {
  const { api, call, workerId } = ctx;
  const runId = claim.runId;
  try {
    await call(`run ${runId}: start`, (signal) => api.start.mutate({ workerId, runId }, { signal }));
  } catch (error) {
    if (lostHold(error)) return { abandoned: describeFailure(error) };
    throw error;
  }
  const finish = async (outcome: { exitCode: number | null; cancelled: boolean; error?: string }) =>
    (await call(`run ${runId}: finish`, (signal) => api.finish.mutate({ workerId, runId, ...outcome }, { signal }))).state;

  let handle: ExecutionHandle;
  let folder: string;
  try {
    const executor = ctx.executors.find((candidate) => candidate.name === claim.launch.executor);
    if (!executor) {
      throw new Error(`the run asks for the ${claim.launch.executor} executor; this agent runs ${ctx.executors.map((e) => e.name).join(", ")}`);
    }
    folder = prepareWorkFolder(ctx.workDir, runId, claim.launch.files);
    handle = await executor.start(claim.launch, folder);
  } catch (error) {
    return { state: await finish({ exitCode: null, cancelled: false, error: `The agent could not start the command: ${describeFailure(error)}` }) };
  }
  ctx.log(`run ${runId}: started in ${folder}`);

  const reporting = new AbortController();
  let stopReason: "cancelled" | "lost" | "agent stopping" | null = null;
  let commandEnded = false;
  const stop = (reason: NonNullable<typeof stopReason>) => {
    if (stopReason) return;
    stopReason = reason;
    if (commandEnded) return;
    ctx.log(`run ${runId}: stopping the command (${reason})`);
    handle.terminate().catch((error: unknown) => ctx.log(`run ${runId}: could not stop the command: ${describeFailure(error)}`));
  };
  const onAgentStopping = () => stop("agent stopping");
  ctx.agentStopping.addEventListener("abort", onAgentStopping, { once: true });
  if (ctx.agentStopping.aborted) onAgentStopping();

  const shipper = new LogShipper({
    firstSeq: claim.lastEventSeq + 1,
    send: async (event) => {
      await call(`run ${runId}: log batch ${event.seq}`, (signal) => api.events.mutate({ workerId, runId, events: [event] }, { signal }), {
        signal: reporting.signal,
      });
    },
    isTooLarge: (error) => serverErrorCode(error) === "PAYLOAD_TOO_LARGE",
  });
  const heartbeats = renewLease(ctx, runId, Math.min(claim.leaseMs / 4, ctx.maxRunHeartbeatMs ?? 5_000), reporting.signal, stop);

  try {
    for await (const line of handle.lines) shipper.add(line);
    const outcome = await handle.wait();
    commandEnded = true;
    const flushLog = async () => {
      try {
        await shipper.flush();
      } catch (error) {
        if (lostHold(error)) stop("lost");
        else ctx.log(`run ${runId}: some log lines could not be stored: ${describeFailure(error)}`);
      }
    };
    await flushLog();
    const lost = { abandoned: "the server no longer lets this agent hold the run (its lease expired)" };
    if (stopReason === "lost") return lost;
    // How the command ended, fixed now: a cancel or stop arriving while the files upload does not change it.
    const ending = {
      exitCode: outcome.exitCode,
      cancelled: stopReason === "cancelled",
      error:
        stopReason === "agent stopping"
          ? `The agent was stopped while the command ran (exit code ${outcome.exitCode}).`
          : (outcome.reason ?? (outcome.signal ? `The command was killed by ${outcome.signal}.` : undefined)),
    };
    // Uploaded before the end is reported, so the server has the files when it acts on the run's end (an eval's
    // import). Succeeded and failed runs alike (a failed run's outputs explain it); a cancelled run and a stopping
    // agent do not wait for uploads.
    if (stopReason === null) {
      const report = (line: string) => {
        ctx.log(`run ${runId}: ${line}`);
        shipper.add(`[MMR agent] ${line}`);
      };
      const { holdLost } = await collectRunArtifacts({
        upload: ctx.uploadArtifact,
        workerId,
        runId,
        workFolder: folder,
        collect: claim.launch.collect,
        limits: claim.artifactLimits,
        signal: ctx.agentStopping,
        report,
      });
      await flushLog();
      if (holdLost || stopReason === "lost") return lost;
    }
    return { state: await finish(ending) };
  } catch (error) {
    if (lostHold(error)) return { abandoned: describeFailure(error) };
    throw error;
  } finally {
    ctx.agentStopping.removeEventListener("abort", onAgentStopping);
    reporting.abort();
    await heartbeats;
  }
}

/** Run heartbeats until reporting ends: each renews the lease and may carry a cancel request. */
async function renewLease(
  ctx: RunExecutionContext,
  runId: number,
  intervalMs: number,
  reporting: AbortSignal,
  stop: (reason: "cancelled" | "lost") => void,
): Promise<void> {
  while (!reporting.aborted) {
    try {
      await sleep(intervalMs, reporting);
      const reply = await ctx.call(
        `run ${runId}: heartbeat`,
        (signal) => ctx.api.runHeartbeat.mutate({ workerId: ctx.workerId, runId }, { signal }),
        { signal: reporting },
      );
      if (reply.cancelRequested) stop("cancelled");
    } catch (error) {
      if (reporting.aborted) return;
      if (lostHold(error)) {
        stop("lost");
        return;
      }
      ctx.log(`run ${runId}: heartbeat refused: ${describeFailure(error)}`);
    }
  }
}
