import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseResultsTable } from "@/server/evaluations/results-table";
import { runQueuedJobs } from "./support/run-jobs";
import { createTestApp, type TestApp } from "./support/test-app";

const outputs = path.join(import.meta.dirname, "fixtures/lmms-eval/outputs");
const project = "evals";

describe("evaluation results and leaderboards", () => {
  let app: TestApp;
  let ada: Awaited<ReturnType<TestApp["callerFor"]>>;
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "mmr-evals-"));
    await cp(path.join(outputs, "acme__vl-7b-rl"), path.join(root, "first/acme__vl-7b-rl"), { recursive: true });
    app = await createTestApp({ MMR_IMPORT_ROOTS: root });
    ada = await app.callerFor(await app.signUp("ada@example.com"));
    await ada.projects.create({ name: "Evals" });
  });
  afterAll(async () => {
    await app.close();
    await rm(root, { recursive: true, force: true });
  });

  const importFolder = async (folder: string, options: { modelName?: string; replace?: boolean } = {}) => {
    const { runId } = await ada.evaluations.startImport({ project, location: { kind: "server-path", path: path.join(root, folder) }, ...options });
    await runQueuedJobs(app);
    return ada.runs.get({ project, runId });
  };

  it("imports an lmms-eval output folder with its scores, samples and harness facts", async () => {
    const run = await importFolder("first");
    expect(run.state).toBe("succeeded");
    const result = run.result as { evaluations: { model: string; samples: Record<string, number>; skippedLines: string[] }[]; unpairedSamples: string[] };
    expect(result.unpairedSamples).toEqual(["20250313_230000_samples_mmmu_val.jsonl"]);
    expect(result.evaluations).toHaveLength(1);
    expect(result.evaluations[0].model).toBe("acme/vl-7b-rl");
    expect(result.evaluations[0].samples.mmmu_val).toBeGreaterThan(0);
    expect(result.evaluations[0].skippedLines.length).toBeGreaterThan(0);

    const [evaluation] = await ada.evaluations.list({ project });
    expect(evaluation).toMatchObject({ model: "acme/vl-7b-rl", format: "lmms-eval", dateId: "20250314_091502" });
    expect(evaluation.scores).toContainEqual(expect.objectContaining({ task: "mmmu_val", metric: "mmmu_acc", filter: "none", value: 0.523 }));
    const naScore = evaluation.scores.find((s) => s.metric === "accuracy_by_category");
    expect(naScore?.value).toBeNull();
    const details = await ada.evaluations.get({ project, evaluationId: evaluation.id });
    expect(details.gitHash).toBeTruthy();
    expect(JSON.stringify(details.harness)).toContain("mathvista_testmini");
    // One evaluation carries the same metric values and per-task sample counts as the list (and `mmr eval list --json`).
    expect(details.scores).toEqual(evaluation.scores);
    expect(details.samples).toEqual(evaluation.samples);
    expect(details.samples.mmmu_val).toBe(result.evaluations[0].samples.mmmu_val);
  });

  it("refuses the same results file twice unless asked to replace it", async () => {
    const again = await importFolder("first");
    expect(again.state).toBe("failed");
    expect(again.error).toMatch(/was imported before .* replace/);
    const replaced = await importFolder("first", { replace: true });
    expect(replaced.state).toBe("succeeded");
    expect(await ada.evaluations.list({ project })).toHaveLength(1);
  });

  it("names what is wrong with a results file without results, or samples of a task it does not list", async () => {
    await cp(path.join(outputs, "acme__vl-7b-rl"), path.join(root, "bad/acme"), { recursive: true });
    const resultsFile = path.join(root, "bad/acme/20250314_091502_results.json");
    const results = JSON.parse(await readFile(resultsFile, "utf8").then((t) => t.replace(/NaN/g, "null")));
    await writeFile(resultsFile, JSON.stringify({ ...results, results: undefined }));
    const missing = await importFolder("bad");
    expect(missing.state).toBe("failed");
    expect(missing.error).toMatch(/20250314_091502_results\.json/);

    await writeFile(resultsFile, JSON.stringify(results));
    await writeFile(path.join(root, "bad/acme/20250314_091502_samples_chartqa.jsonl"), '{"doc_id": 0, "target": "1", "filtered_resps": ["1"]}\n');
    const unlisted = await importFolder("bad");
    expect(unlisted.state).toBe("failed");
    expect(unlisted.error).toMatch(/task "chartqa" is not in 20250314_091502_results\.json/);
  });

  it("loads the paper's table as reference rows that reproduce it, and exports it", async () => {
    await ada.evaluations.importPaperTable({ project });
    await ada.evaluations.importPaperTable({ project });
    const board = await ada.leaderboard.get({ project });
    const omr = board.rows.find((r) => r.model.name === "OMR-7B")!;
    expect(omr.model).toMatchObject({ source: "reference", sftData: "874k", rlData: "74k" });
    expect(Math.round(omr.cells.mathvista_testmini.value * 1000) / 10).toBe(79.5);
    const mmr1 = board.rows.find((r) => r.model.name === "MMR1")!;
    expect(mmr1.cells.mathvision_testmini).toMatchObject({ reproduced: true });
    expect(mmr1.cells.mathvista_testmini.reproduced).toBe(false);
    expect(board.rows.filter((r) => r.model.source === "reference")).toHaveLength(9);

    const latex = await ada.leaderboard.export({ project, format: "latex", columns: ["mathvista_testmini", "mathvision_testmini", "mathverse_testmini"] });
    expect(latex).toContain("\\toprule");
    expect(latex).toContain("OMR-7B & \\textbf{79.5} & \\textbf{38.8} & \\textbf{63.8} \\\\");
    expect(latex).toContain("MMR1 & 72.0 & 29.0$^\\dagger$ & 55.4 \\\\");
    expect(latex).toContain("VLAA-Thinker-Qwen2.5-7B & 68.0 & -- & 48.2 \\\\");

    const csv = await ada.leaderboard.export({ project, format: "csv" });
    const reparsed = parseResultsTable(csv, "export.csv");
    expect(reparsed.rows.find((r) => r.model === "MMR1")?.scores.mathvision_testmini).toEqual({ percent: 29, reproduced: true });

    const markdown = await ada.leaderboard.export({ project, format: "md", columns: ["mathvista_testmini"], baselineModel: "OpenVLThinker-7B" });
    expect(markdown).toContain("| OMR-7B | **79.5** (+14.2) |");
    await expect(ada.leaderboard.export({ project, format: "md", baselineModel: "Nobody" })).rejects.toThrow(/No model named "Nobody"/);
  });

  it("refuses a table cell that is not a number, naming row and column", async () => {
    await expect(
      ada.evaluations.importTable({ project, sourceLabel: "Some paper", fileName: "t.csv", csv: "model,mmmu_val\nX,55.0\nY,abc\n" }),
    ).rejects.toThrow('t.csv row 3, column mmmu_val: "abc" is not a number.');
  });

  it("compares two evaluations sample by sample with flips, a bootstrap interval and McNemar's test", async () => {
    await cp(path.join(outputs, "acme__vl-7b-rl"), path.join(root, "second/acme__vl-7b-rl"), { recursive: true });
    const samplesFile = path.join(root, "second/acme__vl-7b-rl/20250314_091502_samples_mmmu_val.jsonl");
    // The second model answers document 0 wrongly: one right → wrong flip.
    const flipped = (await readFile(samplesFile, "utf8")).replace('"parsed_pred": "B"', '"parsed_pred": "D"');
    await writeFile(samplesFile, flipped);
    const resultsFile = path.join(root, "second/acme__vl-7b-rl/20250314_091502_results.json");
    await writeFile(resultsFile, (await readFile(resultsFile, "utf8")).replace('"mmmu_acc,none": 0.523', '"mmmu_acc,none": 0.5'));
    const run = await importFolder("second", { modelName: "acme/vl-7b-rl-v2" });
    expect(run.state).toBe("succeeded");
    const evaluations = await ada.evaluations.list({ project });
    const first = evaluations.find((e) => e.model === "acme/vl-7b-rl")!;
    const second = evaluations.find((e) => e.model === "acme/vl-7b-rl-v2")!;
    const comparison = await ada.evaluations.compare({ project, evaluationA: first.id, evaluationB: second.id, task: "mmmu_val" });
    expect(comparison.rightToWrong).toEqual({ count: 1, docIds: ["0"] });
    expect(comparison.wrongToRight.count).toBe(0);
    expect(comparison.mcnemarP).toBe(1);
    expect(comparison.bootstrap.difference).toBeLessThan(0);
    expect(comparison.bootstrap.low).toBeLessThanOrEqual(comparison.bootstrap.difference);
    // Cached: the same answer again.
    expect(await ada.evaluations.compare({ project, evaluationA: first.id, evaluationB: second.id, task: "mmmu_val" })).toEqual(comparison);

    const flips = await ada.evaluations.samples({ project, evaluationId: second.id, task: "mmmu_val", docIds: comparison.rightToWrong.docIds });
    expect(flips.items).toEqual([expect.objectContaining({ docId: "0", score: 0 })]);
  });
});
