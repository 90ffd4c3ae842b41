import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { groupEnds } from "@/tests/support/agent-child";
import type { ExecutionHandle } from "./executor";
import { LocalExecutor } from "./local-executor";

const workDir = mkdtempSync(path.join(tmpdir(), "mmr-local-executor-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const spec = (command: string, env: Record<string, string> = {}) => ({ executor: "local" as const, command, env, files: [], collect: [] });

async function readAll(handle: ExecutionHandle): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of handle.lines) lines.push(line);
  return lines;
}

/** Starts a command whose first line is `group $$` (its process group); resolves once that line is read. */
async function startWithGroup(executor: LocalExecutor, command: string) {
  const handle = await executor.start(spec(command), workDir);
  const iterator = handle.lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const group = Number(/^group (\d+)$/.exec(first.value as string)![1]);
  const rest = (async () => {
    const lines: string[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) lines.push(next.value);
    return lines;
  })();
  return { handle, group, rest };
}

describe("the local executor", () => {
  const executor = new LocalExecutor({ graceMs: 5_000 });

  it("runs the command with bash in the work folder, the spec's environment over the agent's, and reads stdout and stderr", async () => {
    const handle = await executor.start(spec('echo "cwd=$PWD"; echo "from=$FROM $HOME"; echo oops >&2; printf "no newline"', { FROM: "spec" }), workDir);
    const lines = await readAll(handle);
    expect(lines).toEqual(expect.arrayContaining([`cwd=${workDir}`, `from=spec ${process.env.HOME}`, "oops", "no newline"]));
    expect(lines).toHaveLength(4);
    expect(await handle.wait()).toEqual({ exitCode: 0, signal: null });
  });

  it("reports the exit code, and 128 + N for a command killed by signal N", async () => {
    const failing = await executor.start(spec("exit 7"), workDir);
    await readAll(failing);
    expect(await failing.wait()).toEqual({ exitCode: 7, signal: null });
    const killed = await executor.start(spec("kill -KILL $$"), workDir);
    await readAll(killed);
    expect(await killed.wait()).toEqual({ exitCode: 137, signal: "SIGKILL" });
  });

  it("stops a command and every process it started with SIGTERM to its process group", async () => {
    const { handle, group, rest } = await startWithGroup(executor, 'sleep 30 & sleep 30 & echo "group $$"; wait');
    await handle.terminate();
    // 128 + 15: SIGTERM ended it, not the SIGKILL that would follow the grace period.
    expect(await handle.wait()).toEqual({ exitCode: 143, signal: "SIGTERM" });
    await rest;
    await groupEnds(group);
  });

  it("sends SIGKILL once the grace period is over to a command that ignores SIGTERM", async () => {
    const impatient = new LocalExecutor({ graceMs: 300 });
    const { handle, group, rest } = await startWithGroup(impatient, `trap 'echo ignoring SIGTERM' TERM; echo "group $$"; while true; do sleep 0.05; done`);
    const started = Date.now();
    await handle.terminate();
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(await handle.wait()).toEqual({ exitCode: 137, signal: "SIGKILL" });
    expect(await rest).toContain("ignoring SIGTERM");
    await groupEnds(group);
  });

  it("stops what a finished command left running in its group, which would otherwise hold its output open", async () => {
    const { handle, group, rest } = await startWithGroup(executor, 'echo "group $$"; sleep 60 & echo left a sleeper');
    expect(await rest).toEqual(["left a sleeper"]);
    expect(await handle.wait()).toEqual({ exitCode: 0, signal: null });
    await groupEnds(group);
  });

  it("cuts an overlong line and reads on", async () => {
    const handle = await new LocalExecutor({ graceMs: 1_000, maxLineChars: 100 }).start(spec("head -c 10000000 /dev/zero | tr '\\0' x; echo; echo after"), workDir);
    const lines = await readAll(handle);
    expect(lines).toEqual([expect.stringMatching(/^x{100} …\[line truncated by the MMR agent/), "after"]);
  });

  it("refuses to start in a folder that does not exist", async () => {
    await expect(executor.start(spec("true"), path.join(workDir, "missing"))).rejects.toThrow(/ENOENT/);
  });
});
