import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = mkdtempSync(path.join(tmpdir(), "mmr-bad-env-"));
const badEnv = { MMR_DATA_DIR: dataDir, MMR_INIT_API_TOKEN: "not-a-token", DATABASE_URL: "postgres://postgres@127.0.0.1:5432/postgres" };

/** Runs an entry point to its end (or kills it after 60 s: a server that kept serving fails the test). */
function runToExit(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("an invalid environment stops every entry point at start", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("npm start (next start on the built app) names the variable and exits non-zero", async () => {
    const { code, output } = await runToExit(process.execPath, ["workers/web/start.mjs"], { ...badEnv, PORT: "0", DATABASE_URL: "" });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain("refuses to start");
    expect(output).toMatch(/MMR_INIT_API_TOKEN: must look like mmr_pat_/);
  });

  it("npm run worker names the variable and exits non-zero", async () => {
    const { code, output } = await runToExit("npm", ["run", "--silent", "worker"], badEnv);
    expect(code).toBe(1);
    expect(output).toContain("The pipeline worker refuses to start");
    expect(output).toMatch(/MMR_INIT_API_TOKEN: must look like mmr_pat_/);
  });

  it("names every wrong variable at once", async () => {
    const { code, output } = await runToExit("npm", ["run", "--silent", "worker"], { ...badEnv, MMR_MAX_BODY_BYTES: "lots" });
    expect(code).toBe(1);
    expect(output).toMatch(/MMR_MAX_BODY_BYTES: /);
    expect(output).toMatch(/MMR_INIT_API_TOKEN: /);
  });
});
