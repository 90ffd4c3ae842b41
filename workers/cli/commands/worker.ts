import os from "node:os";
import path from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { Agent, AgentRefusedError } from "../../agent/agent";
import { LocalExecutor } from "../../agent/executors/local-executor";
import { RayExecutor } from "../../agent/executors/ray-executor";
import { normalizeServerUrl } from "../config";
import { CliError } from "../errors";

interface WorkerOptions {
  server: string;
  token: string;
  labels: string[];
  workDir: string;
  executor: "local";
  gracePeriod: number;
}

/** `mmr worker`: the GPU agent, started on each machine that should take training runs. */
export function registerWorkerCommands(program: Command): void {
  program
    .command("worker")
    .description("run this machine as a GPU worker: register it, take queued training runs and execute them until stopped (Ctrl-C)")
    .addOption(new Option("--server <url>", "the MMR Studio server").env("MMR_SERVER").makeOptionMandatory())
    .addOption(new Option("--token <token>", "a worker token (mmr_wkr_…) made in the project's settings").env("MMR_WORKER_TOKEN").makeOptionMandatory())
    .addOption(new Option("--labels <list>", "comma-separated labels runs can require, e.g. h100,nvlink").argParser(parseLabels).default([]))
    .addOption(new Option("--work-dir <dir>", "where each run gets its working folder").default(path.join(os.homedir(), ".mmr", "runs")))
    .addOption(new Option("--executor <name>", "how runs are executed").choices(["local"]).default("local"))
    .addOption(new Option("--grace-period <seconds>", "between SIGTERM and SIGKILL when a run is cancelled").argParser(parseSeconds).default(10))
    .action(async (options: WorkerOptions) => {
      const agent = new Agent({
        server: normalizeServerUrl(options.server),
        token: options.token.trim(),
        labels: options.labels,
        workDir: path.resolve(options.workDir),
        // Ray needs nothing on this machine (its address is in each run's spec), so every agent can submit to it.
        executors: [new LocalExecutor({ graceMs: options.gracePeriod * 1000 }), new RayExecutor({ pollMs: 1_000, unreachableMs: 5 * 60_000 })],
      });
      const stopping = new AbortController();
      const onSignal = (signal: NodeJS.Signals) => {
        if (stopping.signal.aborted) {
          console.error(`[mmr worker] ${signal} again: exiting now`);
          process.exit(130);
        }
        console.error(`[mmr worker] ${signal}: stopping (a running command gets SIGTERM, its logs are flushed; ${signal} again to exit now)`);
        stopping.abort();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        await agent.run(stopping.signal);
      } catch (error) {
        if (error instanceof AgentRefusedError) throw new CliError(error.message);
        throw error;
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}

function parseLabels(value: string): string[] {
  return value
    .split(",")
    .map((label) => label.trim())
    .filter(Boolean);
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new InvalidArgumentError("give a number of seconds, 0 or more");
  return seconds;
}
