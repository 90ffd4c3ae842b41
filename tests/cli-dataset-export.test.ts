import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import { handleApiRequest } from "@/server/http/api-router";
import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { fixturesFolder, redSquarePngPath } from "./fixtures/datasets/write-parquet-fixtures";
import { runCliProcess, type CliResult } from "./support/cli-process";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";



interface ExportJson {
  runId: number;
  format: string;
  files: { name: string; bytes: number }[];
  imageFiles: { folders: string[]; count: number; bytes: number };
  samples: number;
  images: number;
  skipped: number;
  output: string;
}

describe("mmr dataset export against a real HTTP server", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let runner: PipelineRunner;
  let caller: Awaited<ReturnType<TestApp["callerFor"]>>;
  let workDir: string;
  /** Under MMR_IMPORT_ROOTS: exports downloaded here can be imported again with --server-path. */
  let exportsRoot: string;
  let token: string;
  let datasetId: string;
  let versionSampleCount: number;
  const project = "chart-data";

  /** The CLI as a user runs it: its own process, in its own directory, with no MMR settings but those given. */
  function runCli(args: string[]): Promise<CliResult> {
    return runCliProcess(args, { cwd: workDir, env: { HOME: path.join(workDir, "home"), MMR_SERVER: server.url, MMR_TOKEN: token } });
  }

  async function exportJson(args: string[]): Promise<ExportJson> {
    const result = await runCli(["dataset", "export", "--project", project, "--dataset", datasetId, ...args, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as ExportJson;
  }

  function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  /** Every file under `folder`, relative, with its size. */
  async function filesUnder(folder: string): Promise<Record<string, number>> {
    const names = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    const sizes: Record<string, number> = {};
    for (const entry of names) {
      const absolute = path.join(entry.parentPath, entry.name);
      sizes[path.relative(folder, absolute).split(path.sep).join("/")] = (await stat(absolute)).size;
    }
    return sizes;
  }

  beforeAll(async () => {
    // realpath: the server compares real paths against its roots (macOS's /tmp is a symlink).
    workDir = realpathSync(mkdtempSync(path.join(tmpdir(), "mmr-cli-export-")));
    exportsRoot = path.join(workDir, "exports");
    mkdirSync(exportsRoot);
    app = await createTestApp({ MMR_IMPORT_ROOTS: exportsRoot });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    // The CLI waits for its runs, so a runner works the queue meanwhile, as the worker process would.
    runner = new PipelineRunner({ deps: app.deps, handlers: pipelineJobHandlers, pollMs: 100 });
    runner.start();
    caller = await app.callerFor(await app.signUp("ada@example.com"));
    token = (await caller.tokens.createPersonal({ name: "cli export" })).token;
    await caller.projects.create({ name: "Chart Data" });

    // The fixture's rows: four import (one shows the red square, one names an image that does not exist); one is not
    // JSON and one has no question.
    const imported = await runCli(["dataset", "import", path.join(fixturesFolder, "sft_messages.jsonl"), "--project", project, "--name", "Chart QA", "--json"]);
    expect(imported.code, imported.stderr).toBe(0);
    datasetId = (JSON.parse(imported.stdout) as { datasetId: string }).datasetId;
    versionSampleCount = (await caller.datasetVersions.create({ project, datasetId, name: "first cut" })).sampleCount;
    expect(versionSampleCount).toBe(4);
  });

  afterAll(async () => {
    await runner?.stop();
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("lists export in the dataset verbs' --help", async () => {
    const help = await runCli(["dataset", "--help"]);
    expect(help.stdout).toMatch(/^\s+export\b/m);
  });

  it("exports a version as lmms-engine SFT, downloads the parquet, the list and the images, and the list imports again", async () => {
    const output = path.join(exportsRoot, "sft");
    const result = await exportJson(["--version", "1", "--format", "sft", "--output", output]);
    const redSquareSha = createHash("sha256").update(await readFile(redSquarePngPath)).digest("hex");
    const redSquareFile = `images/${redSquareSha}.png`;
    expect(result).toMatchObject({
      format: "lmms-engine-sft",
      samples: 4,
      images: 1,
      skipped: 0,
      output,
      imageFiles: { folders: ["images"], count: 1, bytes: (await stat(redSquarePngPath)).size },
    });
    expect(result.files.map((file) => file.name)).toEqual(["train.parquet", "datasets.yaml"]);

    // Byte for byte what the server wrote, images included, and nothing else (no partial downloads left).
    const local = await filesUnder(output);
    expect(local).toEqual(await filesUnder(artifactFolder(app.deps.env, result.runId)));
    expect(Object.keys(local).sort()).toEqual(["datasets.yaml", redSquareFile, "train.parquet"]);
    for (const file of result.files) expect(local[file.name]).toBe(file.bytes);
    expect(await readFile(path.join(output, redSquareFile))).toEqual(await readFile(redSquarePngPath));
    expect(parse(await readFile(path.join(output, "datasets.yaml"), "utf8"))).toEqual({
      datasets: [{ path: "train.parquet", data_folder: "images", data_type: "parquet" }],
    });

    const reimport = await runCli(["dataset", "import", path.join(output, "datasets.yaml"), "--project", project, "--name", "Chart QA again", "--server-path", "--json"]);
    expect(reimport.code, reimport.stderr).toBe(0);
    expect(JSON.parse(reimport.stdout)).toMatchObject({ rowsImported: versionSampleCount, rowsSkipped: 0, imagesMissing: 0 });
  });

  it("exports verl RL parquet into ./<dataset name>-v<N>-rl by default and prints a summary", async () => {
    const result = await runCli(["dataset", "export", "--project", project, "--dataset", datasetId, "--version", "v1", "--format", "rl"]);
    expect(result.code, result.stderr).toBe(0);
    const output = path.join(workDir, "Chart-QA-v1-rl");
    expect(result.stdout).toContain(`Exported 4 samples of "Chart QA" v1 as verl RL`);
    expect(result.stdout).toContain(`Downloaded into ${output}:`);
    expect(result.stdout).toMatch(/^ {2}train\.parquet {2}\d+(\.\d)? (bytes|KiB)$/m);
    const [{ runId }] = (await caller.datasetExports.list({ project, datasetId, limit: 1 })).items;
    expect(await filesUnder(output)).toEqual(await filesUnder(artifactFolder(app.deps.env, runId)));
    expect(Object.keys(await filesUnder(output))).toEqual(["train.parquet"]);
  });

  it("refuses a version the dataset does not have, and a non-empty output folder, before starting any export", async () => {
    const before = (await caller.datasetExports.list({ project, datasetId })).items.length;
    expectOneLineError(
      await runCli(["dataset", "export", "--project", project, "--dataset", datasetId, "--version", "7", "--format", "sft"]),
      /^mmr: Dataset "Chart QA" has no version 7 \(its versions are v1\)\.\n$/,
    );
    const occupied = path.join(workDir, "occupied");
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, "notes.txt"), "mine");
    expectOneLineError(
      await runCli(["dataset", "export", "--project", project, "--dataset", datasetId, "--version", "1", "--format", "sft", "--output", occupied]),
      /is not empty: choose another --output/,
    );
    expect((await caller.datasetExports.list({ project, datasetId })).items).toHaveLength(before);
  });

  it("with --no-wait starts the export and returns its run id without downloading", async () => {
    const result = await runCli(["dataset", "export", "--project", project, "--dataset", datasetId, "--version", "1", "--format", "rl", "--no-wait", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const { runId } = JSON.parse(result.stdout) as { runId: number };
    expect((await caller.datasetExports.list({ project, datasetId, limit: 1 })).items[0].runId).toBe(runId);
  });
});
