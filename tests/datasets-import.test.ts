import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { runs, samples } from "@/db/schema";
import { importConfigSchema, importJob } from "@/server/datasets/import-job";
import { startImport } from "@/server/datasets/start-import";
import { uploadFolder } from "@/server/datasets/import-location";
import { createUpload } from "@/server/datasets/uploads";
import type { JobContext } from "@/server/runs/job-handler";
import { fixturesFolder, writeVerlParquet } from "./fixtures/datasets/write-parquet-fixtures";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

describe("dataset import", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let adaId: string;
  let projectId: string;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "mmr-import-root-"));
    app = await createTestApp({ MMR_IMPORT_ROOTS: `${root}:${fixturesFolder}` });
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    adaId = (await ada.me.get())!.id;
    projectId = (await ada.projects.create({ name: "Data" })).id;
    await writeVerlParquet(path.join(root, "verl.parquet"));
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  const importInto = async (name: string, file: string) => {
    const started = await startImport(app.deps, {
      projectId,
      target: { newDatasetName: name },
      location: { kind: "server-path", path: file },
      createdBy: adaId,
    });
    await runQueuedJobs(app);
    return { ...started, run: await ada.runs.get({ project: "data", runId: started.runId }) };
  };

  it("imports SFT messages JSONL, reporting bad lines, rows without a question and missing images", async () => {
    const { run, datasetId } = await importInto("sft", path.join(fixturesFolder, "sft_messages.jsonl"));
    expect(run.state).toBe("succeeded");
    const result = run.result as Record<string, unknown>;
    expect(result).toMatchObject({ datasetId, rowsImported: 4, rowsSkipped: 2, imagesMissing: 1 });
    expect(result.skippedRows).toEqual([
      expect.stringMatching(/^sft_messages row 3: not valid JSON/),
      expect.stringMatching(/row 4 .*no question/),
    ]);
    expect(result.missingImages).toEqual([expect.stringContaining("images/missing-figure.png (missing)")]);
    // The missing image's place in the conversation goes with it, so image parts and stored images stay aligned.
    const withoutFigure = await app.deps.db.query.samples.findFirst({ where: (s, { eq }) => eq(s.externalId, "sft-006") });
    expect(withoutFigure?.imageCount).toBe(0);
    expect(JSON.stringify(withoutFigure?.messages)).not.toContain('"type":"image"');
  });

  it("imports a judge's results with their verdicts, which the browser filters by, and finds words inside LaTeX", async () => {
    const { run, datasetId } = await importInto("judged", path.join(fixturesFolder, "judge_verdicts.jsonl"));
    expect(run.error).toBeNull();
    expect(run.result).toMatchObject({ rowsImported: 4, rowsSkipped: 0 });
    const dataset = { project: "data", datasetId };
    const verdictCount = async (verdict: "correct" | "incorrect" | "unjudged") => (await ada.samples.count({ ...dataset, filter: { verdict } })).count;
    expect([await verdictCount("correct"), await verdictCount("incorrect"), await verdictCount("unjudged")]).toEqual([2, 1, 1]);
    const wrong = await ada.samples.list({ ...dataset, filter: { verdict: "incorrect" } });
    expect(wrong.items.map((s) => [s.question.split("\n")[0], s.verdict])).toEqual([["Which colour fills the shape?", false]]);
    const fraction = await ada.samples.list({ ...dataset, filter: { search: "frac -triangle" } });
    expect(fraction.items.map((s) => s.question)).toEqual(["What is $\\frac{1}{2} + \\frac{1}{4}$?"]);
    expect((await ada.samples.count({ ...dataset, filter: { search: "tri* or colour" } })).count).toBe(2);
    expect((await ada.samples.count({ ...dataset, filter: { search: "?!" } })).count).toBe(0);
  });

  it("re-imports the same file without adding anything", async () => {
    const again = await startImport(app.deps, {
      projectId,
      target: { newDatasetName: "sft" },
      location: { kind: "server-path", path: path.join(fixturesFolder, "sft_messages.jsonl") },
      createdBy: adaId,
    });
    await runQueuedJobs(app);
    const run = await ada.runs.get({ project: "data", runId: again.runId });
    expect(run.result).toMatchObject({ rowsImported: 0, sourcesAlreadyImported: ["sft_messages"] });
  });

  it("imports verl parquet with image bytes, storing an identical image once with a thumbnail", async () => {
    const { run } = await importInto("rl", path.join(root, "verl.parquet"));
    expect(run.state).toBe("succeeded");
    expect(run.result).toMatchObject({ rowsImported: 4, rowsSkipped: 1 });
    // Rows 1 and 5 carry the same PNG three times, row 2 names it by path inside the fixtures folder: one blob.
    const blobRows = await app.deps.db.query.blobs.findMany();
    expect(blobRows).toHaveLength(1);
    expect(blobRows[0]).toMatchObject({ mime: "image/png" });
    expect(await app.deps.blobs.has(blobRows[0].thumbnailSha256!)).toBe(true);
  });

  it("fails a truncated parquet with the file named, leaving no half-imported dataset", async () => {
    const whole = await import("node:fs/promises").then((fs) => fs.readFile(path.join(root, "verl.parquet")));
    await writeFile(path.join(root, "truncated.parquet"), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { run, datasetId } = await importInto("broken", path.join(root, "truncated.parquet"));
    expect(run.state).toBe("failed");
    expect(run.error).toMatch(/truncated\.parquet/);
    const sources = await app.deps.db.query.datasetSources.findMany({ where: (s, { eq }) => eq(s.datasetId, datasetId) });
    expect(sources).toEqual([]);
    // The dataset the import created for it goes too.
    expect((await ada.datasets.list({ project: "data" })).map((d) => d.name)).not.toContain("broken");
  });

  const importUpload = async (name: string, file: string, content: Buffer | string) => {
    const { uploadId } = await createUpload(app.deps.db, { projectId, userId: adaId });
    await mkdir(uploadFolder(app.deps.env, uploadId), { recursive: true });
    await writeFile(path.join(uploadFolder(app.deps.env, uploadId), file), content);
    const started = await startImport(app.deps, { projectId, target: { newDatasetName: name }, location: { kind: "upload", uploadId, file }, createdBy: adaId });
    await runQueuedJobs(app);
    return { ...started, uploadId, run: await ada.runs.get({ project: "data", runId: started.runId }) };
  };

  it("names an uploaded file as the user named it, never by the server folder it was stored in", async () => {
    const whole = await import("node:fs/promises").then((fs) => fs.readFile(path.join(root, "verl.parquet")));
    const { run, uploadId } = await importUpload("uploaded-broken", "trunc.parquet", whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(run.state).toBe("failed");
    expect(run.error).toMatch(/^trunc\.parquet: not a readable parquet file/);
    expect(run.error).not.toContain(uploadId);
    expect(run.error).not.toContain(app.deps.env.MMR_DATA_DIR);
  });

  it("fails an empty file with a clear reason and keeps no dataset for it", async () => {
    const { run } = await importUpload("empty", "empty.jsonl", "");
    expect(run.state).toBe("failed");
    expect(run.error).toBe("empty.jsonl: the file is empty: it holds no rows");
    expect((await ada.datasets.list({ project: "data" })).map((d) => d.name)).not.toContain("empty");
  });

  it("keeps no new dataset when every row was skipped", async () => {
    const { run } = await importUpload("all-bad", "bad.jsonl", "not json\n{\"other\": 1}\n");
    expect(run.state).toBe("failed");
    expect(run.error).toMatch(/^No sample imported: every row was skipped \(2; the first: bad row 1: not valid JSON/);
    expect((await ada.datasets.list({ project: "data" })).map((d) => d.name)).not.toContain("all-bad");
  });

  it("leaves nothing behind when cancelled while batches are being written", async () => {
    const file = path.join(root, "many.jsonl");
    await writeFile(file, Array.from({ length: 9000 }, (_, i) => JSON.stringify({ question: `Question ${i}?`, answer: String(i) })).join("\n"));
    const { runId, datasetId } = await startImport(app.deps, { projectId, target: { newDatasetName: "cancelled" }, location: { kind: "server-path", path: file }, createdBy: adaId });
    const [run] = await app.deps.db.select().from(runs).where(eq(runs.id, runId));
    const cancel = new AbortController();
    const context: JobContext = {
      deps: app.deps,
      run,
      signal: cancel.signal,
      // A user presses Cancel after 6,000 rows were read: three batches have been sent by then.
      reportProgress: (_fraction, message) => {
        if (message?.includes("6,000 rows")) cancel.abort(new Error("cancelled by the test"));
      },
      log: async () => {},
    };
    await expect(importJob.execute(importConfigSchema.parse(run.config), context)).rejects.toThrow("cancelled by the test");
    const sources = await app.deps.db.query.datasetSources.findMany({ where: (s, { eq }) => eq(s.datasetId, datasetId) });
    const stored = await app.deps.db.select({ id: samples.id }).from(samples).where(eq(samples.datasetId, datasetId));
    expect({ sources, stored }).toEqual({ sources: [], stored: [] });
  });

  it("refuses paths outside the import roots, '..' and symlinks leading out", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "mmr-outside-"));
    await copyFile(path.join(fixturesFolder, "sft_messages.jsonl"), path.join(outside, "secret.jsonl"));
    await symlink(path.join(outside, "secret.jsonl"), path.join(root, "link.jsonl"));
    const attempt = (file: string) =>
      startImport(app.deps, { projectId, target: { newDatasetName: "x" }, location: { kind: "server-path", path: file }, createdBy: adaId });
    await expect(attempt(path.join(outside, "secret.jsonl"))).rejects.toThrow(/outside the import roots/);
    await expect(attempt(`${root}/../${path.basename(outside)}/secret.jsonl`)).rejects.toThrow(/contains "\.\."/);
    await expect(attempt(path.join(root, "link.jsonl"))).rejects.toThrow(/outside the import roots/);
    await rm(outside, { recursive: true, force: true });
  });

  it("imports every data file of a server folder as its own source", async () => {
    const folder = path.join(root, "folder");
    await mkdir(path.join(folder, "images"), { recursive: true });
    await copyFile(path.join(fixturesFolder, "sft_messages.jsonl"), path.join(folder, "a.jsonl"));
    await copyFile(path.join(fixturesFolder, "images/red-square.png"), path.join(folder, "images/red-square.png"));
    await copyFile(path.join(root, "verl.parquet"), path.join(folder, "b.parquet"));
    const { run } = await importInto("folder", folder);
    expect(run.state).toBe("succeeded");
    expect(run.result).toMatchObject({ rowsImported: 8, rowsSkipped: 3, imagesMissing: 1 });
  });

  it("refuses a dataset list whose data folder lies outside the roots", async () => {
    const listFolder = path.join(root, "list");
    await mkdir(listFolder, { recursive: true });
    await copyFile(path.join(fixturesFolder, "sft_messages.jsonl"), path.join(listFolder, "a.jsonl"));
    await writeFile(path.join(listFolder, "list.yaml"), "datasets:\n  - path: a.jsonl\n    data_folder: /etc\n    data_type: jsonl\n");
    const { run } = await importInto("escaping-list", path.join(listFolder, "list.yaml"));
    expect(run.state).toBe("failed");
    expect(run.error).toMatch(/data folder of source "a" .* outside the import roots/);
  });

  describe("with a row limit of 64 KB and a field limit of 32 KB", () => {
    let small: TestApp;
    beforeAll(async () => {
      small = await createTestApp({ MMR_IMPORT_ROOTS: root, MMR_MAX_IMPORT_ROW_BYTES: String(64 * 1024), MMR_MAX_IMPORT_FIELD_BYTES: String(32 * 1024) });
    });
    afterAll(() => small.close());

    it("skips a row or a text field over the limit with its row number and size, importing the rest", async () => {
      const caller = await small.callerFor(await small.signUp("bo@example.com"));
      const project = await caller.projects.create({ name: "Limits" });
      const file = path.join(root, "huge-rows.json");
      const rows = [{ question: "Small?" }, { question: "Long line?", padding: "x".repeat(200_000) }, { question: "Also small?" }];
      await writeFile(file, JSON.stringify(rows));
      const longField = path.join(root, "long-field.jsonl");
      await writeFile(longField, `${JSON.stringify({ question: "ok?" })}\n${JSON.stringify({ question: "q".repeat(10_000), answer: "é".repeat(20_000) })}\n`);
      const userId = (await caller.me.get())!.id;
      const started = await startImport(small.deps, { projectId: project.id, target: { newDatasetName: "limits" }, location: { kind: "server-path", path: file }, createdBy: userId });
      const second = await startImport(small.deps, { projectId: project.id, target: { datasetId: started.datasetId }, location: { kind: "server-path", path: longField }, createdBy: userId });
      await runQueuedJobs(small);
      const first = await caller.runs.get({ project: "limits", runId: started.runId });
      expect(first.result).toMatchObject({ rowsImported: 2, rowsSkipped: 1, skippedRows: ["huge-rows row 2 (line 1): the row is 200,038 bytes (0.2 MB), over the limit of 65,536 bytes (0.1 MB)"] });
      const next = await caller.runs.get({ project: "limits", runId: second.runId });
      expect(next.result).toMatchObject({ rowsImported: 1, rowsSkipped: 1, skippedRows: ["long-field row 2: answer: the text is 40,000 bytes (0.0 MB), over the limit of 32,768 bytes (0.0 MB) for a field"] });
    });
  });
});
