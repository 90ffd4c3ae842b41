import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { sampleImages, samples } from "@/db/schema";
import { readParquetRows, readParquetSchema, type RawRow } from "@/server/datasets/import";
import { artifactFolder } from "@/server/datasets/export/artifacts";
import { exportVersion, type ExportConfig } from "@/server/datasets/export/export-job";
import { handleApiRequest } from "@/server/http/api-router";
import { enqueueRun } from "@/server/runs/queue";
import { fixturesFolder, redSquarePngPath, writeVerlParquet } from "./fixtures/datasets/write-parquet-fixtures";
import { startHttpServer, type RunningHttpServer } from "./support/http-server";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

type Caller = Awaited<ReturnType<TestApp["callerFor"]>>;

describe("dataset export", () => {
  const project = "exports";
  let app: TestApp;
  let ada: Caller;
  let projectId: string;
  let root: string;
  let server: RunningHttpServer;
  let redSquareSha: string;
  const exported = new Map<string, { datasetId: string; versionId: string; runId: number; folder: string }>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "mmr-export-"));
    // The data directory lies inside an import root, so exported files can be imported again where they are.
    app = await createTestApp({ MMR_DATA_DIR: path.join(root, "data"), MMR_IMPORT_ROOTS: `${root}:${fixturesFolder}` });
    server = await startHttpServer((request) => handleApiRequest(app.deps, request));
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    projectId = (await ada.projects.create({ name: "Exports" })).id;
    // Row 2 of the verl fixture names its image by path, relative to the parquet's folder.
    await writeVerlParquet(path.join(root, "verl.parquet"));
    await mkdir(path.join(root, "images"));
    await copyFile(redSquarePngPath, path.join(root, "images/red-square.png"));
    redSquareSha = createHash("sha256").update(await readFile(redSquarePngPath)).digest("hex");
  });
  afterAll(async () => {
    await server.close();
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  async function importInto(name: string, file: string) {
    const { runId, datasetId } = await ada.datasets.startImport({ project, target: { newDatasetName: name }, location: { kind: "server-path", path: file } });
    await runQueuedJobs(app);
    return { datasetId, run: await ada.runs.get({ project, runId }) };
  }

  async function exportOf(datasetId: string, versionId: string, format: ExportConfig["format"]) {
    const { runId } = await ada.datasetExports.startExport({ project, datasetId, versionId, format });
    await runQueuedJobs(app);
    return { runId, run: await ada.runs.get({ project, runId }), folder: artifactFolder(app.deps.env, runId) };
  }

  /** Imports a fixture, freezes all of it as a version and exports that version; remembered under `key`. */
  async function importAndExport(key: string, file: string, format: ExportConfig["format"]) {
    const { datasetId } = await importInto(key, file);
    const version = await ada.datasetVersions.create({ project, datasetId, name: "v1" });
    const result = await exportOf(datasetId, version.id, format);
    exported.set(key, { datasetId, versionId: version.id, runId: result.runId, folder: result.folder });
    return result;
  }

  /** What a sample is, as stored: the fields that make its content hash, with its images' digests, and its own source. */
  async function storedSamples(datasetId: string) {
    const rows = await app.deps.db.select().from(samples).where(eq(samples.datasetId, datasetId)).orderBy(asc(samples.id));
    const images = await app.deps.db
      .select()
      .from(sampleImages)
      .where(inArray(sampleImages.sampleId, rows.map((r) => r.id)))
      .orderBy(asc(sampleImages.sampleId), asc(sampleImages.position));
    return rows.map((row) => ({
      externalId: row.externalId,
      sourceName: row.sourceName,
      question: row.question,
      answer: row.answer,
      trace: row.trace,
      systemPrompt: row.systemPrompt,
      messages: row.messages,
      images: images.filter((i) => i.sampleId === row.id).map((i) => i.blobSha256),
      contentHash: row.contentHash,
    }));
  }

  async function parquetRows(file: string): Promise<RawRow[]> {
    const rows: RawRow[] = [];
    for await (const record of readParquetRows(file)) if (record.kind === "row") rows.push(record.values);
    return rows;
  }

  async function columnTypes(file: string) {
    return Object.fromEntries((await readParquetSchema(file)).columns.map((c) => [c.name, c.type]));
  }

  describe("lmms-engine SFT", () => {
    it("writes id + messages parquet with nested types, images named by sha256 in the data folder, and the dataset list", async () => {
      const { run, folder } = await importAndExport("sft", path.join(fixturesFolder, "sft_messages.jsonl"), "lmms-engine-sft");
      expect(run.state).toBe("succeeded");
      expect(run.result).toEqual({
        format: "lmms-engine-sft",
        files: [
          { name: "train.parquet", bytes: expect.any(Number) },
          { name: "datasets.yaml", bytes: expect.any(Number) },
        ],
        samples: 4,
        images: 1,
        skipped: 0,
      });
      expect(await columnTypes(path.join(folder, "train.parquet"))).toEqual({
        id: "VARCHAR",
        messages: 'STRUCT("role" VARCHAR, "content" STRUCT("type" VARCHAR, "text" VARCHAR, image_url STRUCT(url VARCHAR))[])[]',
      });
      expect(parse(await readFile(path.join(folder, "datasets.yaml"), "utf8"))).toEqual({
        datasets: [{ path: "train.parquet", data_folder: "images", data_type: "parquet" }],
      });
      expect(await readdir(path.join(folder, "images"))).toEqual([`${redSquareSha}.png`]);
      expect(await readFile(path.join(folder, "images", `${redSquareSha}.png`))).toEqual(await readFile(redSquarePngPath));

      const rows = await parquetRows(path.join(folder, "train.parquet"));
      expect(rows.map((r) => r.id)).toEqual(["sft-001", "sft-002", "sft-005", "sft-006"]);
      expect(rows[0].messages).toEqual([
        { role: "system", content: [{ type: "text", text: expect.stringMatching(/^You are a helpful assistant/), image_url: null }] },
        {
          role: "user",
          content: [
            { type: "image_url", text: null, image_url: { url: `${redSquareSha}.png` } },
            { type: "text", text: "What colour is the square?", image_url: null },
          ],
        },
        { role: "assistant", content: [{ type: "text", text: expect.stringContaining("<answer>red</answer>"), image_url: null }] },
      ]);
      // sft-006's figure was missing at import: its image part has no file to name, so it is left out.
      expect(JSON.stringify(rows[3].messages)).not.toContain("image_url\":{");
    });

    it("re-imports through its dataset list to the same samples", async () => {
      const original = await storedSamples(exported.get("sft")!.datasetId);
      const { run, datasetId } = await importInto("sft-again", path.join(exported.get("sft")!.folder, "datasets.yaml"));
      expect(run.result).toMatchObject({ rowsImported: 4, rowsSkipped: 0, imagesMissing: 0 });
      const again = await storedSamples(datasetId);

      expect(again.map(({ messages, contentHash, sourceName, ...fields }) => fields)).toEqual(original.map(({ messages, contentHash, sourceName, ...fields }) => fields));
      // The SFT layout has no source column: re-imported samples take the exported file's label.
      expect(new Set(again.map((s) => s.sourceName))).toEqual(new Set(["train"]));
      // Conversations too: the import dropped the part of the image that was missing, so nothing dangles.
      expect(again.map((s) => [s.messages, s.contentHash])).toEqual(original.map((s) => [s.messages, s.contentHash]));
    });
  });

  describe("verl RL", () => {
    it("writes verl's columns with nested types, <image> placeholders and the image bytes inside", async () => {
      const { run, folder } = await importAndExport("rl", path.join(root, "verl.parquet"), "verl-rl");
      expect(run.state).toBe("succeeded");
      expect(run.result).toEqual({ format: "verl-rl", files: [{ name: "train.parquet", bytes: expect.any(Number) }], samples: 4, images: 4, skipped: 0 });
      expect(await columnTypes(path.join(folder, "train.parquet"))).toEqual({
        data_source: "VARCHAR",
        prompt: 'STRUCT("role" VARCHAR, "content" VARCHAR)[]',
        images: "STRUCT(bytes BLOB, path VARCHAR)[]",
        ability: "VARCHAR",
        reward_model: "STRUCT(ground_truth VARCHAR, style VARCHAR)",
        extra_info: 'STRUCT("index" BIGINT, id VARCHAR)',
      });

      const rows = await parquetRows(path.join(folder, "train.parquet"));
      const png = await readFile(redSquarePngPath);
      expect(rows[0]).toEqual({
        data_source: "geo3k",
        prompt: [
          { role: "system", content: "Reason step by step." },
          { role: "user", content: "<image>What colour is the square?" },
        ],
        images: [{ bytes: png, path: "square.png" }],
        ability: "math",
        reward_model: { ground_truth: "red", style: "rule" },
        extra_info: { index: 0, id: null },
      });
      expect(rows.map((r) => (r.images as unknown[]).length)).toEqual([1, 1, 0, 2]);
      expect(rows[1].images).toEqual([{ bytes: png, path: "images/red-square.png" }]);
      expect(rows.map((r) => (r.extra_info as { index: number }).index)).toEqual([0, 1, 2, 3]);
      expect(rows.map((r) => r.data_source)).toEqual(["geo3k", "geo3k", "chartqa", "chartqa"]);
    });

    it("re-imports directly to the same samples, content hashes included", async () => {
      const original = await storedSamples(exported.get("rl")!.datasetId);
      const { run, datasetId } = await importInto("rl-again", path.join(exported.get("rl")!.folder, "train.parquet"));
      expect(run.result).toMatchObject({ rowsImported: 4, rowsSkipped: 0, imagesMissing: 0 });
      expect(await storedSamples(datasetId)).toEqual(original);
      expect(original.map((s) => s.images.length)).toEqual([1, 1, 0, 2]);
    });
  });

  describe("across formats", () => {
    it("exports RL samples for SFT with the gold answer as the assistant's reply", async () => {
      const { datasetId, versionId } = exported.get("rl")!;
      const { run, folder } = await exportOf(datasetId, versionId, "lmms-engine-sft");
      expect(run.result).toMatchObject({ samples: 4, images: 4, skipped: 0 });
      const rows = await parquetRows(path.join(folder, "train.parquet"));
      const roles = (row: RawRow) => (row.messages as { role: string }[]).map((m) => m.role);
      expect(rows.map(roles)).toEqual([["system", "user", "assistant"], ["user", "assistant"], ["user", "assistant"], ["user", "assistant"]]);
      expect((rows[0].messages as { content: unknown[] }[])[2].content).toEqual([{ type: "text", text: "red", image_url: null }]);
      // Samples without an id of their own are named by their content hash.
      expect(rows.every((r) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(r.id as string))).toBe(true);
    });

    it("exports SFT samples for RL with the prompt up to the last user turn and the <answer> of the trace as ground truth", async () => {
      const { datasetId, versionId } = exported.get("sft")!;
      const { run, folder } = await exportOf(datasetId, versionId, "verl-rl");
      expect(run.result).toMatchObject({ samples: 4, images: 1, skipped: 0 });
      const rows = await parquetRows(path.join(folder, "train.parquet"));
      expect(rows.map((r) => (r.reward_model as { ground_truth: string }).ground_truth)).toEqual(["red", "\\boxed{1024}", "yes", "0"]);
      expect((rows[0].prompt as { content: string }[])[1]).toEqual({ role: "user", content: "<image>What colour is the square?" });
      expect((rows[3].prompt as { role: string }[]).map((m) => m.role)).toEqual(["user", "assistant", "user"]);
      expect(rows.map((r) => (r.extra_info as { id: string }).id)).toEqual(["sft-001", "sft-002", "sft-005", "sft-006"]);
      // Rows without a source of their own take their file's label.
      expect(rows.every((r) => r.data_source === "sft_messages")).toBe(true);
    });
  });

  it("lists a dataset's exports newest first with download links to their files", async () => {
    const { datasetId, versionId, runId } = exported.get("rl")!;
    const { items } = await ada.datasetExports.list({ project, datasetId });
    expect(items.map((e) => e.format)).toEqual(["lmms-engine-sft", "verl-rl"]);
    expect(items[1]).toMatchObject({
      runId,
      state: "succeeded",
      versionId,
      outcome: { samples: 4, files: [{ name: "train.parquet", url: `/api/artifacts/${runId}/train.parquet` }] },
    });
    const { datasetId: otherDataset } = exported.get("sft")!;
    await expect(ada.datasetExports.startExport({ project, datasetId: otherDataset, versionId, format: "verl-rl" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  describe("downloads over HTTP", () => {
    let adaAuth: Record<string, string>;
    const download = (runId: number, file: string, headers: Record<string, string> = adaAuth) =>
      fetch(`${server.url}/api/artifacts/${runId}/${file}`, { headers });

    beforeAll(async () => {
      adaAuth = { authorization: `Bearer ${(await ada.tokens.createPersonal({ name: "downloads" })).token}` };
    });

    it("serves a member the files as attachments, images included", async () => {
      const { runId, folder } = exported.get("sft")!;
      const parquet = await download(runId, "train.parquet");
      expect(parquet.status).toBe(200);
      expect(parquet.headers.get("content-disposition")).toMatch(/^attachment; filename="train\.parquet"/);
      expect(Buffer.from(await parquet.arrayBuffer())).toEqual(await readFile(path.join(folder, "train.parquet")));
      const image = await download(runId, `images/${redSquareSha}.png`);
      expect(createHash("sha256").update(Buffer.from(await image.arrayBuffer())).digest("hex")).toBe(redSquareSha);
    });

    it("answers 401 without credentials and 404 to someone outside the project or for a missing file", async () => {
      const { runId } = exported.get("sft")!;
      expect((await download(runId, "train.parquet", {})).status).toBe(401);
      await ada.instance.setSignUpOpen({ open: true });
      const eve = await app.callerFor(await app.signUp("eve@example.com"));
      const eveAuth = { authorization: `Bearer ${(await eve.tokens.createPersonal({ name: "eve" })).token}` };
      expect((await download(runId, "train.parquet", eveAuth)).status).toBe(404);
      expect((await download(runId, "nothing.parquet")).status).toBe(404);
      expect((await download(999_999, "train.parquet")).status).toBe(404);
    });

    it("refuses paths that climb out of the run's folder, by '..' or by a symlink", async () => {
      const { runId, folder } = exported.get("sft")!;
      const climbing = await download(runId, "images%2F..%2F..%2F..%2Fblobs");
      expect(climbing.status).toBe(400);
      expect(((await climbing.json()) as { error: string }).error).toMatch(/Not an artifact path/);
      expect((await download(runId, "images/..%2F..%2Ftrain.parquet")).status).toBe(400);
      await writeFile(path.join(root, "secret.txt"), "not yours");
      await symlink(path.join(root, "secret.txt"), path.join(folder, "leak.txt"));
      expect((await download(runId, "leak.txt")).status).toBe(403);
    });
  });

  /** A run on a queue no runner serves, with a context for driving its export by hand. */
  async function manualExport(config: ExportConfig, reportProgress: () => void = () => {}, signal = new AbortController().signal) {
    const run = await enqueueRun(app.deps.db, { projectId, kind: "export", name: "by hand", config, queue: "manual" });
    return { folder: artifactFolder(app.deps.env, run.id), context: { deps: app.deps, run, signal, log: async () => {}, reportProgress } };
  }

  it("pages through the version in batches smaller than it: every sample once, in order", async () => {
    const { datasetId, versionId, folder: wholeFolder } = exported.get("rl")!;
    const config: ExportConfig = { datasetId, versionId, format: "verl-rl" };
    const { folder, context } = await manualExport(config);
    expect(await exportVersion(config, context, 3)).toMatchObject({ samples: 4, images: 4 });
    expect(await parquetRows(path.join(folder, "train.parquet"))).toEqual(await parquetRows(path.join(wholeFolder, "train.parquet")));
  });

  it("removes its partial output when cancelled between batches", async () => {
    const { datasetId, versionId } = exported.get("sft")!;
    const config: ExportConfig = { datasetId, versionId, format: "lmms-engine-sft" };
    const cancel = new AbortController();
    let filesWhenCancelled: string[] = [];
    // Cancelled as the first one-sample batch is reported, as a heartbeat would find the flag then.
    const { folder, context } = await manualExport(
      config,
      () => {
        filesWhenCancelled = readdirSync(folder, { recursive: true }).map(String).sort();
        cancel.abort(new Error("cancelled by the test"));
      },
      cancel.signal,
    );
    await expect(exportVersion(config, context, 1)).rejects.toThrow("cancelled by the test");
    // Output existed when the cancel came (the rows file may or may not be open yet: its stream opens lazily).
    expect(filesWhenCancelled).toContain(`images/${redSquareSha}.png`);
    expect(existsSync(folder)).toBe(false);
  });

  it("fails cleanly, leaving no files, when an image has gone from the blob store", async () => {
    const { datasetId, versionId } = exported.get("rl")!;
    const blob = app.deps.blobs.pathOf(redSquareSha);
    await rename(blob, `${blob}.away`);
    try {
      const { run, folder } = await exportOf(datasetId, versionId, "verl-rl");
      expect(run.state).toBe("failed");
      expect(run.error).toMatch(/ENOENT/);
      expect(existsSync(folder)).toBe(false);
    } finally {
      await rename(`${blob}.away`, blob);
    }
  });
});
