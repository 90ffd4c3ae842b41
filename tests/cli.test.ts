import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleTrpcRequest } from "@/server/http/trpc-handler";
import { runCliProcess, type CliResult } from "./support/cli-process";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

describe("the mmr CLI against a real HTTP server", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let workDir: string;
  let token: string;
  let caller: Awaited<ReturnType<TestApp["callerFor"]>>;
  let project: { id: string; slug: string; name: string };
  let configCount = 0;

  function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
    return runCliProcess(args, { cwd: workDir, env: { HOME: path.join(workDir, "home"), ...env } });
  }

  function freshConfigPath(): string {
    return path.join(workDir, `config-${++configCount}`, "config.json");
  }

  async function loggedInConfig(withToken: string): Promise<string> {
    const config = freshConfigPath();
    const login = await runCli(["login", "--server", server.url, "--token", withToken], { MMR_CONFIG: config });
    expect(login, login.stderr).toMatchObject({ code: 0 });
    return config;
  }

  function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  beforeAll(async () => {
    app = await createTestApp();
    // Only /api/trpc is the API; anything else answers like an unrelated web server would.
    server = await startHttpServer(async (request) =>
      new URL(request.url).pathname.startsWith("/api/trpc/")
        ? handleTrpcRequest(app.deps, request)
        : new Response("<h1>Not found</h1>", { status: 404, headers: { "content-type": "text/html" } }),
    );
    workDir = mkdtempSync(path.join(tmpdir(), "mmr-cli-test-"));
    caller = await app.callerFor(await app.signUp("ada@example.com"));
    token = (await caller.tokens.createPersonal({ name: "cli tests" })).token;
    project = await caller.projects.create({ name: "Vision Reasoning" });
  });

  afterAll(async () => {
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("lists its verbs in --help", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    for (const verb of ["login", "logout", "whoami", "projects"]) expect(help.stdout).toMatch(new RegExp(`^\\s+${verb}\\b`, "m"));
    const projectsHelp = await runCli(["projects", "--help"]);
    expect(projectsHelp.stdout).toMatch(/^\s+list\b/m);
  });

  it("logs in: checks the token, saves server and token with mode 0600, says who you are", async () => {
    const config = freshConfigPath();
    const login = await runCli(["login", "--server", `${server.url}/`, "--token", token], { MMR_CONFIG: config });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain("ada <ada@example.com>");
    expect(JSON.parse(readFileSync(config, "utf8"))).toEqual({ server: server.url, token });
    expect(statSync(config).mode & 0o777).toBe(0o600);
  });

  it("saves to ~/.config/mmr/config.json when MMR_CONFIG is unset", async () => {
    const home = path.join(workDir, "other-home");
    const login = await runCli(["login", "--server", server.url, "--token", token], { HOME: home });
    expect(login.code, login.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(home, ".config/mmr/config.json"), "utf8"))).toMatchObject({ token });
  });

  it("whoami reports the account, as text and as JSON", async () => {
    const config = await loggedInConfig(token);
    const text = await runCli(["whoami"], { MMR_CONFIG: config });
    expect(text.stdout.trim()).toBe(`ada <ada@example.com> (instance admin) on ${server.url}`);
    const json = await runCli(["whoami", "--json"], { MMR_CONFIG: config });
    expect(JSON.parse(json.stdout)).toMatchObject({ server: server.url, email: "ada@example.com", isAdmin: true });
  });

  it("lists projects as JSON", async () => {
    const config = await loggedInConfig(token);
    const list = await runCli(["projects", "list", "--json"], { MMR_CONFIG: config });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([{ id: project.id, slug: "vision-reasoning", name: "Vision Reasoning", role: "admin" }]);
  });

  it("lists projects as an aligned table", async () => {
    const config = await loggedInConfig(token);
    const list = await runCli(["projects", "list"], { MMR_CONFIG: config });
    expect(list.code, list.stderr).toBe(0);
    const [header, row, ...rest] = list.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^SLUG\s+NAME\s+ROLE$/);
    expect(row).toMatch(/^vision-reasoning\s+Vision Reasoning\s+admin$/);
    expect(rest).toEqual([]);
    expect(row.indexOf("Vision Reasoning")).toBe(header.indexOf("NAME"));
    expect(row.indexOf("admin")).toBe(header.indexOf("ROLE"));
  });

  it("takes the server and token from MMR_SERVER and MMR_TOKEN over the config file", async () => {
    const config = freshConfigPath();
    mkdirSync(path.dirname(config));
    writeFileSync(config, JSON.stringify({ server: "http://127.0.0.1:9", token: "mmr_pat_not-a-real-token-000000" }));
    const list = await runCli(["projects", "list", "--json"], { MMR_CONFIG: config, MMR_SERVER: server.url, MMR_TOKEN: token });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toHaveLength(1);
  });

  it("tells you to run mmr login when there is no saved login", async () => {
    expectOneLineError(await runCli(["projects", "list"], { MMR_CONFIG: freshConfigPath() }), /Not logged in.*mmr login/);
  });

  it("logout removes the saved login", async () => {
    const config = await loggedInConfig(token);
    const logout = await runCli(["logout"], { MMR_CONFIG: config });
    expect(logout.code).toBe(0);
    expect(existsSync(config)).toBe(false);
    expectOneLineError(await runCli(["whoami"], { MMR_CONFIG: config }), /mmr login/);
  });

  it("reports a revoked token with the server's reason", async () => {
    const revocable = await caller.tokens.createPersonal({ name: "to revoke" });
    const config = await loggedInConfig(revocable.token);
    await caller.tokens.revokePersonal({ tokenId: revocable.id });
    const list = await runCli(["projects", "list"], { MMR_CONFIG: config });
    expectOneLineError(list, /This token has been revoked\..*mmr login/);
    expect(list.stdout).toBe("");
  });

  it("refuses a malformed token at login and saves nothing", async () => {
    const config = freshConfigPath();
    const login = await runCli(["login", "--server", server.url, "--token", "hunter2"], { MMR_CONFIG: config });
    expectOneLineError(login, /Malformed token: expected mmr_pat_/);
    expect(existsSync(config)).toBe(false);
  });

  it("names the URL when the server cannot be reached", async () => {
    const stopped = await startHttpServer(async () => new Response());
    await stopped.close();
    const login = await runCli(["login", "--server", stopped.url, "--token", token], { MMR_CONFIG: freshConfigPath() });
    expectOneLineError(login, new RegExp(`Cannot reach the MMR server at ${stopped.url} \\(ECONNREFUSED\\)`));
  });

  it("says so when the URL answers but is not the MMR API", async () => {
    const login = await runCli(["login", "--server", `${server.url}/elsewhere`, "--token", token], { MMR_CONFIG: freshConfigPath() });
    expectOneLineError(login, new RegExp(`server at ${server.url}/elsewhere answered HTTP 404 \\(text/html\\)`));
  });

  it("refuses a server that is not an http(s) URL", async () => {
    const login = await runCli(["login", "--server", "mmr.example.com", "--token", token], { MMR_CONFIG: freshConfigPath() });
    expectOneLineError(login, /"mmr\.example\.com" is not a URL/);
  });
});
