import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { appendRunEvents } from "@/server/runs/events";
import { claimNextRun, expireLeases, finishRun, heartbeatRun, markRunStarted, type Run } from "@/server/runs/queue";
import type { JobContext, JobDeps, JobHandler } from "@/server/runs/job-handler";
import { boundText } from "@/server/user-errors";

export interface RunnerOptions {
  deps: JobDeps;
  handlers: JobHandler[];
  queue?: string;
  runnerId?: string;
  leaseMs?: number;
  heartbeatMs?: number;
  pollMs?: number;
  onError?: (error: unknown) => void;
}

class RunAborted extends Error {}

/** Claims CPU runs, executes them with a heartbeat-renewed lease, and records their outcome. */
export class PipelineRunner {
  readonly runnerId: string;
  private readonly handlers: Map<string, JobHandler>;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(private readonly options: RunnerOptions) {
    this.runnerId = options.runnerId ?? `pipeline:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.handlers = new Map(options.handlers.map((h) => [h.kind, h]));
    this.leaseMs = options.leaseMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.floor(this.leaseMs / 3);
    this.pollMs = options.pollMs ?? 1_000;
  }

  start(): void {
    this.loop ??= this.pollUntilStopped();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
  }

  /** Claims and executes one run; false when nothing was queued. */
  async runOnce(): Promise<boolean> {
    const { db } = this.options.deps;
    await expireLeases(db);
    const run = await claimNextRun(db, {
      runnerId: this.runnerId,
      queue: this.options.queue ?? "cpu",
      kinds: [...this.handlers.keys()],
      leaseMs: this.leaseMs,
    });
    if (!run) return false;
    await this.execute(run, this.handlers.get(run.kind)!);
    return true;
  }

  private async pollUntilStopped(): Promise<void> {
    while (!this.stopping) {
      try {
        if (await this.runOnce()) continue;
      } catch (error) {
        this.options.onError?.(error);
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, this.pollMs);
      });
    }
  }

  private async execute(run: Run, handler: JobHandler): Promise<void> {
    const { db } = this.options.deps;
    const abort = new AbortController();
    let seq = run.lastEventSeq;
    let progress: { fraction?: number; message?: string } = {};
    let leaseLost = false;

    const beat = async () => {
      const reply = await heartbeatRun(db, {
        runId: run.id,
        runnerId: this.runnerId,
        leaseMs: this.leaseMs,
        progress: progress.fraction,
        progressMessage: progress.message,
      });
      if (!reply) {
        leaseLost = true;
        abort.abort(new RunAborted("lease lost"));
      } else if (reply.cancelRequested) {
        abort.abort(new RunAborted("cancelled"));
      }
    };
    const timer = setInterval(() => beat().catch((e) => this.options.onError?.(e)), this.heartbeatMs);

    const context: JobContext = {
      deps: this.options.deps,
      run,
      signal: abort.signal,
      reportProgress: (fraction, message) => {
        progress = { fraction: Math.max(0, Math.min(1, fraction)), message };
      },
      log: async (line) => {
        seq += 1;
        await appendRunEvents(db, run.id, [{ seq, type: "log", payload: { line } }]);
      },
    };

    try {
      await markRunStarted(db, run.id, this.runnerId);
      const parsed = handler.configSchema.safeParse(run.config);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "config"}: ${i.message}`).join("; ");
        throw new Error(`Invalid ${run.kind} config: ${problems}`);
      }
      const result = await handler.execute(parsed.data, context);
      // Finished work stays finished: a cancel that arrives after the handler returned changes nothing.
      await finishRun(db, { runId: run.id, runnerId: this.runnerId, state: "succeeded", result });
    } catch (error) {
      if (leaseLost) return;
      const cancelled = abort.signal.aborted && !leaseLost;
      // Stored and shown to users: bounded whatever the handler put in it.
      const message = boundText(error instanceof Error ? error.message : String(error));
      await context.log(cancelled ? "Cancelled on request." : `Failed: ${message}`).catch(() => {});
      await finishRun(db, {
        runId: run.id,
        runnerId: this.runnerId,
        state: cancelled ? "cancelled" : "failed",
        error: cancelled ? undefined : message,
      });
    } finally {
      clearInterval(timer);
    }
  }
}
