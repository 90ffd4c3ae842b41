import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const cliBin = path.resolve(import.meta.dirname, "../../workers/cli/bin.mjs");

export interface AgentChild {
  child: ChildProcess;
  /** Everything the agent printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the worker id once the agent says it registered. */
  registered: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `mmr worker` as a user starts it: its own process, talking HTTP to `server`, with none of the developer's MMR_*
 * settings. `fakeGpuCsv`, when given, is what an `nvidia-smi` placed first on its PATH prints.
 */
export function startAgentChild(options: {
  server: string;
  token: string;
  labels: string[];
  workDir: string;
  gracePeriodSeconds: number;
  fakeGpuCsv?: string;
}): AgentChild {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("MMR_")) delete env[name];
  if (options.fakeGpuCsv !== undefined) {
    const bin = path.join(options.workDir, "fake-bin");
    mkdirSync(bin, { recursive: true });
    writeFileSync(path.join(bin, "nvidia-smi"), `#!/bin/sh\ncat <<'CSV'\n${options.fakeGpuCsv}\nCSV\n`);
    chmodSync(path.join(bin, "nvidia-smi"), 0o755);
    env.PATH = `${bin}:${env.PATH}`;
  }
  const args = ["worker", "--server", options.server, "--token", options.token, "--labels", options.labels.join(","), "--work-dir", options.workDir];
  const child = spawn(process.execPath, [cliBin, ...args, "--grace-period", String(options.gracePeriodSeconds)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const registered = new Promise<string>((resolve, reject) => {
    const read = (chunk: string) => {
      output += chunk;
      const match = /registered .* as worker ([0-9a-f-]{36})/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.setEncoding("utf8").on("data", read);
    child.stderr!.setEncoding("utf8").on("data", read);
    child.once("exit", (code) => reject(new Error(`the agent exited (${code}) before registering:\n${output}`)));
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, registered, exited };
}

/** The agent's working folder for a run: `<workDir>/run-<id>-XXXXXX`. */
export function runFolder(workDir: string, runId: number): string {
  const folders = readdirSync(workDir).filter((name) => name.startsWith(`run-${runId}-`));
  if (folders.length !== 1) throw new Error(`expected one folder for run ${runId} in ${workDir}, found ${folders.join(", ") || "none"}`);
  return path.join(workDir, folders[0]);
}

/**
 * Processes still alive in a process group, read from /proc. Zombies are left out: where PID 1 does not reap orphans
 * (containers), a killed process lingers as one, holding nothing.
 */
/**
 * Resolves once no process of the group is alive, or rejects naming the survivors after `timeoutMs`. A process that was
 * signalled a moment ago may still be running its exit on a loaded machine, so a check polls rather than looks once.
 */
export async function groupEnds(processGroup: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const living = livingProcessesInGroup(processGroup);
    if (living.length === 0) return;
    if (Date.now() > deadline) throw new Error(`process group ${processGroup} still has ${living.join(", ")} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function livingProcessesInGroup(processGroup: number): number[] {
  const living: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited while we looked
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses, so fields are read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === processGroup && state !== "Z") living.push(Number(entry));
  }
  return living;
}
