import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { datasets, datasetSources, samples } from "@/db/schema";
import { createDataset } from "@/server/datasets/datasets";
import { SampleWriter, SourceGoneError } from "@/server/datasets/sample-writer";
import { createProject } from "@/server/projects/projects";
import { createTestApp, type TestApp } from "./support/test-app";

const sample = (question: string) => ({ question, answer: "4", images: [], extra: {} });

describe("sample writer", () => {
  let app: TestApp;
  let projectId: string;

  beforeAll(async () => {
    app = await createTestApp();
    const owner = await (await app.callerFor(await app.signUp("writer@example.com"))).me.get();
    projectId = (await createProject(app.deps.db, { name: "Writer", ownerId: owner!.id })).id;
  });
  afterAll(() => app.close());

  async function newSource(name: string) {
    const dataset = await createDataset(app.deps.db, { projectId, name, createdBy: null });
    const [source] = await app.deps.db
      .insert(datasetSources)
      .values({ datasetId: dataset.id, label: name, origin: `${name}.jsonl`, format: "jsonl", fileSha256: name, mapping: {} })
      .returning({ id: datasetSources.id });
    return { datasetId: dataset.id, sourceId: source.id };
  }

  const storedQuestions = async (datasetId: string) =>
    (await app.deps.db.select({ question: samples.question }).from(samples).where(eq(samples.datasetId, datasetId))).map((s) => s.question).sort();

  it("stores a sample repeated across batches in flight once, counting the rest as duplicates", async () => {
    const target = await newSource("repeats");
    const writer = new SampleWriter(app.deps.db, target, 2);
    for (const [row, question] of ["a", "b", "a", "c", "b", "a", "d"].entries()) await writer.add(row + 1, sample(question), []);
    await writer.flush();
    expect({ inserted: writer.inserted, duplicates: writer.duplicates }).toEqual({ inserted: 4, duplicates: 3 });
    expect(await storedQuestions(target.datasetId)).toEqual(["a", "b", "c", "d"]);
  });

  it("refuses to write into a source deleted under it, storing nothing", async () => {
    const target = await newSource("vanished");
    const writer = new SampleWriter(app.deps.db, target, 2);
    await app.deps.db.delete(datasetSources).where(eq(datasetSources.id, target.sourceId));
    await writer.add(1, sample("orphan?"), []);
    await expect(writer.flush()).rejects.toThrow(SourceGoneError);
    expect(await storedQuestions(target.datasetId)).toEqual([]);
  });

  it("removes a source's samples with the source, and a dataset's with the dataset", async () => {
    const kept = await newSource("kept");
    const gone = await newSource("gone");
    for (const target of [kept, gone]) {
      const writer = new SampleWriter(app.deps.db, target, 2);
      for (const question of ["x", "y", "z"]) await writer.add(1, sample(question), []);
      await writer.flush();
    }
    await app.deps.db.delete(datasets).where(eq(datasets.id, gone.datasetId));
    expect(await storedQuestions(gone.datasetId)).toEqual([]);
    expect(await storedQuestions(kept.datasetId)).toEqual(["x", "y", "z"]);
    await app.deps.db.delete(datasetSources).where(eq(datasetSources.id, kept.sourceId));
    expect(await storedQuestions(kept.datasetId)).toEqual([]);
  });

  it("stores a conversation only when it says more than the sample's fields", async () => {
    const target = await newSource("conversations");
    const writer = new SampleWriter(app.deps.db, target, 2);
    const prompt = [{ role: "user", content: [{ type: "text" as const, text: "2 + 2?" }] }];
    const dialogue = [...prompt, { role: "assistant", content: [{ type: "text" as const, text: "4" }] }];
    await writer.add(1, { ...sample("2 + 2?"), messages: prompt }, []);
    await writer.add(2, { ...sample("2 + 2?"), answer: "four", messages: dialogue }, []);
    await writer.flush();
    const stored = await app.deps.db.select({ answer: samples.answer, messages: samples.messages }).from(samples).where(eq(samples.datasetId, target.datasetId));
    expect(stored.sort((a, b) => a.answer!.localeCompare(b.answer!))).toEqual([
      { answer: "4", messages: null },
      { answer: "four", messages: dialogue },
    ]);
  });
});
