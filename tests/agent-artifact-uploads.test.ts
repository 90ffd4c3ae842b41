import { readdirSync } from "node:fs";
import path from "node:path";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsRoot } from "@/server/datasets/export/artifacts";
import { handleApiRequest } from "@/server/http/api-router";
import type { AppRouter } from "@/server/routers/_app";
import { listArtifactFiles } from "@/server/runs/run-artifacts";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

const fileLimit = 65_536;
const runLimit = 200_000;

describe("PUT /api/agent/runs/<run>/artifacts/<path>: files an agent collected", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let adaHeaders: Headers;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  const project = "gpu";
  const tokens: Record<"holder" | "other", string> = { holder: "", other: "" };
  const workers: Record<"holder" | "other", string> = { holder: "", other: "" };
  let runId: number;

  const agentApi = (token: string) =>
    createTRPCClient<AppRouter>({ links: [httpLink({ url: `${server.url}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` } })] }).agent;

  /** An upload as the agent sends it: the worker token, the worker in the query, the body streamed. */
  const put = (who: "holder" | "other", filePath: string, body: BodyInit, options: { run?: number; token?: string } = {}) =>
    fetch(`${server.url}/api/agent/runs/${options.run ?? runId}/artifacts/${filePath}?workerId=${workers[who]}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${options.token ?? tokens[who]}` },
      body,
      duplex: "half",
    } as RequestInit);
  const download = (filePath: string) => handleApiRequest(app.deps, new Request(`http://localhost/api/artifacts/${runId}/${filePath}`, { headers: adaHeaders }));
  const stored = () => listArtifactFiles(app.deps.env, runId);
  const unfinishedUploads = () => readdirSync(path.join(artifactsRoot(app.deps.env), ".incoming"));
  /** A body with no declared length: the server finds out its size only by reading it. */
  const chunked = (bytes: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent < bytes; sent += 10_000) controller.enqueue(new Uint8Array(Math.min(10_000, bytes - sent)).fill(120));
        controller.close();
      },
    });

  beforeAll(async () => {
    app = await createTestApp({ MMR_MAX_ARTIFACT_FILE_BYTES: String(fileLimit), MMR_MAX_RUN_ARTIFACT_BYTES: String(runLimit) });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    adaHeaders = await app.signUp("ada@example.com");
    ada = await app.callerFor(adaHeaders);
    await ada.projects.create({ name: "GPU" });
    for (const who of ["holder", "other"] as const) {
      tokens[who] = (await ada.tokens.createWorker({ project, name: who })).token;
      workers[who] = (await agentApi(tokens[who]).register.mutate({ hostname: who, gpus: [], labels: [], executors: ["local"] })).workerId;
    }
    const launched = await ada.runs.launch({ project, kind: "eval", name: "eval", launch: { command: "true", collect: ["out"] } });
    const claim = await agentApi(tokens.holder).claim.mutate({ workerId: workers.holder, waitMs: 0 });
    expect(claim).toMatchObject({ runId: launched.id, artifactLimits: { fileBytes: fileLimit, runBytes: runLimit, files: 2_000 } });
    runId = launched.id;
    await agentApi(tokens.holder).start.mutate({ workerId: workers.holder, runId });
  });
  afterAll(async () => {
    await server?.close();
    await app?.close();
  });

  it("stores a file of the run the worker holds, where GET /api/artifacts serves it to the project's members", async () => {
    const response = await put("holder", "out/model/20260303_101500_results.json", '{"results": {}}');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ path: "out/model/20260303_101500_results.json", bytes: 15 });
    const served = await download("out/model/20260303_101500_results.json");
    expect(served.status).toBe(200);
    expect(await served.text()).toBe('{"results": {}}');
    expect(await ada.runs.artifacts({ project, runId })).toEqual({
      total: 1,
      totalBytes: 15,
      files: [{ path: "out/model/20260303_101500_results.json", bytes: 15, url: `/api/artifacts/${runId}/out/model/20260303_101500_results.json` }],
    });
  });

  it("stores a file uploaded again once, with the last copy's bytes", async () => {
    for (let attempt = 0; attempt < 2; attempt++) expect((await put("holder", "out/again.jsonl", "same line\n")).status).toBe(201);
    expect((await put("holder", "out/again.jsonl", "new line\n")).status).toBe(201);
    expect((await stored()).filter((file) => file.path === "out/again.jsonl")).toEqual([{ path: "out/again.jsonl", bytes: 9 }]);
    expect(await (await download("out/again.jsonl")).text()).toBe("new line\n");
  });

  it("refuses a worker that does not hold the run, and a personal token", async () => {
    const stranger = await put("other", "out/stranger.txt", "not mine");
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toEqual({ error: `This agent does not hold run ${runId} (never claimed, finished, or its lease expired).` });
    const { token: personal } = await ada.tokens.createPersonal({ name: "scripts" });
    const person = await put("holder", "out/person.txt", "not an agent", { token: personal });
    expect(person.status).toBe(401);
    expect(await person.json()).toEqual({ error: "This endpoint needs a worker token (mmr_wkr_…)." });
    const otherToken = await put("holder", "out/stranger.txt", "wrong token for this worker", { token: tokens.other });
    expect(otherToken.status).toBe(404);
    expect((await stored()).map((file) => file.path)).not.toContain("out/stranger.txt");
  });

  it("refuses paths that are not plain segments inside the run's folder", async () => {
    for (const bad of ["..%2F..%2Fescape.txt", "out/..%2F..%2F..%2Fescape.txt", "out%5C..%5Cescape.txt", "out//x.txt"]) {
      const response = await put("holder", bad, "x");
      expect(response.status, bad).toBe(400);
      expect((await response.json()).error, bad).toMatch(/^Not an acceptable artifact path: /);
    }
    expect(readdirSync(artifactsRoot(app.deps.env)).sort()).toEqual([".incoming", String(runId)]);
    expect((await stored()).some((file) => file.path.includes("escape"))).toBe(false);
  });

  it("refuses a file over the per-file limit with 413 and writes nothing, whether its length is declared or not", async () => {
    const before = await stored();
    const declared = await put("holder", "out/huge.bin", new Uint8Array(fileLimit + 1));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toBe(`out/huge.bin is larger than the ${fileLimit}-byte limit for one file (MMR_MAX_ARTIFACT_FILE_BYTES).`);
    const streamed = await put("holder", "out/huge.bin", chunked(fileLimit + 1));
    expect(streamed.status).toBe(413);
    expect(await stored()).toEqual(before);
    expect(unfinishedUploads()).toEqual([]);
  });

  it("keeps the run's files under the per-run limit, a replaced file counting once", async () => {
    const used = (await stored()).reduce((sum, file) => sum + file.bytes, 0);
    const piece = 60_000;
    for (const name of ["a", "b", "c"]) expect((await put("holder", `out/rollout/${name}.jsonl`, new Uint8Array(piece))).status).toBe(201);
    const over = await put("holder", "out/rollout/d.jsonl", chunked(runLimit - used - 3 * piece + 1));
    expect(over.status).toBe(413);
    expect((await over.json()).error).toBe(`out/rollout/d.jsonl would take run ${runId}'s collected files past ${runLimit} bytes (MMR_MAX_RUN_ARTIFACT_BYTES).`);
    expect((await put("holder", "out/rollout/a.jsonl", new Uint8Array(piece))).status).toBe(201);
    expect((await stored()).map((file) => file.path)).not.toContain("out/rollout/d.jsonl");
    expect(unfinishedUploads()).toEqual([]);
  });

  it("refuses a path that clashes with a file already collected", async () => {
    const response = await put("holder", "out/again.jsonl/inside.txt", "x");
    expect(response.status).toBe(409);
    expect((await response.json()).error).toBe(`out/again.jsonl/inside.txt clashes with a file or folder already collected for run ${runId}.`);
  });

  it("refuses uploads once the run is finished", async () => {
    await agentApi(tokens.holder).finish.mutate({ workerId: workers.holder, runId, exitCode: 1, cancelled: false });
    const late = await put("holder", "out/late.txt", "too late");
    expect(late.status).toBe(403);
    expect((await stored()).map((file) => file.path)).not.toContain("out/late.txt");
  });
});
