import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturesFolder, writeGeneratedVerlParquet } from "./fixtures/datasets/write-parquet-fixtures";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

type Caller = Awaited<ReturnType<TestApp["callerFor"]>>;

describe("browsing, curating and versioning a dataset", () => {
  let app: TestApp;
  let ada: Caller;
  let vera: Caller;
  let root: string;
  let datasetId: string;
  const project = "curation";

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "mmr-browse-"));
    await writeGeneratedVerlParquet(path.join(root, "generated.parquet"), 1_200, 500);
    app = await createTestApp({ MMR_IMPORT_ROOTS: `${root}:${fixturesFolder}` });
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Curation" });
    const invite = await ada.members.invite({ project, email: "vera@example.com", role: "viewer" });
    if (invite.status !== "invited") throw new Error("expected an invitation");
    vera = await app.callerFor(await app.signUp("vera@example.com", { inviteToken: invite.token }));
    const started = await ada.datasets.startImport({
      project,
      target: { newDatasetName: "generated" },
      location: { kind: "server-path", path: path.join(root, "generated.parquet") },
    });
    datasetId = started.datasetId;
    await ada.datasets.startImport({
      project,
      target: { datasetId },
      location: { kind: "server-path", path: path.join(fixturesFolder, "sft_messages.jsonl") },
    });
    await runQueuedJobs(app);
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  it("pages through every sample with keyset cursors, in both directions of the sort", async () => {
    const seen: number[] = [];
    let cursor = null;
    do {
      const page: Awaited<ReturnType<Caller["samples"]["list"]>> = await vera.samples.list({ project, datasetId, limit: 250, cursor });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(1_204);
    expect(new Set(seen).size).toBe(1_204);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const longestFirst = await vera.samples.list({ project, datasetId, sort: "-traceLength", limit: 3 });
    const next = await vera.samples.list({ project, datasetId, sort: "-traceLength", limit: 3, cursor: longestFirst.nextCursor });
    const lengths = [...longestFirst.items, ...next.items].map((s) => s.traceLength);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(await vera.samples.count({ project, datasetId, filter: {} })).toEqual({ count: 1_204, exact: true });
  });

  it("filters by image, source, answer kind and full text, with counts", async () => {
    const dataset = await vera.datasets.get({ project, datasetId });
    expect(dataset.sources.map((s) => [s.label, s.status, s.rowsImported])).toEqual([
      ["generated", "ready", 1_200],
      ["sft_messages", "ready", 4],
    ]);
    // The generated rows' image bytes are not images: reported at import, the samples kept without them.
    const runs = await vera.runs.list({ project, kinds: ["import"] });
    const generatedImport = await vera.runs.get({ project, runId: runs.items.at(-1)!.id });
    expect(generatedImport.result).toMatchObject({ imagesMissing: 12, missingImages: expect.arrayContaining([expect.stringMatching(/img_0\.png \(not a readable image/)]) });
    const withImages = await vera.samples.count({ project, datasetId, filter: { hasImage: true } });
    expect(withImages.count).toBe(1);
    const fromSft = await vera.samples.list({ project, datasetId, filter: { sourceIds: [dataset.sources[1].id] } });
    expect(fromSft.items.map((s) => s.question)).toContain("Compute $2^{10}$.");
    const searched = await vera.samples.list({ project, datasetId, filter: { search: "Problem 777" } });
    expect(searched.items.map((s) => s.question)).toEqual([expect.stringMatching(/^Problem 777: /)]);
    const scripts = await vera.samples.list({ project, datasetId, filter: { search: "valid HTML" } });
    expect(scripts.items[0].question).toContain("<script>alert('x')</script>");
  });

  it("opens a sample with its images, trace and neighbours", async () => {
    const [first] = (await vera.samples.list({ project, datasetId, filter: { hasImage: true }, limit: 1 })).items;
    const sample = await vera.samples.get({ project, datasetId, sampleId: first.id });
    expect(sample.images).toHaveLength(1);
    expect(sample).toMatchObject({ sourceLabel: "sft_messages", externalId: "sft-001", answerKind: "none" });
    expect(sample.trace).toContain("<think>");
    expect(sample.images[0]).toMatchObject({ mime: "image/png", originalPath: "images/red-square.png" });
    const alone = await vera.samples.neighbours({ project, datasetId, sampleId: first.id, filter: { hasImage: true } });
    expect(alone).toEqual({ previousId: null, nextId: null });
    const neighbours = await vera.samples.neighbours({ project, datasetId, sampleId: first.id - 1 });
    expect(neighbours).toEqual({ previousId: first.id - 2, nextId: first.id });
  });

  it("tags and excludes in bulk by filter, and a viewer may not", async () => {
    const filter = { search: "Problem" };
    const tagged = await ada.samples.changeTags({ project, datasetId, selection: { filter }, change: { add: ["synthetic", "math"] } });
    expect(tagged.updated).toBe(1_200);
    await ada.samples.changeTags({ project, datasetId, selection: { filter: { tags: ["synthetic"], search: "Problem 777" } }, change: { remove: ["math"] } });
    expect(await vera.datasets.tags({ project, datasetId })).toEqual([
      { tag: "math", count: 1_199 },
      { tag: "synthetic", count: 1_200 },
    ]);
    await expect(vera.samples.changeTags({ project, datasetId, selection: { filter }, change: { add: ["x"] } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const excluded = await ada.samples.setExcluded({ project, datasetId, selection: { filter: { hasImage: true } }, excluded: true });
    expect(excluded.updated).toBe(1);
    expect((await vera.samples.count({ project, datasetId, filter: { status: "excluded" } })).count).toBe(1);
  });

  it("freezes versions with a content hash and compares them", async () => {
    const v1 = await ada.datasetVersions.create({ project, datasetId, name: "without images" });
    expect(v1).toMatchObject({ number: 1, sampleCount: 1_203 });
    await ada.samples.setExcluded({ project, datasetId, selection: { filter: { hasImage: true } }, excluded: false });
    await ada.samples.setExcluded({ project, datasetId, selection: { filter: { search: "Problem 5" } }, excluded: true });
    const v2 = await ada.datasetVersions.create({ project, datasetId, name: "with images" });
    expect(v2.number).toBe(2);
    expect(v2.contentHash).not.toBe(v1.contentHash);

    const problem5 = await vera.samples.count({ project, datasetId, filter: { search: "Problem 5" } });
    const diff = await vera.datasetVersions.compare({ project, datasetId, fromVersionId: v1.id, toVersionId: v2.id });
    expect(diff.added.count).toBe(1);
    expect(diff.added.examples[0].question).toBe("What colour is the square?");
    expect(diff.removed.count).toBe(problem5.count);
    expect(problem5.count).toBeGreaterThan(0);
    expect(diff.removed.examples[0].question).toMatch(/^Problem 5: /);

    // The same selection again hashes the same.
    const v3 = await ada.datasetVersions.create({ project, datasetId, name: "again" });
    expect(v3.contentHash).toBe(v2.contentHash);
  });

  it("keeps datasets inside their project", async () => {
    const outsider = await app.callerFor(await app.signIn("ada@example.com"));
    await outsider.projects.create({ name: "Elsewhere" });
    await expect(outsider.samples.list({ project: "elsewhere", datasetId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
