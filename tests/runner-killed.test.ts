import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { createProject } from "@/server/projects/projects";
import { getRun } from "@/server/runs/listing";
import { enqueueRun, expireLeases } from "@/server/runs/queue";
import { openFreshDatabase, testDriver } from "./support/test-app";

const root = path.resolve(import.meta.dirname, "..");

function startRunnerProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/runner-child.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const claimed = new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /claimed (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    child.on("exit", (code) => reject(new Error(`runner exited (${code}) before claiming`)));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  return { child, claimed, exited };
}

describe("a runner killed mid-job", () => {
  it("leaves its run lost once the lease expires", async () => {
    // PGlite allows one process at a time, so on the embedded driver the test hands the data directory over.
    const dataDir = mkdtempSync(path.join(tmpdir(), "mmr-killed-"));
    let handle: DatabaseHandle & { url?: string } =
      testDriver === "postgres" ? await openFreshDatabase() : await openDatabase({ dataDir });
    try {
      const project = await createProject(handle.db, { name: "Killed", ownerId: null });
      const run = await enqueueRun(handle.db, { projectId: project.id, kind: "hang-until-killed", name: "doomed" });
      if (testDriver === "pglite") await handle.close();

      const runner = startRunnerProcess(handle.url ? { DATABASE_URL: handle.url } : { MMR_DATA_DIR: dataDir, DATABASE_URL: "" });
      expect(await runner.claimed).toBe(run.id);
      runner.child.kill("SIGKILL");
      await runner.exited;

      if (testDriver === "pglite") handle = await openDatabase({ dataDir });
      expect((await getRun(handle.db, project.id, run.id)).state).toBe("running");
      await new Promise((r) => setTimeout(r, 1600));
      expect(await expireLeases(handle.db)).toEqual({ lost: 1, requeued: 0 });
      const lost = await getRun(handle.db, project.id, run.id);
      expect(lost.state).toBe("lost");
      expect(lost.error).toMatch(/stopped sending heartbeats/);
    } finally {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
