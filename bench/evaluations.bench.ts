// Evaluation import at scale: an lmms-eval output with a 10,000-sample samples file imported through the
// eval-import service on Postgres and on PGlite (target: under 5 s).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { user } from "@/db/schema";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";
import { importLmmsEvalOutput } from "@/server/evaluations/import-lmms-eval";
import { createProject } from "@/server/projects/projects";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { createScratchDatabase } from "./support/scratch-postgres";

const sampleCount = 10_000;
const task = "mathvista_testmini_cot_reward";

/** lmms-eval's layout: `<model>/<date>_results.json` and `<date>_samples_<task>.jsonl`, text of realistic length. */
function writeEvalOutput(folder: string): void {
  const modelFolder = path.join(folder, "bench__model-7b");
  mkdirSync(modelFolder, { recursive: true });
  const results = {
    results: { [task]: { alias: task, "acc_score,none": 0.7, "acc_score_stderr,none": "N/A" } },
    "n-samples": { [task]: { original: sampleCount, effective: sampleCount } },
    config: { model: "qwen2_5_vl", model_args: "pretrained=bench/model-7b" },
    model_name: "bench/model-7b",
    git_hash: "v0.6-1-gabcdef0",
    date: "20251120_120000",
  };
  writeFileSync(path.join(modelFolder, "20251120_120000_results.json"), JSON.stringify(results));
  const lines = Array.from({ length: sampleCount }, (_, i) =>
    JSON.stringify({
      doc_id: i,
      target: String(i % 5),
      filtered_resps: [`<think>${"Reading the chart and comparing the bars carefully. ".repeat(12)}</think><answer>${i % 7}</answer>`],
      doc_hash: `h${i}`,
      acc_score: i % 7 === i % 5 ? 1 : 0,
      input: `Question ${i}: ${"Which bar is the tallest in the figure, and by how much? ".repeat(4)}`,
    }),
  );
  writeFileSync(path.join(modelFolder, `20251120_120000_samples_${task}.jsonl`), lines.join("\n") + "\n");
}

async function timeImport(handle: DatabaseHandle, folder: string): Promise<number> {
  await handle.db.insert(user).values({ id: "bench", name: "bench", email: "bench@example.com" });
  const project = await createProject(handle.db, { name: "Bench", ownerId: "bench" });
  const started = performance.now();
  const result = await importLmmsEvalOutput(handle.db, folder, { projectId: project.id, importedBy: "bench" });
  const seconds = (performance.now() - started) / 1000;
  if (result.evaluations[0]?.samples[task] !== sampleCount) throw new Error(`imported ${JSON.stringify(result.evaluations[0]?.samples)}`);
  return seconds;
}

await runBenchmark(async () => {
  const folder = mkdtempSync(path.join(tmpdir(), "mmr-bench-evals-"));
  const scratch = await createScratchDatabase();
  const rows: BenchRow[] = [];
  try {
    writeEvalOutput(path.join(folder, "output"));
    progress("importing into Postgres");
    const postgres = await openDatabase({ url: scratch.url });
    const onPostgres = await timeImport(postgres, path.join(folder, "output")).finally(() => postgres.close());
    progress("importing into PGlite");
    const pglite = await openDatabase({ dataDir: path.join(folder, "pglite") });
    const onPglite = await timeImport(pglite, path.join(folder, "output")).finally(() => pglite.close());
    rows.push(
      { name: "evaluations: import 10,000-sample file (Postgres)", value: +onPostgres.toFixed(2), unit: "s", note: "results + samples; target < 5 s" },
      { name: "evaluations: import 10,000-sample file (PGlite)", value: +onPglite.toFixed(2), unit: "s", note: `${(onPglite / onPostgres).toFixed(1)}× the Postgres time` },
    );
    return rows;
  } finally {
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  }
});
