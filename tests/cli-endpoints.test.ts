import { mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "@/server/http/api-router";
import { runCliProcess, type CliResult } from "./support/cli-process";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fake-openai-server";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

describe("mmr endpoint against a real HTTP server and a local OpenAI-compatible model server", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let judge: FakeOpenAiServer;
  let workDir: string;
  let token: string;
  const project = "endpoints";

  const runCli = (args: string[], env: Record<string, string> = {}): Promise<CliResult> =>
    runCliProcess([...args, "--project", project], { cwd: workDir, env: { HOME: path.join(workDir, "home"), MMR_SERVER: server.url, MMR_TOKEN: token, ...env } });

  const expectOneLineError = (result: CliResult, pattern: RegExp) => {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  beforeAll(async () => {
    workDir = realpathSync(mkdtempSync(path.join(tmpdir(), "mmr-cli-endpoints-")));
    judge = await startFakeOpenAiServer({ reply: () => "1" });
    app = await createTestApp();
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    const caller = await app.callerFor(await app.signUp("ada@example.com"));
    token = (await caller.tokens.createPersonal({ name: "cli endpoints" })).token;
    await caller.projects.create({ name: "Endpoints" });
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await judge?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("adds an endpoint with its key read from the environment, and never shows the key again", async () => {
    const added = await runCli(["endpoint", "add", "--name", "judge", "--base-url", judge.baseUrl, "--model", "judge", "--api-key-env", "JUDGE_KEY", "--concurrency", "16", "--json"], {
      JUDGE_KEY: "sk-very-secret",
    });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: "judge", baseUrl: judge.baseUrl, model: "judge", concurrency: 16, hasApiKey: true });

    const listed = await runCli(["endpoint", "list", "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const lines = listed.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toEqual([expect.objectContaining({ name: "judge", hasApiKey: true })]);
    expect(listed.stdout).not.toContain("sk-very-secret");
    expect(listed.stdout).not.toContain("apiKeySealed");
    expect((await runCli(["endpoint", "list"])).stdout).toMatch(/^judge\tjudge\t.*\tkey set\tconcurrency 16/m);
  });

  it("tests the connection with one real call, and fails with the reason when the model is unknown or the server gone", async () => {
    const before = judge.requests;
    const tested = await runCli(["endpoint", "test", "judge", "--json"]);
    expect(tested.code, tested.stderr).toBe(0);
    expect(JSON.parse(tested.stdout)).toMatchObject({ ok: true, model: "judge", reply: "1", error: null });
    expect(judge.requests).toBe(before + 1);

    expect((await runCli(["endpoint", "add", "--name", "wrong-model", "--base-url", judge.baseUrl, "--model", "no-such-model"])).code).toBe(0);
    expectOneLineError(await runCli(["endpoint", "test", "wrong-model"]), /wrong-model: .*no-such-model/);

    const gone = await startFakeOpenAiServer();
    await gone.close();
    expect((await runCli(["endpoint", "add", "--name", "gone", "--base-url", gone.baseUrl, "--model", "judge"])).code).toBe(0);
    expectOneLineError(await runCli(["endpoint", "test", "gone"]), /gone: /);
  });

  it("names the field or the variable that is wrong", async () => {
    expectOneLineError(await runCli(["endpoint", "add", "--name", "bad", "--base-url", "not a url", "--model", "judge"]), /base URL must be a URL/);
    expectOneLineError(await runCli(["endpoint", "add", "--name", "keyless", "--base-url", judge.baseUrl, "--model", "judge", "--api-key-env", "UNSET_KEY_VAR"]), /UNSET_KEY_VAR is not set/);
    expectOneLineError(await runCli(["endpoint", "add", "--name", "judge", "--base-url", judge.baseUrl, "--model", "judge"]), /named "judge" exists already/);
    expectOneLineError(await runCli(["endpoint", "add", "--name", "zero", "--base-url", judge.baseUrl, "--model", "judge", "--concurrency", "0"]), /positive whole number/);
  });

  it("removes an endpoint by name", async () => {
    const removed = await runCli(["endpoint", "remove", "wrong-model"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Endpoint wrong-model removed.");
    const names = (await runCli(["endpoint", "list", "--json"])).stdout.trim().split("\n").map((line) => (JSON.parse(line) as { name: string }).name);
    expect(names).toEqual(["gone", "judge"]);
    expectOneLineError(await runCli(["endpoint", "remove", "wrong-model"]), /no model endpoint "wrong-model"; it has gone, judge/);
  });
});
