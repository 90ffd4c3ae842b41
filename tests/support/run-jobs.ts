import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { PipelineRunner } from "@/workers/pipeline/runner";
import type { TestApp } from "./test-app";

/** Runs every queued pipeline job to completion with the real runner. */
export async function runQueuedJobs(app: TestApp, options: { heartbeatMs?: number } = {}): Promise<void> {
  const runner = new PipelineRunner({ deps: app.deps, handlers: pipelineJobHandlers, leaseMs: 30_000, heartbeatMs: options.heartbeatMs });
  while (await runner.runOnce());
}
