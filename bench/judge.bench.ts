// The judge pipeline's own overhead: a `judge` job (cascade: llm only) over 100,000 dataset samples on the real
// Postgres, against the local OpenAI-compatible server in another process answering with no added latency, at
// concurrency 64. Beside it, the limit measured in the same run: the same `openai` client sending the same kind of
// requests to the same server at the same concurrency, with no pipeline around it. Heap is sampled as the job goes.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import OpenAI from "openai";
import { runs, user, verdicts } from "@/db/schema";
import { startImport } from "@/server/datasets/start-import";
import { openDatabase } from "@/server/db/client";
import { createAppDeps } from "@/server/deps";
import { createEndpoint } from "@/server/endpoints/endpoints";
import { readServerEnv } from "@/server/env";
import { createProject } from "@/server/projects/projects";
import { startJudgeRun } from "@/server/verdicts/start-judge";
import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { createScratchDatabase } from "./support/scratch-postgres";

const itemCount = Number(process.env.MMR_BENCH_JUDGE_ITEMS ?? 100_000);
const concurrency = 64;
const floorRequests = 20_000;
const targetPerSecond = 1_000;

async function startJudgeServer(): Promise<{ baseUrl: string; stop(): void }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "support/fake-judge-process.ts")], { stdio: ["ignore", "pipe", "inherit"] });
  const [baseUrl] = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next().then((line) => [line.value as string]);
  return { baseUrl, stop: () => child.kill("SIGTERM") };
}

function writeAnswers(file: string): void {
  const lines = Array.from({ length: itemCount }, (_, i) =>
    JSON.stringify({ id: `q${i}`, problem: `Question ${i}: how many objects are in the picture?`, answer: String(i % 9), response: `<think>Counting them one by one.</think><answer>${i % 7}</answer>` }),
  );
  writeFileSync(file, lines.join("\n") + "\n");
}

/** The same client, the same requests, no pipeline: what the server and the client allow on this machine. */
async function clientFloor(baseUrl: string): Promise<number> {
  const client = new OpenAI({ baseURL: baseUrl, apiKey: "bench", maxRetries: 0 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < floorRequests) {
        const i = next++;
        await client.chat.completions.create({ model: "judge", messages: [{ role: "user", content: `Question ${i}: grade the answer ${i % 7} against ${i % 9}.` }], max_tokens: 4 });
      }
    }),
  );
  return floorRequests / ((performance.now() - started) / 1000);
}

await runBenchmark(async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "mmr-bench-judge-"));
  const scratch = await createScratchDatabase();
  const server = await startJudgeServer();
  const deps = await createAppDeps(
    readServerEnv({ MMR_DATA_DIR: folder, MMR_IMPORT_ROOTS: folder, MMR_AUTH_SECRET: "bench-secret-bench-secret-bench-secret" }),
    await openDatabase({ url: scratch.url }),
  );
  try {
    progress(`importing ${itemCount.toLocaleString("en")} answers`);
    const file = path.join(folder, "answers.jsonl");
    writeAnswers(file);
    await deps.db.insert(user).values({ id: "bench", name: "bench", email: "bench@example.com" });
    const project = await createProject(deps.db, { name: "Bench", ownerId: "bench" });
    const { datasetId } = await startImport(deps, { projectId: project.id, target: { newDatasetName: "answers" }, location: { kind: "server-path", path: file }, createdBy: "bench" });
    const runner = new PipelineRunner({ deps, handlers: pipelineJobHandlers });
    await runner.runOnce();

    progress(`the client alone: ${floorRequests.toLocaleString("en")} requests at concurrency ${concurrency}`);
    const floor = await clientFloor(server.baseUrl);

    await createEndpoint(deps, { projectId: project.id, settings: { name: "judge", baseUrl: server.baseUrl, model: "judge", concurrency }, createdBy: "bench" });
    const judgeRun = await startJudgeRun(deps.db, { projectId: project.id, target: { kind: "dataset", datasetId }, cascade: ["llm"], endpoint: "judge", createdBy: "bench" });
    progress("judging");
    global.gc?.();
    const heapSamples: number[] = [];
    const sampler = setInterval(() => heapSamples.push(process.memoryUsage().heapUsed), 250);
    const started = performance.now();
    await runner.runOnce();
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

    const [run] = await deps.db.select().from(runs).where(eq(runs.id, judgeRun.id));
    const stored = await deps.db.$count(verdicts, eq(verdicts.runId, judgeRun.id));
    if (run.state !== "succeeded" || stored !== itemCount) throw new Error(`the judge job ended ${run.state} with ${stored} of ${itemCount} verdicts: ${run.error ?? ""}`);
    const perSecond = itemCount / seconds;
    const tenth = Math.max(1, Math.floor(heapSamples.length / 10));
    const early = Math.max(...heapSamples.slice(0, tenth * 2));
    const late = Math.max(...heapSamples.slice(-tenth * 2));
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

    const rows: BenchRow[] = [
      { name: "judge: verdicts through the pipeline (llm stage)", value: Math.round(perSecond), unit: "verdicts/s", note: `${itemCount.toLocaleString("en")} stored, none lost, concurrency ${concurrency}; target ≥ ${targetPerSecond.toLocaleString("en")}; ${(perSecond / floor).toFixed(2)} of the client alone` },
      { name: "judge: the openai client alone, same server (limit)", value: Math.round(floor), unit: "requests/s", note: `${floorRequests.toLocaleString("en")} requests at concurrency ${concurrency}, no pipeline` },
      { name: "judge: heap, peak of the first fifth of the job", value: mb(early), unit: "MB", note: `${heapSamples.length} samples every 250 ms` },
      { name: "judge: heap, peak of the last fifth of the job", value: mb(late), unit: "MB", note: `${(late / early).toFixed(2)}× the first fifth (flat ≈ 1)` },
    ];
    return rows;
  } finally {
    server.stop();
    await deps.close();
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
