// Datasets at a million samples on the real Postgres: import rate of a generated verl parquet (1% with images), then
// the latency of the pages the dataset browser asks for: the first page, a filtered full-text page, a deep keyset page.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { user } from "@/db/schema";
import { countSamples, listSamples, type SampleCursor } from "@/server/datasets/browse";
import { startImport } from "@/server/datasets/start-import";
import { openDatabase } from "@/server/db/client";
import { rowsOf } from "@/server/db/raw-rows";
import { createAppDeps } from "@/server/deps";
import { readServerEnv } from "@/server/env";
import { createProject } from "@/server/projects/projects";
import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { writeBenchmarkParquet } from "./support/dataset-file";
import { createScratchDatabase } from "./support/scratch-postgres";
import { percentile } from "./support/stats";

const rows = Number(process.env.MMR_BENCH_DATASET_ROWS ?? 1_000_000);
const repetitions = 30;

async function latencies(measure: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await measure();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    await measure();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

await runBenchmark(async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "mmr-bench-datasets-"));
  const scratch = await createScratchDatabase();
  const handle = await openDatabase({ url: scratch.url });
  const deps = await createAppDeps(
    readServerEnv({ MMR_DATA_DIR: folder, MMR_IMPORT_ROOTS: folder, MMR_AUTH_SECRET: "bench-secret-bench-secret-bench-secret" }),
    handle,
  );
  try {
    const file = path.join(folder, "bench.parquet");
    progress(`writing a ${rows.toLocaleString("en")}-row parquet`);
    await writeBenchmarkParquet(file, rows);
    await deps.db.insert(user).values({ id: "bench", name: "bench", email: "bench@example.com" });
    const project = await createProject(deps.db, { name: "Bench", ownerId: "bench" });

    progress("importing into Postgres");
    const started = performance.now();
    const { datasetId, runId } = await startImport(deps, {
      projectId: project.id,
      target: { newDatasetName: "bench" },
      location: { kind: "server-path", path: file },
      createdBy: "bench",
    });
    await new PipelineRunner({ deps, handlers: pipelineJobHandlers }).runOnce();
    const importSeconds = (performance.now() - started) / 1000;
    const [run] = rowsOf<{ state: string; result: { rowsImported: number } | null }>(await deps.db.execute(sql`select state, result from runs where id = ${runId}`));
    if (run.state !== "succeeded" || run.result?.rowsImported !== rows) throw new Error(`import ended ${run.state} with ${run.result?.rowsImported} rows`);
    await deps.db.execute(sql`analyze samples`);

    progress("measuring pages");
    const first = await latencies(() => listSamples(deps.db, datasetId, { filter: {}, sort: "id", limit: 100 }));
    const filtered = await latencies(() =>
      listSamples(deps.db, datasetId, { filter: { hasImage: false, answerKinds: ["number"], search: "triangle justify" }, sort: "id", limit: 100 }),
    );
    const deepCursor: SampleCursor = { id: (await listSamples(deps.db, datasetId, { filter: {}, sort: "-id", limit: Math.floor(rows / 10) })).items.at(-1)!.id };
    const deep = await latencies(() => listSamples(deps.db, datasetId, { filter: {}, sort: "id", cursor: deepCursor, limit: 100 }));
    const count = await latencies(() => countSamples(deps.db, datasetId, { search: "triangle" }));
    const byTraceLength = await latencies(() => listSamples(deps.db, datasetId, { filter: {}, sort: "-traceLength", limit: 100 }));

    const millions = `${(rows / 1e6).toLocaleString("en")}M rows`;
    const table: BenchRow[] = [
      { name: "datasets: import verl parquet (1% images)", value: Math.round(rows / importSeconds), unit: "rows/s", note: `${millions} in ${importSeconds.toFixed(1)} s; target ≥ 20,000` },
      { name: "datasets: first page p50", value: +first.p50.toFixed(1), unit: "ms", note: "100 rows, keyset" },
      { name: "datasets: first page p95", value: +first.p95.toFixed(1), unit: "ms", note: "target ≤ 50" },
      { name: "datasets: filtered full-text page p50", value: +filtered.p50.toFixed(1), unit: "ms", note: "no image, number answers, 'triangle justify'" },
      { name: "datasets: filtered full-text page p95", value: +filtered.p95.toFixed(1), unit: "ms", note: "target ≤ 200" },
      { name: "datasets: deep page p50", value: +deep.p50.toFixed(1), unit: "ms", note: `cursor at row ${deepCursor.id.toLocaleString("en")}` },
      { name: "datasets: deep page p95", value: +deep.p95.toFixed(1), unit: "ms", note: `vs first page p95 ${first.p95.toFixed(1)} ms` },
      { name: "datasets: page sorted by trace length p95", value: +byTraceLength.p95.toFixed(1), unit: "ms", note: "longest first" },
      { name: "datasets: filtered count p95", value: +count.p95.toFixed(1), unit: "ms", note: "estimated above 100k matches" },
    ];
    return table;
  } finally {
    await deps.close();
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
