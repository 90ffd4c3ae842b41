import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelEndpoints } from "@/db/schema";
import { EndpointError, openEndpointClient } from "@/server/endpoints/chat-client";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fake-openai-server";
import { createTestApp, type TestApp } from "./support/test-app";

describe("model endpoints", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let bob: Awaited<ReturnType<TestApp["callerFor"]>>;
  let projectId: string;
  let server: FakeOpenAiServer;
  const settings = (name: string, extra: Record<string, unknown> = {}) => ({ name, baseUrl: server.baseUrl, model: "judge", timeoutMs: 5_000, ...extra });
  const client = (name: string) => openEndpointClient(app.deps, projectId, name);

  beforeAll(async () => {
    server = await startFakeOpenAiServer();
    app = await createTestApp();
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    projectId = (await ada.projects.create({ name: "Judges" })).id;
    await ada.instance.setSignUpOpen({ open: true });
    bob = await app.callerFor(await app.signUp("bob@example.com"));
  });
  afterAll(async () => {
    await app.close();
    await server.close();
  });

  it("stores the API key sealed and never returns it", async () => {
    const created = await ada.endpoints.create({ project: "judges", settings: settings("sealed"), apiKey: "sk-secret-value" });
    expect(created).toMatchObject({ name: "sealed", hasApiKey: true, concurrency: 8 });
    expect(JSON.stringify(await ada.endpoints.list({ project: "judges" }))).not.toContain("sk-secret-value");
    const [row] = await app.deps.db.select().from(modelEndpoints).where(eq(modelEndpoints.id, created.id));
    expect(row.apiKeySealed).not.toContain("sk-secret-value");
    expect(app.deps.secrets.openText(row.apiKeySealed!)).toBe("sk-secret-value");

    await ada.endpoints.update({ project: "judges", endpointId: created.id, settings: settings("sealed", { concurrency: 3 }) });
    expect((await ada.endpoints.list({ project: "judges" })).find((e) => e.id === created.id)).toMatchObject({ concurrency: 3, hasApiKey: true });
    await ada.endpoints.update({ project: "judges", endpointId: created.id, settings: settings("sealed"), apiKey: "" });
    expect((await ada.endpoints.list({ project: "judges" })).find((e) => e.id === created.id)?.hasApiKey).toBe(false);
  });

  it("refuses a duplicate name, a non-http URL, and callers outside the project", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("twice") });
    await expect(ada.endpoints.create({ project: "judges", settings: settings("twice") })).rejects.toThrow(/exists already/);
    await expect(ada.endpoints.create({ project: "judges", settings: settings("ftp", { baseUrl: "ftp://judge/v1" }) })).rejects.toThrow(/http/);
    await expect(bob.endpoints.list({ project: "judges" })).rejects.toThrow(/not found|not a member|does not exist/i);
    await expect((await app.anonymous()).endpoints.list({ project: "judges" })).rejects.toThrow(/Sign in/);
  });

  it("tests a connection with one real call, and names what is wrong when it fails", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("good") });
    const ok = await ada.endpoints.test({ project: "judges", endpoint: "good" });
    expect(ok).toMatchObject({ ok: true, model: "judge", reply: "1", error: null });

    await ada.endpoints.create({ project: "judges", settings: settings("wrong-model", { model: "no-such-model" }) });
    const unknown = await ada.endpoints.test({ project: "judges", endpoint: "wrong-model" });
    expect(unknown.ok).toBe(false);
    expect(unknown.error).toMatch(/endpoint "wrong-model" .* does not serve model "no-such-model"/);

    const closed = await startFakeOpenAiServer();
    await closed.close();
    await ada.endpoints.create({ project: "judges", settings: settings("down", { baseUrl: closed.baseUrl }) });
    const down = await ada.endpoints.test({ project: "judges", endpoint: "down" });
    expect(down).toMatchObject({ ok: false });
    expect(down.error).toMatch(/Cannot reach endpoint "down"/);
    expect(down.error).not.toMatch(/at .*\.ts|ECONNREFUSED \d/);
  });

  it("rides out a storm of 429s, and gives up with rate_limited when it does not end", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("busy") });
    server.behaviour.rateLimitFirst = 3;
    const before = server.requests;
    expect((await (await client("busy")).complete([{ role: "user", content: "hi" }])).text).toBe("1");
    expect(server.requests - before).toBe(4);

    server.behaviour.rateLimitFirst = 1_000;
    const failure = await (await client("busy")).complete([{ role: "user", content: "hi" }]).catch((e: unknown) => e);
    server.behaviour.rateLimitFirst = 0;
    expect(failure).toBeInstanceOf(EndpointError);
    expect(failure).toMatchObject({ kind: "rate_limited" });
  });

  it("times out on a server that never answers", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("slow", { timeoutMs: 1_000 }) });
    server.behaviour.hang = true;
    const failure = await (await client("slow")).complete([{ role: "user", content: "hi" }]).catch((e: unknown) => e);
    server.behaviour.hang = false;
    expect(failure).toMatchObject({ kind: "timeout" });
  }, 30_000);

  it("keeps a 1 MB reply bounded", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("verbose") });
    server.behaviour.reply = () => "0".repeat(1_048_576);
    const reply = await (await client("verbose")).complete([{ role: "user", content: "hi" }]);
    server.behaviour.reply = () => "1";
    expect(reply.truncated).toBe(true);
    expect(reply.text.length).toBe(262_144);
  });

  it("never has more requests in flight than the endpoint's concurrency", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("narrow", { concurrency: 4 }) });
    server.behaviour.latencyMs = 20;
    server.maxConcurrent = 0;
    const narrow = await client("narrow");
    await Promise.all(Array.from({ length: 64 }, () => narrow.complete([{ role: "user", content: "hi" }])));
    server.behaviour.latencyMs = 0;
    expect(server.maxConcurrent).toBeLessThanOrEqual(4);
    expect(server.maxConcurrent).toBeGreaterThan(1);
  });

  it("stops a waiting request when its signal aborts", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("abortable", { concurrency: 1 }) });
    server.behaviour.latencyMs = 300;
    const abortable = await client("abortable");
    const first = abortable.complete([{ role: "user", content: "first" }]);
    const controller = new AbortController();
    const second = abortable.complete([{ role: "user", content: "second" }], { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    expect(await second).toMatchObject({ kind: "aborted" });
    await first;
    server.behaviour.latencyMs = 0;
  });

  it("embeds texts in order", async () => {
    await ada.endpoints.create({ project: "judges", settings: settings("embedder") });
    const { vectors } = await (await client("embedder")).embed(["a red circle", "a red circle", "three blue squares"]);
    expect(vectors).toHaveLength(3);
    expect(vectors[0]).toEqual(vectors[1]);
    expect(vectors[0]).not.toEqual(vectors[2]);
  });
});
