import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { PassThrough, type Readable } from "node:stream";
import type { LaunchSpec } from "@/server/agents/launch-spec";
import { LineSplitter } from "../line-splitter";
import { sleep } from "../retry";
import type { ExecutionHandle, ExecutionOutcome, Executor } from "./executor";

export interface LocalExecutorOptions {
  /** How long a process group has between SIGTERM and SIGKILL. */
  graceMs: number;
  maxLineChars?: number;
}

/**
 * Started beside the command, in its process group. Its stdin is a pipe from the agent that nobody writes to: when the
 * agent dies, even by SIGKILL, the pipe closes and the watchdog stops the group (SIGTERM, then SIGKILL after the grace
 * period), so no training process keeps its GPUs after the agent answering for it is gone and its run is `lost`.
 * Until then a SIGTERM to the group ends the watchdog with the rest. The pipe also closes when the command ends (the
 * agent closes it once it has reaped the command): the watchdog then finds the command gone (`$$`, the group leader the
 * command replaced) and leaves, since the agent stops whatever the command left behind; it used to ignore that SIGTERM
 * and linger for the grace period. `$1` is the grace in seconds, `$2` the command; the pipe goes through fd 3 because
 * bash gives a background job /dev/null as stdin.
 */
const watchdogWrapper = `exec 3<&0
( while read -r _; do :; done; kill -0 $$ || exit 0; trap '' TERM; kill -TERM 0; sleep "$1"; kill -KILL 0 ) <&3 >/dev/null 2>&1 &
exec bash -c "$2" </dev/null 3<&-`;

/**
 * Runs the command with `bash -c` on this machine, in its own process group (detached): a stop signal reaches every
 * process the command started (torchrun's ranks, Ray's workers), and a Ctrl-C meant for the agent does not reach them.
 */
export class LocalExecutor implements Executor {
  readonly name = "local" as const;

  constructor(private readonly options: LocalExecutorOptions) {}

  async start(spec: LaunchSpec, workDir: string): Promise<ExecutionHandle> {
    const graceSeconds = String(this.options.graceMs / 1000);
    const child = spawn("bash", ["-c", watchdogWrapper, "mmr-agent-run", graceSeconds, spec.command], {
      cwd: workDir,
      env: { ...process.env, ...spec.env },
      detached: true,
      stdio: ["pipe", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      child.once("spawn", resolve);
      child.once("error", reject);
    });
    return new LocalExecution(child, this.options);
  }
}

class LocalExecution implements ExecutionHandle {
  readonly lines: AsyncIterable<string>;
  private readonly processGroup: number;
  private readonly ended: Promise<ExecutionOutcome>;
  private stopping: Promise<void> | null = null;

  constructor(child: ChildProcess, private readonly options: LocalExecutorOptions) {
    this.processGroup = child.pid!;
    // Never paused: a training process must not block on a full pipe while the server is away; the shipper holds lines.
    const lines = new PassThrough({ objectMode: true });
    this.lines = lines;
    const outputs = [child.stdout!, child.stderr!];
    const outputsClosed = Promise.all(outputs.map((output) => this.readLines(output, lines))).then(() => lines.end());
    const exited = new Promise<ExecutionOutcome>((resolve) =>
      child.once("exit", (code, signal) => {
        // Whatever the command left behind in its group (a daemon, a stray rank) ends with it, and so releases its output.
        void this.stopGroup();
        resolve({ exitCode: code ?? 128 + (signal ? constants.signals[signal] : 0), signal });
      }),
    );
    this.ended = Promise.all([exited, outputsClosed]).then(([outcome]) => outcome);
  }

  wait(): Promise<ExecutionOutcome> {
    return this.ended;
  }

  async terminate(): Promise<void> {
    await this.stopGroup();
    await this.ended;
  }

  /** SIGTERM to the group, SIGKILL to whatever is left of it after the grace period. Runs once. */
  private stopGroup(): Promise<void> {
    this.stopping ??= (async () => {
      if (!this.signalGroup("SIGTERM")) return;
      const deadline = Date.now() + this.options.graceMs;
      while (Date.now() < deadline && this.signalGroup(0)) await sleep(Math.min(100, this.options.graceMs));
      this.signalGroup("SIGKILL");
    })();
    return this.stopping;
  }

  /** Signals every process in the command's group; false when none is left. */
  private signalGroup(signal: NodeJS.Signals | 0): boolean {
    try {
      process.kill(-this.processGroup, signal);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
      throw error;
    }
  }

  private async readLines(output: Readable, lines: PassThrough): Promise<void> {
    const splitter = new LineSplitter(this.options.maxLineChars);
    output.setEncoding("utf8");
    for await (const chunk of output) for (const line of splitter.push(chunk as string)) lines.write(line);
    for (const line of splitter.end()) lines.write(line);
  }
}
