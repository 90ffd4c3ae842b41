import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "@/server/http/api-router";
import { runCliProcess, type CliResult } from "./support/cli-process";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

const bodyLimit = 20_000;


const ray = "\x1b[36m(TaskRunner pid=7)\x1b[0m ";
/** A verl transcript: a validation-only step:0, two training steps, a checkpoint. */
const verlLog = [
  `${ray}step:0 - val-core/geo3k/reward/mean@1:np.float64(0.4)`,
  `${ray}step:0 - actor/pg_loss:0.01 - critic/score/mean:0.5`,
  `${ray}step:1 - actor/pg_loss:0.02 - critic/score/mean:0.6`,
  `${ray}local_global_step_folder: /ckpt/global_step_1`,
].join("\n");
const crashedLog = `step:1 - loss:1.5\nstep:2 - loss:1.4\nTraceback (most recent call last):\n  File "train.py", line 9, in <module>\nRuntimeError: NCCL timeout\n`;

describe("mmr run import-log against a real HTTP server", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let caller: Awaited<ReturnType<TestApp["callerFor"]>>;
  let workDir: string;
  let token: string;
  let viewerToken: string;
  const project = "vision-rl";

  /** The CLI as a user runs it: its own process, started from an unrelated directory, with no MMR settings but those given. */
  function runCli(args: string[], withToken = token): Promise<CliResult> {
    return runCliProcess(args, { cwd: workDir, env: { HOME: path.join(workDir, "home"), MMR_SERVER: server.url, MMR_TOKEN: withToken } });
  }

  function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  function writeLog(name: string, text: string): string {
    const file = path.join(workDir, name);
    writeFileSync(file, text);
    return file;
  }

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), "mmr-cli-runs-"));
    app = await createTestApp({ MMR_MAX_BODY_BYTES: String(bodyLimit) });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    caller = await app.callerFor(await app.signUp("ada@example.com"));
    token = (await caller.tokens.createPersonal({ name: "cli runs" })).token;
    await caller.projects.create({ name: "Vision RL" });
    const invite = await caller.members.invite({ project, email: "vera@example.com", role: "viewer" });
    if (invite.status !== "invited") throw new Error("expected an invitation");
    const vera = await app.callerFor(await app.signUp("vera@example.com", { inviteToken: invite.token }));
    viewerToken = (await vera.tokens.createPersonal({ name: "viewer" })).token;
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("lists import-log in the run group's help", async () => {
    const help = await runCli(["run", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^\s+import-log\b/m);
  });

  it("imports a verl log and prints {runId, status, steps, metricKeys} as JSON", async () => {
    const file = writeLog("geo3k.log", verlLog);
    const result = await runCli(["run", "import-log", file, "--kind", "rl", "--name", "geo3k GSPO", "--project", project, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { runId: number };
    expect(json).toEqual({ runId: expect.any(Number), status: "succeeded", steps: 2, metricKeys: ["actor/pg_loss", "critic/score/mean", "val-core/geo3k/reward/mean@1"] });
    expect(await caller.runs.get({ project, runId: json.runId })).toMatchObject({ name: "geo3k GSPO", kind: "rl", state: "succeeded", config: { imported: { fileName: "geo3k.log" } } });
    expect(await caller.runs.checkpoints({ project, runId: json.runId })).toMatchObject([{ step: 1, path: "/ckpt/global_step_1" }]);
  });

  it("imports a log that ends in a crash as a failed run, named after the file, and says where to see it", async () => {
    const file = writeLog("sft-crash.log", crashedLog);
    const result = await runCli(["run", "import-log", file, "--kind", "sft", "--project", project]);
    expect(result.code, result.stderr).toBe(0);
    const [summary, link, ...rest] = result.stdout.trimEnd().split("\n");
    const runId = Number(/^Imported run #(\d+) \(failed\): 2 steps, 1 metric key\.$/.exec(summary)?.[1]);
    expect(runId).toBeGreaterThan(0);
    expect(link).toBe(`${server.url}/p/${project}/runs/${runId}`);
    expect(rest).toEqual([]);
    expect(await caller.runs.get({ project, runId })).toMatchObject({ name: "sft-crash.log", kind: "sft", state: "failed", error: expect.stringContaining("RuntimeError: NCCL timeout") });
  });

  it("refuses a kind it does not know and a missing --kind", async () => {
    const file = writeLog("any.log", verlLog);
    const wrongKind = await runCli(["run", "import-log", file, "--kind", "eval", "--project", project]);
    expect(wrongKind.code).not.toBe(0);
    expect(wrongKind.stderr).toMatch(/--kind <kind>.*eval.*Allowed choices are rl, sft/);
    const noKind = await runCli(["run", "import-log", file, "--project", project]);
    expect(noKind.code).not.toBe(0);
    expect(noKind.stderr).toMatch(/required option '--kind <kind>' not specified/);
  });

  it("names a missing or empty file in one line", async () => {
    expectOneLineError(await runCli(["run", "import-log", path.join(workDir, "nope.log"), "--kind", "rl", "--project", project]), /^mmr: Cannot read .*nope\.log: no such file$/m);
    expectOneLineError(await runCli(["run", "import-log", writeLog("blank.log", "\n\n"), "--kind", "rl", "--project", project]), /^mmr: .*blank\.log is empty: there is no log to import\.$/m);
  });

  it("reports a log over the server's body limit with the setting to raise", async () => {
    const file = writeLog("huge.log", "step:1 - loss:1.0\n".repeat(2_000));
    expectOneLineError(await runCli(["run", "import-log", file, "--kind", "rl", "--project", project]), /larger than the 20000-byte limit \(MMR_MAX_BODY_BYTES\)/);
  });

  it("refuses a viewer's token, naming the role it needs", async () => {
    const file = writeLog("viewer.log", verlLog);
    expectOneLineError(await runCli(["run", "import-log", file, "--kind", "rl", "--project", project], viewerToken), /needs the member role .*you are viewer/);
  });
});
