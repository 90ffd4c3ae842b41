import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createFreshPostgresDatabase } from "../../tests/support/test-app";
import { chromiumPath } from "./browser";

const root = path.resolve(import.meta.dirname, "../..");

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

async function waitUntilServing(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode} before serving`);
    const ok = await fetch(`${url}/sign-in`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not serve ${url} within ${timeoutMs / 1000}s`);
}

/** Serves the real built app (`npm start`: builds when needed) on a fresh embedded database for the browser tests. */
export default async function setup(project: TestProject) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}. Install it with: apt-get install -y chromium`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "mmr-e2e-"));
  // With DATABASE_URL set, the app under test runs on a fresh database of that Postgres server; else on PGlite.
  const postgres = process.env.DATABASE_URL ? await createFreshPostgresDatabase() : null;
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const server = spawn(process.execPath, ["workers/web/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), MMR_DATA_DIR: dataDir, MMR_BASE_URL: baseURL, DATABASE_URL: postgres?.url ?? "" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  await waitUntilServing(baseURL, server, 240_000);
  project.provide("baseURL", baseURL);

  return async () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => server.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
    await postgres?.drop();
  };
}
