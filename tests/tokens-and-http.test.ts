import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppRouter } from "@/server/routers/_app";
import { startHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

const trpcGet = (path: string, input: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers });

describe("API tokens and the HTTP endpoint", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;

  beforeAll(async () => {
    app = await createTestApp();
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Alpha" });
  });
  afterAll(() => app.close());

  it("refuses an anonymous request", async () => {
    const response = await app.fetchTrpc(trpcGet("projects.list", null));
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("Sign in");
  });

  it("serves a personal token shown once, stored hashed, and stops it when revoked", async () => {
    const created = await ada.tokens.createPersonal({ name: "laptop" });
    expect(created.token).toMatch(/^mmr_pat_/);
    const listed = await ada.tokens.personal();
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect(listed[0].lastUsedAt).toBeNull();

    const auth = { authorization: `Bearer ${created.token}` };
    const ok = await app.fetchTrpc(trpcGet("projects.list", null, auth));
    expect(ok.status).toBe(200);
    expect(JSON.stringify(await ok.json())).toContain("alpha");
    expect((await ada.tokens.personal())[0].lastUsedAt).toBeInstanceOf(Date);

    await ada.tokens.revokePersonal({ tokenId: created.id });
    const refused = await app.fetchTrpc(trpcGet("projects.list", null, auth));
    expect(refused.status).toBe(401);
    expect(JSON.stringify(await refused.json())).toContain("revoked");
  });

  it("names a malformed token or header", async () => {
    const malformed = await app.fetchTrpc(trpcGet("projects.list", null, { authorization: "Bearer not-a-token" }));
    expect(malformed.status).toBe(401);
    expect(JSON.stringify(await malformed.json())).toContain("Malformed token");
    const badHeader = await app.fetchTrpc(trpcGet("projects.list", null, { authorization: "Token abc" }));
    expect(JSON.stringify(await badHeader.json())).toContain("Malformed Authorization header");
  });

  it("lets a worker token reach only the agent API of its project", async () => {
    const worker = await ada.tokens.createWorker({ project: "alpha", name: "gpu-node-1" });
    const auth = { authorization: `Bearer ${worker.token}` };
    const whoami = await app.fetchTrpc(trpcGet("agent.whoami", null, auth));
    expect(whoami.status).toBe(200);
    expect(JSON.stringify(await whoami.json())).toContain(worker.id);
    expect((await app.fetchTrpc(trpcGet("projects.list", null, auth))).status).toBe(401);
    expect((await app.fetchTrpc(trpcGet("agent.whoami", null))).status).toBe(401);
  });

  it("refuses an oversized request body with 413 and changes nothing", async () => {
    const before = await ada.projects.list();
    const response = await app.fetchTrpc(
      new Request("http://localhost/api/trpc/projects.create", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: "" },
        body: JSON.stringify({ json: { name: "x".repeat(100_000) } }),
      }),
    );
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("MMR_MAX_BODY_BYTES");
    expect(await ada.projects.list()).toEqual(before);
  });

  it("tells a real tRPC client over the network why an oversized body was refused", async () => {
    const { token } = await ada.tokens.createPersonal({ name: "network" });
    const server = await startHttpServer((request) => app.fetchTrpc(request));
    try {
      const client = createTRPCClient<AppRouter>({
        links: [httpBatchLink({ url: `${server.url}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${token}` } })],
      });
      await expect(client.projects.create.mutate({ name: "y".repeat(100_000) })).rejects.toThrow(/larger than the 65536-byte limit/);
      expect((await client.projects.list.query()).map((p) => p.slug)).toEqual(["alpha"]);
    } finally {
      await server.close();
    }
  });

  it("refuses a worker token outside the agent API with the reason", async () => {
    const worker = await ada.tokens.createWorker({ project: "alpha", name: "gpu-node-2" });
    const response = await app.fetchTrpc(trpcGet("me.get", null, { authorization: `Bearer ${worker.token}` }));
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("worker token");
  });
});
