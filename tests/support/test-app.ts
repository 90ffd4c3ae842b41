import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { createAppDeps, type AppDeps } from "@/server/deps";
import { readServerEnv } from "@/server/env";
import { createCaller } from "@/server/routers/_app";
import { createContext } from "@/server/trpc/context";

export type TestDriver = "pglite" | "postgres";
export const testDriver = (process.env.MMR_TEST_DRIVER ?? "pglite") as TestDriver;
// Test databases are created on this server: DATABASE_URL's when set, else the local one.
const adminUrl = process.env.MMR_TEST_POSTGRES_URL || process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

/** An empty Postgres database on the test server; `drop()` removes it, disconnecting whoever is still connected. */
export async function createFreshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mmr_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    drop: async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * A fresh database of the driver under test (MMR_TEST_DRIVER unless a suite that covers both names one): a new Postgres
 * database per call, or an in-memory PGlite.
 */
export async function openFreshDatabase(driver: TestDriver = testDriver): Promise<DatabaseHandle & { url?: string }> {
  if (driver === "pglite") return openDatabase({});
  const database = await createFreshPostgresDatabase();
  const handle = await openDatabase({ url: database.url });
  return {
    ...handle,
    url: database.url,
    close: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

export interface TestApp {
  deps: AppDeps;
  /** Signs up through better-auth and returns the session's request headers. */
  signUp(email: string, options?: { password?: string; inviteToken?: string }): Promise<Headers>;
  signIn(email: string, password?: string): Promise<Headers>;
  callerFor(headers: Headers): Promise<ReturnType<typeof createCaller>>;
  anonymous(): Promise<ReturnType<typeof createCaller>>;
  /** The real HTTP endpoint, called with a Request (no network needed). */
  fetchTrpc(request: Request): Promise<Response>;
  close(): Promise<void>;
}

export const defaultPassword = "correct horse battery";

function sessionHeaders(setCookie: string[]): Headers {
  const cookie = setCookie.map((c) => c.split(";")[0]).join("; ");
  return new Headers({ cookie });
}

export async function createTestApp(overrides: Record<string, string> = {}, driver: TestDriver = testDriver): Promise<TestApp> {
  const handle = await openFreshDatabase(driver);
  const dataDir = mkdtempSync(path.join(tmpdir(), "mmr-test-"));
  const env = readServerEnv({
    MMR_DATA_DIR: dataDir,
    MMR_AUTH_SECRET: randomBytes(32).toString("hex"),
    MMR_BASE_URL: "http://localhost:3000",
    MMR_MAX_BODY_BYTES: "65536",
    ...overrides,
  });
  const deps = await createAppDeps(env, handle);
  const { handleTrpcRequest } = await import("@/server/http/trpc-handler");

  const authCall = async (response: Response) => {
    if (!response.ok) throw new Error(`auth failed (${response.status}): ${await response.text()}`);
    return sessionHeaders(response.headers.getSetCookie());
  };

  return {
    deps,
    signUp: async (email, options = {}) => {
      // inviteToken rides along in the body, as the sign-up page sends it; the sign-up policy reads it.
      const body = { email, password: options.password ?? defaultPassword, name: email.split("@")[0], inviteToken: options.inviteToken };
      return authCall(await deps.auth.api.signUpEmail({ body, asResponse: true }));
    },
    signIn: async (email, password = defaultPassword) =>
      authCall(await deps.auth.api.signInEmail({ body: { email, password }, asResponse: true })),
    callerFor: async (headers) => createCaller(await createContext(deps, headers)),
    anonymous: async () => createCaller(await createContext(deps, new Headers())),
    fetchTrpc: (request) => handleTrpcRequest(deps, request),
    close: async () => {
      await deps.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
