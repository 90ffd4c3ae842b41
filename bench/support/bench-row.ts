import { writeFileSync } from "node:fs";
import { formatTable } from "./table";

/** One line of the benchmark table. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** bench/run-all.ts sets this to the file a benchmark script writes its rows to (keeps stdout free for logs). */
export const rowsFileVariable = "MMR_BENCH_ROWS_FILE";

/**
 * The body of every `bench/*.bench.ts` script: measures, then hands the rows to bench/run-all.ts,
 * or prints them as a table when the script is run on its own.
 */
export async function runBenchmark(measure: () => Promise<BenchRow[]>): Promise<void> {
  const rows = await measure();
  const rowsFile = process.env[rowsFileVariable];
  if (rowsFile) writeFileSync(rowsFile, JSON.stringify(rows));
  else console.log(formatTable(rows));
}

/** Progress lines go to stderr so they never mix with the table. */
export function progress(message: string): void {
  console.error(`  · ${message}`);
}
