// `npm run bench [-- word ...]`: runs every bench/*.bench.ts (or those whose file name contains one of the
// words), each in its own process so a crash or a leak in one cannot skew the others, then prints one table
// and writes the rows to bench/results/latest.json.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { rowsFileVariable, type BenchRow } from "./support/bench-row";
import { formatTable } from "./support/table";

const benchDir = import.meta.dirname;
const root = path.resolve(benchDir, "..");
const timeoutMs = 20 * 60_000;

interface ScriptOutcome {
  script: string;
  seconds: number;
  rows: BenchRow[];
  error?: string;
}

function selectedScripts(words: string[]): string[] {
  const all = readdirSync(benchDir).filter((file) => file.endsWith(".bench.ts")).sort();
  return words.length === 0 ? all : all.filter((file) => words.some((word) => file.includes(word)));
}

async function runScript(script: string): Promise<ScriptOutcome> {
  const scratch = mkdtempSync(path.join(tmpdir(), "mmr-bench-rows-"));
  const rowsFile = path.join(scratch, "rows.json");
  const startedAt = performance.now();
  // Same loader and conditions as `npm run bench` itself: server modules import "server-only".
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(benchDir, script)], {
    cwd: root,
    env: { ...process.env, [rowsFileVariable]: rowsFile },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const timer = setTimeout(() => child.kill("SIGTERM"), timeoutMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  clearTimeout(timer);
  const seconds = (performance.now() - startedAt) / 1000;
  try {
    if (exitCode !== 0) return { script, seconds, rows: [], error: `exited with ${exitCode ?? "a signal (timed out?)"}` };
    return { script, seconds, rows: JSON.parse(readFileSync(rowsFile, "utf8")) as BenchRow[] };
  } catch (error) {
    return { script, seconds, rows: [], error: `reported no rows: ${(error as Error).message}` };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function currentCommit(): string {
  return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
}

const scripts = selectedScripts(process.argv.slice(2));
if (scripts.length === 0) throw new Error(`no bench/*.bench.ts matches ${process.argv.slice(2).join(" ")}`);

// Other work on the machine skews every figure: the load average goes along with them.
const loadAtStart = loadavg()[0];
const outcomes: ScriptOutcome[] = [];
for (const script of scripts) {
  console.error(`▶ ${script}`);
  const outcome = await runScript(script);
  console.error(`${outcome.error ? "✗" : "✓"} ${script} in ${outcome.seconds.toFixed(1)} s${outcome.error ? `: ${outcome.error}` : ""}`);
  outcomes.push(outcome);
}

// A failed script keeps a line in the table, so a missing figure is never mistaken for a finished run.
const rows: (BenchRow & { script: string })[] = outcomes.flatMap(({ script, rows, error }) =>
  error ? [{ script, name: `${script} FAILED`, value: NaN, unit: "", note: error }] : rows.map((row) => ({ script, ...row })),
);
const machine = { cpus: availableParallelism(), loadAverageAtStart: loadAtStart, loadAverageAtEnd: loadavg()[0] };
const resultsDir = path.join(benchDir, "results");
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  path.join(resultsDir, "latest.json"),
  JSON.stringify(
    {
      finishedAt: new Date().toISOString(),
      commit: currentCommit(),
      machine,
      scripts: outcomes.map(({ script, seconds, error }) => ({ script, seconds: Number(seconds.toFixed(1)), error })),
      rows,
    },
    null,
    2,
  ) + "\n",
);
console.log(`\n${formatTable(rows)}\n`);
console.log(
  `${machine.cpus} CPUs; 1-minute load average ${machine.loadAverageAtStart.toFixed(1)} at the start, ${machine.loadAverageAtEnd.toFixed(1)} at the end.`,
);
if (outcomes.some((outcome) => outcome.error)) process.exitCode = 1;
