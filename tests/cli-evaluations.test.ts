import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploads } from "@/db/schema";
import { uploadFolder } from "@/server/datasets/import-location";
import { handleApiRequest } from "@/server/http/api-router";
import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { runCliProcess, type CliResult } from "./support/cli-process";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

const fixture = path.resolve(import.meta.dirname, "fixtures/lmms-eval/outputs/acme__vl-7b-rl");
const resultsFile = "20250314_091502_results.json";


interface ImportJson {
  runId: number;
  evaluations: { evaluationId: string; model: string; tasks: string[]; scores: number; samples: Record<string, number>; skippedLines: string[]; replaced: boolean }[];
  unpairedSamples: string[];
}

/** A paper's table in the import-table CSV shape: two catalogued benchmarks, a † on one cell, an empty cell. */
const paperCsv = ["model,sft_data,rl_data,mathvista_testmini,mmmu_val,my_probe", "Base-7B,,,68.2,50.1,", "Ours-7B,874k,74k,72.5†,55.0,12.5", "Other-7B,,,70.0,,3.0"].join("\n");

describe("mmr eval and mmr leaderboard against a real HTTP server", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let runner: PipelineRunner;
  let caller: Awaited<ReturnType<TestApp["callerFor"]>>;
  let workDir: string;
  /** Under MMR_IMPORT_ROOTS: read by the CLI (uploads) and by the server (--server-path). */
  let importRoot: string;
  let token: string;
  const project = "evals";

  /** The CLI as a user runs it: its own process, started from an unrelated directory, with no MMR settings but those given. */
  function runCli(args: string[]): Promise<CliResult> {
    return runCliProcess(args, { cwd: workDir, env: { HOME: path.join(workDir, "home"), MMR_SERVER: server.url, MMR_TOKEN: token } });
  }

  async function succeeds(args: string[]): Promise<string> {
    const result = await runCli([...args, "--project", project]);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  }

  async function importJson(args: string[]): Promise<ImportJson> {
    return JSON.parse(await succeeds(["eval", "import", ...args, "--json"])) as ImportJson;
  }

  function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  /** A copy of the lmms-eval fixture at `relative` under the import root, with `edit` applied to its results file. */
  function copyOutput(relative: string, edit: (results: string) => string = (results) => results): string {
    const folder = path.join(importRoot, relative);
    cpSync(fixture, folder, { recursive: true });
    const results = path.join(folder, resultsFile);
    writeFileSync(results, edit(readFileSync(results, "utf8")));
    return folder;
  }

  beforeAll(async () => {
    // realpath: the server compares real paths against its roots (macOS's /tmp is a symlink).
    workDir = realpathSync(mkdtempSync(path.join(tmpdir(), "mmr-cli-evaluations-")));
    importRoot = path.join(workDir, "shared");
    mkdirSync(importRoot);
    app = await createTestApp({ MMR_IMPORT_ROOTS: importRoot });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    // The CLI waits for its import run, so a runner works the queue meanwhile, as the worker process would.
    runner = new PipelineRunner({ deps: app.deps, handlers: pipelineJobHandlers, pollMs: 100 });
    runner.start();
    caller = await app.callerFor(await app.signUp("ada@example.com"));
    token = (await caller.tokens.createPersonal({ name: "cli evaluations" })).token;
    await caller.projects.create({ name: "Evals" });
  });

  afterAll(async () => {
    await runner?.stop();
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("lists its verbs in --help", async () => {
    const top = await runCli(["--help"]);
    for (const group of ["eval", "leaderboard"]) expect(top.stdout).toMatch(new RegExp(`^\\s+${group}\\b`, "m"));
    const evalHelp = await runCli(["eval", "--help"]);
    for (const verb of ["import", "import-table", "list"]) expect(evalHelp.stdout).toMatch(new RegExp(`^\\s+${verb}\\b`, "m"));
    expect((await runCli(["leaderboard", "--help"])).stdout).toMatch(/^\s+export\b/m);
  });

  it("uploads the results and samples files of an output folder, keeping their paths, and reports what was imported", async () => {
    const outputs = path.join(importRoot, "outputs");
    copyOutput("outputs/run-1/acme__vl-7b-rl");
    writeFileSync(path.join(outputs, "run-1/acme__vl-7b-rl/rank0.log"), "not an lmms-eval output");

    const imported = await importJson([outputs]);
    expect(imported).toEqual({
      runId: expect.any(Number),
      evaluations: [
        {
          evaluationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          model: "acme/vl-7b-rl",
          tasks: ["mathvista_testmini", "mmmu_val", "charxiv", "charxiv_reasoning"],
          scores: 9,
          samples: { mathvista_testmini: 2, mmmu_val: 3 },
          skippedLines: [
            "20250314_091502_samples_mmmu_val.jsonl line 3: not valid JSON",
            "20250314_091502_samples_mmmu_val.jsonl line 4: not a JSON object",
            "20250314_091502_samples_mmmu_val.jsonl line 6: doc_id missing or not a number or string",
          ],
          replaced: false,
        },
      ],
      unpairedSamples: ["20250313_230000_samples_mmmu_val.jsonl"],
    });

    const run = await caller.runs.get({ project, runId: imported.runId });
    const { location } = run.config as { location: { kind: string; uploadId: string; file: string } };
    expect(location).toMatchObject({ kind: "upload", file: "outputs" });
    // The upload held the files at their relative paths (the samples paired with their results file) and went once imported.
    expect(existsSync(uploadFolder(app.deps.env, location.uploadId))).toBe(false);
  });

  it("refuses the same results file again, naming it, and replaces it with --replace", async () => {
    const outputs = path.join(importRoot, "outputs");
    const again = await runCli(["eval", "import", outputs, "--project", project]);
    expectOneLineError(again, new RegExp(`^mmr: Import run \\d+ failed: ${resultsFile} was imported before \\(evaluation [0-9a-f-]{36}\\); import it again with replace`));

    const replaced = await importJson([outputs, "--replace"]);
    expect(replaced.evaluations).toEqual([expect.objectContaining({ model: "acme/vl-7b-rl", replaced: true })]);
    expect(await caller.evaluations.list({ project })).toHaveLength(1);
  });

  it("names the model with --model and prints a summary without --json", async () => {
    const folder = copyOutput("second/acme__vl-7b-rl", (results) => results.replace('"mmmu_acc,none": 0.523', '"mmmu_acc,none": 0.5'));
    const summary = await succeeds(["eval", "import", folder, "--model", "acme/vl-7b-rl-v2"]);
    expect(summary).toMatch(/^Imported 1 evaluation \(run \d+\):$/m);
    expect(summary).toContain("  acme/vl-7b-rl-v2: 9 scores over 4 tasks (mathvista_testmini, mmmu_val, charxiv, charxiv_reasoning); samples: mathvista_testmini 2, mmmu_val 3.");
    expect(summary).toContain("    sample lines skipped:\n      20250314_091502_samples_mmmu_val.jsonl line 3: not valid JSON\n");
    expect(summary).toContain("Not imported, no results file of the same date beside them: 20250313_230000_samples_mmmu_val.jsonl.");
  });

  it("with --server-path has the server read the folder, and with --no-wait returns the run at once", async () => {
    const folder = copyOutput("server-side/acme__vl-7b-rl", (results) => results.replace('"mmmu_acc,none": 0.523', '"mmmu_acc,none": 0.51'));
    const started = JSON.parse(await succeeds(["eval", "import", folder, "--server-path", "--model", "acme/vl-7b-sft", "--no-wait", "--json"])) as { runId: number };
    expect(Object.keys(started)).toEqual(["runId"]);
    const run = await caller.runs.get({ project, runId: started.runId });
    expect(run).toMatchObject({ kind: "eval-import", config: { location: { kind: "server-path", path: folder } } });
    await expect.poll(async () => (await caller.runs.get({ project, runId: started.runId })).state, { timeout: 30_000 }).toBe("succeeded");
  });

  it("refuses a folder with no results file before uploading anything", async () => {
    const folder = path.join(workDir, "only-samples");
    mkdirSync(folder);
    cpSync(path.join(fixture, "20250313_230000_samples_mmmu_val.jsonl"), path.join(folder, "20250313_230000_samples_mmmu_val.jsonl"));
    const uploadsBefore = (await app.deps.db.select().from(uploads)).length;
    expectOneLineError(await runCli(["eval", "import", folder, "--project", project]), /^mmr: .*only-samples holds no lmms-eval results file \(<date>_results\.json\)/);
    expect(await app.deps.db.select().from(uploads)).toHaveLength(uploadsBefore);
  });

  it("lists the evaluations with their tasks, metric values and sample counts, as JSON and as a table", async () => {
    const listed = JSON.parse(await succeeds(["eval", "list", "--json"])) as {
      model: string;
      format: string;
      tasks: string[];
      scores: { task: string; metric: string; filter: string; value: number | null }[];
      samples: Record<string, number>;
    }[];
    expect(listed.map((evaluation) => evaluation.model).sort()).toEqual(["acme/vl-7b-rl", "acme/vl-7b-rl-v2", "acme/vl-7b-sft"]);
    const first = listed.find((evaluation) => evaluation.model === "acme/vl-7b-rl")!;
    expect(first).toMatchObject({ format: "lmms-eval", dateId: "20250314_091502", tasks: ["charxiv", "charxiv_reasoning", "mathvista_testmini", "mmmu_val"] });
    expect(first.samples).toEqual({ mathvista_testmini: 2, mmmu_val: 3 });
    expect(first.scores).toContainEqual(expect.objectContaining({ task: "mmmu_val", metric: "mmmu_acc", filter: "none", value: 0.523 }));

    const table = await succeeds(["eval", "list"]);
    expect(table).toMatch(/^MODEL\s+DATE\s+SOURCE\s+TASK\s+METRIC\s+SCORE %\s+SAMPLES$/m);
    expect(table).toMatch(/^acme\/vl-7b-rl\s+2025-03-14 09:15\s+lmms-eval\s+mmmu_val\s+mmmu_acc\s+52\.3\s+3$/m);
    expect(table).toMatch(/^acme\/vl-7b-rl-v2\s+2025-03-14 09:15\s+lmms-eval\s+mmmu_val\s+mmmu_acc\s+50\.0\s+3$/m);
  });

  it("imports a paper's table, and refuses a cell that is not a number, naming its row and column", async () => {
    writeFileSync(path.join(workDir, "paper.csv"), paperCsv);
    const imported = JSON.parse(await succeeds(["eval", "import-table", "paper.csv", "--source", "Some paper", "--json"]));
    expect(imported).toEqual({ models: 3, uncatalogued: ["my_probe"] });
    const board = await caller.leaderboard.get({ project });
    expect(board.rows.find((row) => row.model.name === "Ours-7B")?.cells.mathvista_testmini).toMatchObject({ value: 0.725, reproduced: true });

    writeFileSync(path.join(workDir, "bad.csv"), "model,mmmu_val\nX,55.0\nY,abc\n");
    const refused = await runCli(["eval", "import-table", "bad.csv", "--project", project, "--source", "Bad paper"]);
    expectOneLineError(refused, /^mmr: bad\.csv row 3, column mmmu_val: "abc" is not a number\.$/m);
  });

  it("exports the leaderboard as LaTeX with the best per column bold, as Markdown against a baseline, and to a file", async () => {
    const latex = await succeeds(["leaderboard", "export", "--format", "latex"]);
    expect(latex).toContain("\\toprule");
    expect(latex).toContain("Model & MathVista testmini & MMMU val \\\\");
    expect(latex).toContain("Ours-7B & \\textbf{72.5}$^\\dagger$ & \\textbf{55.0} \\\\");
    expect(latex).toContain("Other-7B & 70.0 & -- \\\\");

    const markdown = await succeeds(["leaderboard", "export", "--format", "md", "--columns", "mmmu_val,mathvista_testmini", "--average", "mathvista_testmini,mmmu_val", "--baseline", "Base-7B"]);
    expect(markdown).toContain("| Model | MMMU val | MathVista testmini | Avg |");
    expect(markdown).toContain("| Ours-7B | **55.0** (+4.9) | **72.5†** (+4.3) | 63.8 |");

    const output = path.join(workDir, "board.csv");
    expect(await succeeds(["leaderboard", "export", "--format", "csv", "--output", output])).toBe(`Wrote the csv table to ${output}.\n`);
    expect(readFileSync(output, "utf8")).toContain("Ours-7B,874k,74k,72.5†,55.0\n");
  });

  it("refuses an unknown baseline model or benchmark key, and a format it does not know", async () => {
    expectOneLineError(await runCli(["leaderboard", "export", "--project", project, "--format", "md", "--baseline", "Nobody"]), /^mmr: No model named "Nobody" on this leaderboard\.$/m);
    expectOneLineError(
      await runCli(["leaderboard", "export", "--project", project, "--format", "csv", "--columns", "mmmu_val,mathvista"]),
      /^mmr: --columns: no benchmark "mathvista" in this project; its keys are mathvista_testmini, /m,
    );
    expectOneLineError(await runCli(["leaderboard", "export", "--project", project, "--format", "html"]), /argument 'html' is invalid\. Allowed choices are csv, md, latex\./);
  });

  it("records with --checkpoint the training run whose checkpoint was evaluated, and refuses a run that does not exist", async () => {
    const training = await caller.runs.launch({ project, kind: "rl", name: "gspo", launch: { executor: "local", command: "true", env: {}, files: [], collect: [] } });
    const folder = copyOutput("checkpoint/acme__vl-7b-rl", (results) => results.replace('"mmmu_acc,none": 0.523', '"mmmu_acc,none": 0.49'));
    await succeeds(["eval", "import", folder, "--model", "acme/vl-7b-gspo", "--checkpoint", String(training.id)]);
    const model = (await caller.evaluations.models({ project })).find((m) => m.name === "acme/vl-7b-gspo");
    expect(model?.lineage).toEqual({ trainingRuns: [training.id] });
    expectOneLineError(await runCli(["eval", "import", folder, "--project", project, "--checkpoint", "999999"]), /Run 999999 does not exist in this project/);
    expectOneLineError(await runCli(["eval", "import", folder, "--project", project, "--checkpoint", "abc"]), /a run number such as 12/);
  });
});
