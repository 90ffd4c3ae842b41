import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const buildIdFile = path.join(root, ".next/BUILD_ID");

/** The app as `npm start` serves it, on a fresh embedded database in a temporary data directory. */
export interface StartedApp {
  baseURL: string;
  /** performance.now() just before the process was spawned. */
  spawnedAt: number;
  process: ChildProcess;
  /** The last lines the app printed, for error messages. */
  recentOutput(): string;
  stop(): Promise<void>;
}

const running = new Set<StartedApp>();

// The app runs in its own process group; stop it even when the benchmark is interrupted.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    for (const app of running) killGroup(app.process, "SIGKILL");
    process.exit(130);
  });
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

/** When the current build was written (0 when there is none): a change during a measurement means `npm start` rebuilt. */
export function buildTime(): number {
  return statSync(buildIdFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
}

/**
 * Spawns `node workers/web/start.mjs` (which builds first when the sources changed) with an empty data directory,
 * on PGlite unless `env` names a DATABASE_URL.
 */
export async function startApp(env: Record<string, string> = {}): Promise<StartedApp> {
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "mmr-bench-"));
  const output: string[] = [];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ["workers/web/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), MMR_DATA_DIR: dataDir, MMR_BASE_URL: baseURL, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      output.push(...chunk.split("\n").filter(Boolean));
      output.splice(0, Math.max(0, output.length - 40));
    });
  }
  const app: StartedApp = {
    baseURL,
    spawnedAt,
    process: child,
    recentOutput: () => output.join("\n"),
    stop: async () => {
      running.delete(app);
      await stopGroup(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(app);
  return app;
}

const buildWaitMs = 10 * 60_000;

/**
 * Makes sure a current build exists (`npm start` builds when the sources changed), so no measurement includes
 * a build. Another `npm start` or `next build` in this checkout may be building: Next refuses a second build
 * meanwhile, so wait for it and try again.
 */
export async function prepareBuild(): Promise<void> {
  const deadline = performance.now() + buildWaitMs;
  for (;;) {
    const app = await startApp();
    try {
      await waitForOk(app, "/sign-in");
      return;
    } catch (error) {
      const concurrentBuild = /Another next build process is already running/.test(app.recentOutput());
      if (!concurrentBuild || performance.now() > deadline) throw error;
      console.error("  · another build of this checkout is running; waiting for it");
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    } finally {
      await app.stop();
    }
  }
}

/** Polls `pathname` until it answers 200 and returns performance.now() at that moment. */
export async function waitForOk(app: StartedApp, pathname: string, timeoutMs = 300_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (app.process.exitCode !== null) {
      throw new Error(`the app exited with code ${app.process.exitCode} before serving ${pathname}:\n${app.recentOutput()}`);
    }
    const ok = await fetch(app.baseURL + pathname).then(
      async (response) => (await response.arrayBuffer(), response.status === 200),
      () => false,
    );
    if (ok) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the app did not serve ${pathname} within ${timeoutMs / 1000} s:\n${app.recentOutput()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false; // the group is gone
  }
}

// start.mjs and the `next start` it spawns share the group: wait until every member has exited,
// so the port and the PGlite data directory are free before the next sample.
async function stopGroup(child: ChildProcess): Promise<void> {
  killGroup(child, "SIGTERM");
  for (let waitedMs = 0; killGroup(child, 0); waitedMs += 50) {
    if (waitedMs === 10_000) killGroup(child, "SIGKILL");
    if (waitedMs > 15_000) return; // what is left are zombies nobody reaps; they hold no port or file
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
