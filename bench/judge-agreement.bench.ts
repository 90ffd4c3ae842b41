// The Judge page's agreement matrix on the real Postgres: two judge runs of 100,000 verdicts each over one dataset
// (and a few thousand human labels), the matrix of run A against run B, against B's rule stage, and against A
// corrected by labels. The limit beside each figure is a bare count(*) over the same verdict rows, measured in the
// same run; the target is ≤ 100 ms at p95.
import { sql } from "drizzle-orm";
import { datasets, runs } from "@/db/schema";
import { openDatabase, type Database } from "@/server/db/client";
import { createProject } from "@/server/projects/projects";
import { agreementOf } from "@/server/verdicts/agreement";
import { progress, runBenchmark, type BenchRow } from "./support/bench-row";
import { createScratchDatabase } from "./support/scratch-postgres";
import { percentile } from "./support/stats";

const verdictCount = 100_000;
const labelCount = 5_000;
const rounds = 30;
const targetMs = 100;

async function seed(db: Database) {
  const project = await createProject(db, { name: "Agreement benchmark", ownerId: null });
  const [dataset] = await db.insert(datasets).values({ projectId: project.id, name: "bench" }).returning({ id: datasets.id });
  const target = { kind: "dataset" as const, datasetId: dataset.id };
  const config = { target, cascade: ["rule", "math"] };
  const [a, b] = await db
    .insert(runs)
    .values([
      { projectId: project.id, kind: "judge", name: "A", state: "succeeded", config },
      { projectId: project.id, kind: "judge", name: "B", state: "succeeded", config },
    ])
    .returning({ id: runs.id });
  // Run A matches 70% of items, run B 60%, the two overlapping so every cell is populated; 1% undecided.
  for (const [runId, modulus] of [[a.id, 10], [b.id, 5]] as const) {
    await db.execute(sql`insert into verdicts (run_id, item_kind, item_id, match, decided_by, reason, stages)
      select ${runId}, 'sample', i, case when i % 100 = 0 then null else (i % ${modulus}) < ${modulus === 10 ? 7 : 3} end, 'exact', 'bench',
        jsonb_build_array(jsonb_build_object('stage', 'rule', 'outcome', case when i % 3 = 0 then 'match' else 'no_match' end, 'reason', 'bench'))
      from generate_series(1, ${verdictCount}) i`);
  }
  await db.execute(sql`insert into verdict_labels (project_id, item_kind, item_id, correct, reason)
    select ${project.id}, 'sample', i * 17, i % 2 = 0, 'bench' from generate_series(1, ${labelCount}) i`);
  // As autovacuum would have by then: fresh statistics, and a visibility map so the matrix reads its index alone.
  await db.execute(sql`vacuum analyze verdicts`);
  await db.execute(sql`vacuum analyze verdict_labels`);
  return { projectId: project.id, target, a: a.id, b: b.id };
}

async function timeMs(work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const startedAt = performance.now();
    await work();
    times.push(performance.now() - startedAt);
  }
  return times;
}

await runBenchmark(async () => {
  const scratch = await createScratchDatabase();
  const handle = await openDatabase({ url: scratch.url });
  try {
    const { db } = handle;
    const { projectId, target, a, b } = await seed(db);
    progress(`seeded 2 × ${verdictCount.toLocaleString("en-US")} verdicts and ${labelCount.toLocaleString("en-US")} labels`);
    const check = await agreementOf(db, projectId, target, `run:${a}`, `run:${b}`);
    if (check.compared + check.cells.unparsed !== verdictCount) throw new Error(`matrix counted ${JSON.stringify(check.cells)}, expected ${verdictCount} items`);
    const bare = await timeMs(() => db.execute(sql`select count(*) from verdicts where run_id in (${a}, ${b})`));
    const limitP95 = percentile(bare, 95);
    const pairs: [string, string, string][] = [
      ["run vs run", `run:${a}`, `run:${b}`],
      ["run vs rule stage", `run:${a}`, `run:${b}:rule`],
      ["labelled run vs run", `run:${a}:labelled`, `run:${b}`],
    ];
    const rows: BenchRow[] = [
      { name: "agreement: bare count(*) of both runs' verdicts", value: percentile(bare, 50), unit: "ms p50", note: `p95 ${limitP95.toFixed(1)} ms; the limit below` },
    ];
    for (const [label, graderA, graderB] of pairs) {
      const times = await timeMs(() => agreementOf(db, projectId, target, graderA, graderB));
      const p95 = percentile(times, 95);
      rows.push({
        name: `agreement: matrix ${label} (2 × 100k verdicts)`,
        value: percentile(times, 50),
        unit: "ms p50",
        note: `p95 ${p95.toFixed(1)} ms (target ≤ ${targetMs} ms); bare count p95 ${limitP95.toFixed(1)} ms, ratio ${(p95 / limitP95).toFixed(1)}×`,
      });
    }
    return rows;
  } finally {
    await handle.close();
    await scratch.drop();
  }
});
