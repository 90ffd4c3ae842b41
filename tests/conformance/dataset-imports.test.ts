import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobs, samples } from "@/db/schema";
import type { ImportResult } from "@/server/datasets/import-job";
import { startImport } from "@/server/datasets/start-import";
import { runQueuedJobs } from "../support/run-jobs";
import { drivers, openFixtureApp, projectSlug, setupTimeoutMs, type FixtureApp } from "./fixture-app";
import { fixturePath } from "./fixtures-dir";

const noRowsSkipped = { rowsSkipped: 0, skippedRows: [], duplicates: 0 };

for (const driver of drivers) {
  describe(`real datasets through the import job, on ${driver}`, () => {
    let fixture: FixtureApp;
    beforeAll(async () => {
      fixture = await openFixtureApp(driver);
    }, setupTimeoutMs);
    afterAll(() => fixture.app.close());

    /** Imports one file of the shared datasets folder, where it lies, into a dataset of its own; returns the finished run and the dataset's address in the samples API. */
    async function importFixture(file: string, folder = "datasets") {
      const { app, caller, projectId, userId } = fixture;
      const location = { kind: "server-path" as const, path: fixturePath(folder, file) };
      const { runId, datasetId } = await startImport(app.deps, { projectId, target: { newDatasetName: file }, location, createdBy: userId });
      await runQueuedJobs(app);
      const run = await caller.runs.get({ project: projectSlug, runId });
      return { run, result: run.result as ImportResult, dataset: { project: projectSlug, datasetId } };
    }

    /** The first `n` samples in import order, each read whole through samples.get. */
    async function firstSamples(dataset: { project: string; datasetId: string }, n: number) {
      const page = await fixture.caller.samples.list({ ...dataset, limit: n });
      return Promise.all(page.items.map((item) => fixture.caller.samples.get({ ...dataset, sampleId: item.id })));
    }

    it("verl MATH-lighteval parquet: 5,000 samples, prompt as question, ground truth as answer", async () => {
      const { run, result, dataset } = await importFixture("verl_math_lighteval_test.parquet");
      expect(run.state).toBe("succeeded");
      expect(result).toMatchObject({ rowsImported: 5000, imagesMissing: 0, missingImages: [], ...noRowsSkipped });
      expect(await fixture.caller.samples.count({ ...dataset, filter: {} })).toEqual({ count: 5000, exact: true });
      expect(await fixture.caller.samples.count({ ...dataset, filter: { answerKinds: ["none"] } })).toEqual({ count: 0, exact: true });
      expect(await fixture.caller.samples.count({ ...dataset, filter: { hasImage: true } })).toEqual({ count: 0, exact: true });

      const [first, second] = await firstSamples(dataset, 2);
      expect(first).toMatchObject({
        rowNumber: 1,
        question: "How many vertical asymptotes does the graph of $y=\\frac{2}{x^2+x-6}$ have? Let's think step by step and output the final answer within \\boxed{}.",
        answer: "2",
        trace: null,
        // The prompt is one user turn holding the question: not stored, export makes it from the fields.
        messages: null,
        extra: { level: "Level 3", type: "Algebra", ability: "math", reward_model: { style: "rule" }, extra_info: { index: 0, split: "test" } },
        sourceLabel: "verl_math_lighteval_test",
        sourceName: "DigitalLearningGmbH/MATH-lighteval",
        images: [],
      });
      expect(second).toMatchObject({ rowNumber: 2, question: expect.stringMatching(/^What is the positive difference between \$120\\%\$ of 30/), answer: "10" });
    });

    it("MM-Eureka K12 JSON: 500 samples kept, their 500 unshipped images reported missing", async () => {
      const { run, result, dataset } = await importFixture("mm_eureka_k12_eval.json");
      expect(run.state).toBe("succeeded");
      expect(result).toMatchObject({ rowsImported: 500, imagesMissing: 500, ...noRowsSkipped });
      // The report lists the first 20 examples, each with its row and the path the file gave.
      expect(result.missingImages).toHaveLength(20);
      expect(result.missingImages[0]).toBe("mm_eureka_k12_eval row 1: images/4d613249-84c9-401f-bd27-ac6869e87a8b.png (missing)");
      expect(await fixture.caller.samples.count({ ...dataset, filter: {} })).toEqual({ count: 500, exact: true });
      expect(await fixture.caller.samples.count({ ...dataset, filter: { hasImage: false } })).toEqual({ count: 500, exact: true });
      expect(await fixture.caller.samples.count({ ...dataset, filter: { answerKinds: ["none"] } })).toEqual({ count: 0, exact: true });
      expect(await fixture.app.deps.db.select().from(blobs)).toEqual([]);

      const [first] = await firstSamples(dataset, 1);
      expect(first).toMatchObject({
        externalId: "4d613249-84c9-401f-bd27-ac6869e87a8b",
        question: expect.stringMatching(/^Given the function \$f\\left\( x \\right\)=2\\text\{sin\}/),
        answer: "$2\\sin (2x-\\frac{\\pi }{6})$",
        answerKind: "math",
        imageCount: 0,
        images: [],
      });
    });

    it("vprm MathVision traces JSONL: 303 samples with their <think>/<answer> traces stored verbatim", async () => {
      const { run, result, dataset } = await importFixture("vprm_mathvision_qwen25vl7b_reasoning_traces.jsonl");
      expect(run.state).toBe("succeeded");
      // Every row names an image under images/, and the fixture ships none.
      expect(result).toMatchObject({ rowsImported: 303, imagesMissing: 303, ...noRowsSkipped });
      expect(result.missingImages[0]).toBe("vprm_mathvision_qwen25vl7b_reasoning_traces row 1: images/4.jpg (missing)");
      expect(await fixture.caller.samples.count({ ...dataset, filter: { traceLengthMin: 1 } })).toEqual({ count: 303, exact: true });

      const stored = await fixture.app.deps.db.select({ trace: samples.trace, extra: samples.extra }).from(samples).where(eq(samples.datasetId, dataset.datasetId));
      const traces = stored.map((row) => row.trace ?? "");
      expect(traces.filter((trace) => trace.includes("<think>"))).toHaveLength(284);
      expect(traces.filter((trace) => trace.includes("<answer>"))).toHaveLength(281);
      expect(traces.filter((trace) => trace.includes("<think>") && !trace.includes("</think>"))).toHaveLength(35);
      expect(traces.filter((trace) => trace.includes("\\boxed"))).toHaveLength(41);
      expect(stored.filter((row) => (row.extra as { unfinished?: boolean }).unfinished === true)).toHaveLength(5);

      const [first, , third] = await firstSamples(dataset, 3);
      expect(first).toMatchObject({ externalId: "4", question: "How many different digits can you find in this picture?\n<image1>", answer: "6", images: [] });
      expect(first.trace).toMatch(/^<think>\nTo determine how many different digits[\s\S]*<\/think>\n<answer>1<\/answer>$/);
      expect(first.traceLength).toBe(first.trace!.length);
      // Row 3 is multiple choice: its question and answer come from the *_w_choices columns.
      expect(third).toMatchObject({ externalId: "6", question: expect.stringMatching(/^Misty the cat has five kittens/), answer: "D", answerKind: "choice" });
    });

    it("vprm MathVision self-judge JSONL: 303 judged samples, 88 judged right and 215 wrong, filterable by verdict", async () => {
      const { run, result, dataset } = await importFixture("vprm_mathvision_qwen25vl7b_selfjudge_results.jsonl", "judge");
      expect(run.state).toBe("succeeded");
      expect(result).toMatchObject({ rowsImported: 303, ...noRowsSkipped });
      const count = async (verdict: "correct" | "incorrect" | "unjudged") => (await fixture.caller.samples.count({ ...dataset, filter: { verdict } })).count;
      expect([await count("correct"), await count("incorrect"), await count("unjudged")]).toEqual([88, 215, 0]);
      const [first] = await firstSamples(dataset, 1);
      expect(first).toMatchObject({ externalId: "4", question: "How many different digits can you find in this picture?\n<image1>", verdict: false });
    });

    it("lmms-engine bagel minimal JSON: one text-only messages sample", async () => {
      const { run, result, dataset } = await importFixture("lmms_engine_bagel_minimal.json");
      expect(run.state).toBe("succeeded");
      expect(result).toMatchObject({ rowsImported: 1, imagesMissing: 0, ...noRowsSkipped });
      expect(await fixture.caller.samples.count({ ...dataset, filter: {} })).toEqual({ count: 1, exact: true });
      const [only] = await firstSamples(dataset, 1);
      expect(only).toMatchObject({
        question: "Hello, please respond with 'Hi!'.",
        answer: "Hi!",
        messages: [
          { role: "user", content: [{ type: "text", text: "Hello, please respond with 'Hi!'." }] },
          { role: "assistant", content: [{ type: "text", text: "Hi!" }] },
        ],
        images: [],
      });
    });
  });
}
