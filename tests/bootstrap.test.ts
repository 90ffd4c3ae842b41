import { afterEach, describe, expect, it } from "vitest";
import { prepareInstance } from "@/server/bootstrap/startup";
import { readServerEnv } from "@/server/env";
import { createTestApp, type TestApp } from "./support/test-app";

const initialToken = "mmr_pat_headless0123456789abcdefXYZ";
const headless = {
  MMR_INIT_ADMIN_EMAIL: "root@example.com",
  MMR_INIT_ADMIN_PASSWORD: "a long admin password",
  MMR_INIT_PROJECT: "Recipe Repro",
  MMR_INIT_API_TOKEN: initialToken,
};

describe("instance start-up", () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it("creates the headless admin, project and token once, and queues the demo workspace", async () => {
    app = await createTestApp(headless);
    await prepareInstance(app.deps);
    await prepareInstance(app.deps);

    const response = await app.fetchTrpc(
      new Request("http://localhost/api/trpc/projects.list", { headers: { authorization: `Bearer ${initialToken}` } }),
    );
    expect(response.status).toBe(200);
    const admin = await app.callerFor(await app.signIn("root@example.com", "a long admin password"));
    expect(await admin.me.get()).toMatchObject({ isAdmin: true });
    expect((await admin.projects.list()).map((p) => p.slug)).toEqual(["demo", "recipe-repro"]);

    const runs = await admin.runs.list({ project: "demo" });
    expect(runs.items).toHaveLength(1);
    expect(runs.items[0]).toMatchObject({ kind: "seed-demo", state: "queued" });
  });

  it("lets the first account to sign up own the demo workspace", async () => {
    app = await createTestApp({ MMR_SEED_DEMO: "true" });
    await prepareInstance(app.deps);
    const first = await app.callerFor(await app.signUp("first@example.com"));
    expect(await first.projects.list()).toEqual([expect.objectContaining({ slug: "demo", role: "admin" })]);
  });

  it("refuses a headless token that is not in the documented shape before creating anything", async () => {
    expect(() => readServerEnv({ ...headless, MMR_INIT_API_TOKEN: "short" })).toThrow(/MMR_INIT_API_TOKEN: must look like mmr_pat_/);
  });
});
