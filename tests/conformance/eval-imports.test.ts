import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluationScores } from "@/db/schema";
import type { EvalImportResult } from "@/server/evaluations/import-lmms-eval";
import { startEvalImport } from "@/server/evaluations/start-eval-import";
import { runQueuedJobs } from "../support/run-jobs";
import { drivers, openFixtureApp, projectSlug, setupTimeoutMs, type FixtureApp } from "./fixture-app";
import { fixturePath } from "./fixtures-dir";

const llavaModel = "liuhaotian/llava-v1.5-7b";
const qwenModel = "Qwen/Qwen2.5-VL-3B-Instruct";
const project = projectSlug;

for (const driver of drivers) {
  describe(`real lmms-eval outputs through the eval-import job, on ${driver}`, () => {
    let fixture: FixtureApp;
    let run: Awaited<ReturnType<FixtureApp["caller"]["runs"]["get"]>>;

    // One job imports the whole eval-outputs folder, where it lies: both results files and the samples beside one.
    beforeAll(async () => {
      fixture = await openFixtureApp(driver);
      const { app, caller, projectId, userId } = fixture;
      const location = { kind: "server-path" as const, path: fixturePath("eval-outputs") };
      const { runId } = await startEvalImport(app.deps, { projectId, location, createdBy: userId });
      await runQueuedJobs(app);
      run = await caller.runs.get({ project, runId });
    }, setupTimeoutMs);
    afterAll(() => fixture.app.close());

    async function evaluationOf(model: string) {
      const evaluation = (await fixture.caller.evaluations.list({ project })).find((e) => e.model === model);
      if (!evaluation) throw new Error(`no evaluation of ${model}`);
      return evaluation;
    }

    /** The score rows as stored, with the columns evaluations.list leaves out (stderr, direction, raw objects). */
    function storedScores(evaluationId: string) {
      const { task, metric, filter, value, stderr, stderrKind, higherIsBetter, raw, nSamples } = evaluationScores;
      return fixture.app.deps.db
        .select({ task, metric, filter, value, stderr, stderrKind, higherIsBetter, raw, nSamples })
        .from(evaluationScores)
        .where(eq(evaluationScores.evaluationId, evaluationId))
        .orderBy(asc(task), asc(metric));
    }

    it("imports both results files, each model named by its JSON, with their tasks, score rows and sample counts", async () => {
      expect(run.state).toBe("succeeded");
      const result = run.result as EvalImportResult;
      expect(result.unpairedSamples).toEqual([]);
      expect(result.evaluations.map(({ model, tasks, scores, samples, skippedLines, replaced }) => ({ model, tasks, scores, samples, skippedLines, replaced }))).toEqual([
        { model: qwenModel, tasks: ["vlms_are_biased"], scores: 3, samples: {}, skippedLines: [], replaced: false },
        { model: llavaModel, tasks: ["pope", "scienceqa_img"], scores: 6, samples: { scienceqa_img: 200 }, skippedLines: [], replaced: false },
      ]);
      const listed = await fixture.caller.evaluations.list({ project });
      const byModel = listed.sort((a, b) => a.model.localeCompare(b.model));
      expect(byModel.map((e) => [e.model, e.format, e.dateId, e.samples])).toEqual([
        [llavaModel, "lmms-eval", "20260218_234435", { scienceqa_img: 200 }],
        [qwenModel, "lmms-eval", "20260219_175810", {}],
      ]);
    });

    it("llava: pope's five metrics carry the CLT stderr where the default one is N/A; scienceqa_img's exact_match its own", async () => {
      const llava = await evaluationOf(llavaModel);
      const pope = { task: "pope", filter: "none", stderr: 0.003550294134081839, stderrKind: "stderr_clt", higherIsBetter: true, raw: null, nSamples: 9000 };
      expect(await storedScores(llava.id)).toEqual([
        { ...pope, metric: "pope_accuracy", value: 0.8695555555555555 },
        { ...pope, metric: "pope_f1_score", value: 0.8584860173577628 },
        { ...pope, metric: "pope_precision", value: 0.9380927291886196 },
        { ...pope, metric: "pope_recall", value: 0.7913333333333333 },
        { ...pope, metric: "pope_yes_ratio", value: 0.5 },
        {
          task: "scienceqa_img", metric: "exact_match", filter: "none", value: 0.6950917203767972,
          stderr: 0.010253222989229942, stderrKind: "stderr", higherIsBetter: true, raw: null, nSamples: 2017,
        },
      ]);
      expect(llava.scores).toContainEqual({ task: "scienceqa_img", metric: "exact_match", filter: "none", value: 0.6950917203767972, reproduced: false });
    });

    it("llava: the harness facts (version, git hash, task hashes, model args, generation kwargs) kept with the result", async () => {
      const llava = await evaluationOf(llavaModel);
      expect(llava).toMatchObject({ lmmsEvalVersion: "0.6", gitHash: "v0.6-9-g28c75891" });
      const details = await fixture.caller.evaluations.get({ project, evaluationId: llava.id });
      expect(details).toMatchObject({
        model: llavaModel,
        startedAt: "2026-02-18T23:44:35",
        modelArgs: "pretrained=liuhaotian/llava-v1.5-7b,device_map=auto",
        harness: { file: "20260218_234435_results.json", modelSource: "llava", totalEvaluationSeconds: 12942.721952355001 },
      });
      const tasks = (details.harness as { tasks: { task: string; taskHash: string | null; nSamples: unknown; config: { generation_kwargs: unknown } }[] }).tasks;
      expect(tasks.map((t) => [t.task, t.taskHash, t.nSamples])).toEqual([
        ["pope", "60c35fa4f4c9d5fcbfb62ea39da88a709d0396cf53ddb30fbfff08a6c0179f97", { original: 9000, effective: 9000 }],
        ["scienceqa_img", "2fc0facf8a570f0ff134eba07fb0c317004962ff6a40d69edbd82aac70ff1f81", { original: 2017, effective: 2017 }],
      ]);
      expect(tasks[1].config.generation_kwargs).toEqual({ max_new_tokens: 16, temperature: 0, do_sample: false, until: ["\n\n"], image_aspect_ratio: "original" });
    });

    it("llava scienceqa_img: 200 samples, doc ids 0–199, 136 scored right, each line's target and response kept", async () => {
      const llava = await evaluationOf(llavaModel);
      const { items, nextCursor } = await fixture.caller.evaluations.samples({ project, evaluationId: llava.id, task: "scienceqa_img", limit: 500 });
      expect(nextCursor).toBeNull();
      expect(items.map((s) => s.docId)).toEqual(Array.from({ length: 200 }, (_, i) => String(i)));
      expect(items.reduce((sum, s) => sum + (s.score ?? Number.NaN), 0)).toBe(136);
      expect(items.slice(0, 5).map((s) => [s.target, s.response, s.score])).toEqual([
        ["B", "B", 1],
        ["B", "B", 1],
        ["B", "B", 1],
        ["B", "E", 0],
        ["C", "A", 0],
      ]);
      // lmms-eval omits resps when it equals filtered_resps, and this run wrote one doc_hash for every line.
      const fourth = await fixture.caller.evaluations.sample({ project, evaluationId: llava.id, sampleId: items[3].id });
      expect(fourth).toMatchObject({
        docId: "3",
        resps: null,
        metrics: { exact_match: 0 },
        docHash: "74234e98afe7498fb5daf1f36ac2d78acc339464f950703b8c019892f982b90b",
        input: expect.stringMatching(/^Context: This passage describes the fleece type trait in sheep:/),
      });
    });

    it("Qwen vlms_are_biased: the object-valued accuracy_by_topic kept raw with a null value, bias_ratio lower-is-better", async () => {
      const qwen = await evaluationOf(qwenModel);
      const task = { task: "vlms_are_biased", filter: "none", nSamples: 2784 };
      const stored = await storedScores(qwen.id);
      expect(stored.map(({ raw, ...row }) => row)).toEqual([
        { ...task, metric: "accuracy", value: 0.19468390804597702, stderr: 0.007505707110995228, stderrKind: "stderr", higherIsBetter: true },
        // Its three stderr keys are all "N/A": no stderr is invented.
        { ...task, metric: "accuracy_by_topic", value: null, stderr: null, stderrKind: null, higherIsBetter: true },
        { ...task, metric: "bias_ratio", value: 0.5107758620689655, stderr: 0.009475726517154748, stderrKind: "stderr", higherIsBetter: false },
      ]);
      expect(stored[1].raw).toEqual({
        "Optical Illusion": 0.5113636363636364,
        "Game Boards": 0.05952380952380952,
        "Patterned Grid": 0.13095238095238096,
        "Chess Pieces": 0,
        Logos: 0.06280193236714976,
        Flags: 0.2375,
        Animals: 0,
        overall: 0.19468390804597702,
      });
      const details = await fixture.caller.evaluations.get({ project, evaluationId: qwen.id });
      expect(details).toMatchObject({ lmmsEvalVersion: "0.6", gitHash: "v0.6-9-g28c75891", modelArgs: "pretrained=Qwen/Qwen2.5-VL-3B-Instruct,max_pixels=401408" });
      // This run wrote an empty task_hashes object.
      expect((details.harness as { tasks: { taskHash: string | null }[] }).tasks.map((t) => t.taskHash)).toEqual([null]);
    });
  });
}
