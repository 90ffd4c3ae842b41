import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleApiRequest } from "@/server/http/api-router";
import { pipelineJobHandlers } from "@/workers/pipeline/job-kinds";
import { PipelineRunner } from "@/workers/pipeline/runner";
import { runCliProcess, type CliResult } from "./support/cli-process";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { createTestApp, type TestApp } from "./support/test-app";

const uploadLimit = 20_000;
const importResultKeys = ["datasetId", "duplicates", "imagesMissing", "missingImages", "rowsImported", "rowsSkipped", "runId", "skippedRows"];


/** Two rows that import (one with a real PNG, one whose image is missing) around a line that is not JSON. */
function jsonlWithImages(): string {
  return [
    JSON.stringify({ id: "red", question: "What colour is the square?", answer: "red", image: "images/x.png" }),
    "{ this line is not JSON",
    JSON.stringify({ id: "sum", question: "What is 2 + 2?", answer: "4", image: "images/missing.png" }),
  ].join("\n");
}

describe("mmr dataset against a real HTTP server", () => {
  let app: TestApp;
  let server: RunningHttpServer;
  let runner: PipelineRunner;
  let caller: Awaited<ReturnType<TestApp["callerFor"]>>;
  let workDir: string;
  /** Under MMR_IMPORT_ROOTS: the fixtures, read by the CLI (uploads) and by the server (--server-path). */
  let importRoot: string;
  let token: string;
  let png: Buffer;
  const project = "vision-data";

  /** The CLI as a user runs it: its own process, started from an unrelated directory, with no MMR settings but those given. */
  function runCli(args: string[]): Promise<CliResult> {
    return runCliProcess(args, { cwd: workDir, env: { HOME: path.join(workDir, "home"), MMR_SERVER: server.url, MMR_TOKEN: token } });
  }

  async function importJson(args: string[]) {
    const result = await runCli(["dataset", "import", ...args, "--project", project, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown> & { datasetId: string; runId: number };
  }

  function expectOneLineError(result: CliResult, pattern: RegExp): void {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  /** Writes files under the import root; returns the absolute path of the first. */
  function writeFixture(files: Record<string, string | Buffer>): string {
    for (const [relative, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(importRoot, relative)), { recursive: true });
      writeFileSync(path.join(importRoot, relative), content);
    }
    return path.join(importRoot, Object.keys(files)[0]);
  }

  beforeAll(async () => {
    // realpath: the server compares real paths against its roots (macOS's /tmp is a symlink).
    workDir = realpathSync(mkdtempSync(path.join(tmpdir(), "mmr-cli-datasets-")));
    importRoot = path.join(workDir, "shared");
    mkdirSync(importRoot);
    app = await createTestApp({ MMR_IMPORT_ROOTS: importRoot, MMR_MAX_UPLOAD_BYTES: String(uploadLimit) });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    // The CLI waits for its import run, so a runner works the queue meanwhile, as the worker process would.
    runner = new PipelineRunner({ deps: app.deps, handlers: pipelineJobHandlers, pollMs: 100 });
    runner.start();
    caller = await app.callerFor(await app.signUp("ada@example.com"));
    token = (await caller.tokens.createPersonal({ name: "cli datasets" })).token;
    await caller.projects.create({ name: "Vision Data" });
    png = await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 220, g: 20, b: 20 } } }).png().toBuffer();
  });

  afterAll(async () => {
    await runner?.stop();
    await server?.close();
    await app?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("lists its verbs in --help", async () => {
    const help = await runCli(["dataset", "--help"]);
    expect(help.code).toBe(0);
    for (const verb of ["list", "import"]) expect(help.stdout).toMatch(new RegExp(`^\\s+${verb}\\b`, "m"));
  });

  it("uploads a JSONL file with its images, imports it and reports the figures; the same import again adds nothing", async () => {
    const data = writeFixture({ "sft/data.jsonl": jsonlWithImages(), "sft/images/x.png": png });
    const first = await importJson([data, "--name", "SFT"]);
    expect(Object.keys(first).sort()).toEqual(importResultKeys);
    expect(first).toMatchObject({ rowsImported: 2, rowsSkipped: 1, imagesMissing: 1, duplicates: 0 });
    expect(first.skippedRows).toEqual([expect.stringMatching(/^data row 2: not valid JSON/)]);
    expect(first.missingImages).toEqual([expect.stringContaining("images/missing.png")]);

    const { datasetId } = first;
    const withImage = (await caller.samples.list({ project, datasetId, filter: { hasImage: true } })).items;
    expect(withImage).toHaveLength(1);
    const sample = await caller.samples.get({ project, datasetId, sampleId: withImage[0].id });
    expect(sample.images).toEqual([expect.objectContaining({ originalPath: "images/x.png", width: 8, height: 6 })]);
    expect(sample.images[0].sha256).toBe(createHash("sha256").update(png).digest("hex"));

    const again = await runCli(["dataset", "import", data, "--project", project, "--name", "SFT"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Imported 0 samples into "SFT", which now holds 2 samples');
    expect(again.stdout).toContain("Imported before, so nothing added from: data.");
    expect((await caller.datasets.list({ project })).find((dataset) => dataset.id === datasetId)?.sampleCount).toBe(2);
  });

  it("lists the project's datasets as JSON and as a table", async () => {
    writeFixture({ "listed/data.jsonl": jsonlWithImages() });
    const { datasetId } = await importJson([path.join(importRoot, "listed/data.jsonl"), "--name", "Listed"]);
    const json = await runCli(["dataset", "list", "--project", project, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toContainEqual(expect.objectContaining({ id: datasetId, name: "Listed", sampleCount: 2 }));
    const table = await runCli(["datasets", "list", "--project", project]);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+SAMPLES\s+CREATED$/m);
    expect(table.stdout).toMatch(new RegExp(`^${datasetId}\\s+Listed\\s+2\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$`, "m"));
  });

  it("imports a directory's data files into one dataset, and adds to an existing dataset by id", async () => {
    const folder = path.dirname(writeFixture({ "folder/a.jsonl": jsonlWithImages(), "folder/images/x.png": png }));
    writeFixture({ "folder/b.json": JSON.stringify([{ question: "How many sides has a square?", answer: "4", image_path: "images/x.png" }]) });
    const fromFolder = await importJson([folder, "--name", "Folder"]);
    expect(fromFolder).toMatchObject({ rowsImported: 3, rowsSkipped: 1, imagesMissing: 1 });
    expect((await caller.samples.count({ project, datasetId: fromFolder.datasetId, filter: { hasImage: true } })).count).toBe(2);

    const more = writeFixture({ "more.jsonl": JSON.stringify({ question: "Is the sky blue?", answer: "yes" }) });
    const added = await importJson([more, "--dataset", fromFolder.datasetId]);
    expect(added).toMatchObject({ datasetId: fromFolder.datasetId, rowsImported: 1 });
  });

  it("imports a dataset-list YAML whose entries have their own data folders", async () => {
    const list = writeFixture({
      "recipe/list.yaml": "datasets:\n  - path: ../train/one.jsonl\n    data_folder: ../pictures\n  - path: two.json\n    data_type: json\n",
      "train/one.jsonl": JSON.stringify({ question: "Colour?", answer: "red", images: ["./charts/x.png"] }),
      "pictures/charts/x.png": png,
      "recipe/two.json": JSON.stringify([
        { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "img/y.png" } }, { type: "text", text: "What is shown?" }] }, { role: "assistant", content: "A red square." }] },
      ]),
      "recipe/img/y.png": png,
    });
    const result = await importJson([list, "--name", "Recipe"]);
    expect(result).toMatchObject({ rowsImported: 2, rowsSkipped: 0, imagesMissing: 0 });
    expect((await caller.samples.count({ project, datasetId: result.datasetId, filter: { hasImage: true } })).count).toBe(2);
  });

  it("with --server-path has the server read a path under its import roots", async () => {
    const data = writeFixture({ "server/data.jsonl": jsonlWithImages(), "server/images/x.png": png });
    const result = await importJson([data, "--name", "Server side", "--server-path"]);
    expect(result).toMatchObject({ rowsImported: 2, rowsSkipped: 1, imagesMissing: 1 });
    expect((await caller.samples.count({ project, datasetId: result.datasetId, filter: { hasImage: true } })).count).toBe(1);
  });

  it("with --server-path refuses a path outside the import roots", async () => {
    const outside = path.join(workDir, "private.jsonl");
    writeFileSync(outside, jsonlWithImages());
    const refused = await runCli(["dataset", "import", outside, "--project", project, "--name", "Outside", "--server-path"]);
    expectOneLineError(refused, /^mmr: The path .*private\.jsonl is outside the import roots/);
  });

  it("names the server's limit when an upload is too large", async () => {
    const big = writeFixture({ "big.jsonl": `${JSON.stringify({ question: "x".repeat(uploadLimit), answer: "y" })}\n` });
    const refused = await runCli(["dataset", "import", big, "--project", project, "--name", "Big"]);
    expectOneLineError(refused, /Could not upload big\.jsonl: The upload is larger than the 20000-byte limit \(MMR_MAX_UPLOAD_BYTES\)\. This import sends 19\.6 KiB in 1 file\./);
  });

  it("fails with the server's reason when the import run fails", async () => {
    const truncated = writeFixture({ "truncated.json": '[{"question": "a", "answer": "b"}, {"question": "c"' });
    const failed = await runCli(["dataset", "import", truncated, "--project", project, "--name", "Truncated", "--json"]);
    expectOneLineError(failed, /^mmr: Import run \d+ failed: .*truncated\.json/);
    expect(failed.stdout).toBe("");
  });

  it("returns at once with --no-wait", async () => {
    const data = writeFixture({ "later.jsonl": JSON.stringify({ question: "Later?", answer: "yes" }) });
    const started = await runCli(["dataset", "import", data, "--project", project, "--name", "Later", "--no-wait", "--json"]);
    expect(started.code, started.stderr).toBe(0);
    const { runId, datasetId } = JSON.parse(started.stdout) as { runId: number; datasetId: string };
    expect(datasetId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await caller.runs.get({ project, runId })).kind).toBe("import");
  });

  it("asks where to import when neither --name nor --dataset is given", async () => {
    const data = path.join(importRoot, "later.jsonl");
    expectOneLineError(await runCli(["dataset", "import", data, "--project", project]), /--name NEW_NAME or --dataset ID/);
  });
});
