// A pipeline runner in its own process, for tests that kill it mid-job. Prints "claimed <runId>" once executing.
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { BlobStore } from "@/server/blobs/blob-store";
import { openDatabase } from "@/server/db/client";
import { readServerEnv } from "@/server/env";
import { defineJobHandler } from "@/server/runs/job-handler";
import { RunSecrets } from "@/server/runs/run-secrets";
import { PipelineRunner } from "@/workers/pipeline/runner";

const handle = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.MMR_DATA_DIR });
const hangUntilKilled = defineJobHandler({
  kind: "hang-until-killed",
  configSchema: z.object({}),
  execute: ({}, { run }) => {
    console.log(`claimed ${run.id}`);
    return new Promise(() => {});
  },
});
const runner = new PipelineRunner({
  deps: { db: handle.db, blobs: new BlobStore(path.join(tmpdir(), "mmr-runner-child-blobs")), env: readServerEnv({}), secrets: new RunSecrets("runner-child-secret-of-thirty-two-chars!") },
  handlers: [hangUntilKilled],
  leaseMs: Number(process.env.LEASE_MS ?? 1500),
});
await runner.runOnce();
