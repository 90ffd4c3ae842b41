import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
// The catalog's lmms-eval task for the "MMMU val" column, so imported scores land beside the paper's.
const task = "mmmu_reasoning_reward";
const documents = 30;
const letters = "ABCD";
const targetOf = (doc: number) => letters[doc % 4];

// Alpha answers documents 0–19 right; beta 0–9 and 20: ten right → wrong flips (10–19) and one wrong → right (20).
// A later re-run of alpha (0–14 right) gives alpha a second evaluation, which counts by default as the newest.
const models = [
  { name: "alpha", folder: "acme__alpha", dateId: "20250101_120000", right: (doc: number) => doc < 20 },
  { name: "beta", folder: "acme__beta", dateId: "20250102_090000", right: (doc: number) => doc < 10 || doc === 20 },
  { name: "alpha-rerun", folder: "acme__alpha", dateId: "20250103_080000", right: (doc: number) => doc < 15 },
];

/** One lmms-eval output folder in its own layout: `<out>/<model_sanitized>/<date>_results.json` and a samples file. */
function writeLmmsEvalOutput(root: string, model: (typeof models)[number]): string {
  const out = path.join(root, `${model.name}-out`);
  const folder = path.join(out, model.folder);
  mkdirSync(folder, { recursive: true });
  const lines = Array.from({ length: documents }, (_, doc) => {
    const answer = model.right(doc) ? targetOf(doc) : letters[(doc + 1) % 4];
    // Document 11's response carries markup a browser would run if it were rendered as HTML.
    const extra = doc === 11 ? " <script>window.__pwned = 1</script>" : "";
    const response = `<think>Doc ${doc}: the area is $\\frac{${doc + 1}}{2} \\cdot r^2$, so the choice is ${answer}.${extra}</think><answer>${answer}</answer>`;
    return JSON.stringify({
      doc_id: doc,
      doc_hash: `hash-${doc}`,
      target: targetOf(doc),
      resps: [[response]],
      filtered_resps: [response],
      input: `Question ${doc}: which choice gives the area $A = \\pi r^2$ of the circle? Options A, B, C, D.`,
      acc_score: model.right(doc) ? 1.0 : 0.0,
      format_score: 1.0,
      extracted_answer: answer,
    });
  });
  const accuracy = Array.from({ length: documents }, (_, doc) => model.right(doc)).filter(Boolean).length / documents;
  const results = {
    results: { [task]: { alias: task, "acc_score,none": accuracy, "acc_score_stderr,none": "N/A" } },
    configs: { [task]: { task, output_type: "generate_until" } },
    versions: { [task]: "Yaml" },
    "n-samples": { [task]: { original: documents, effective: documents } },
    config: { model: "qwen2_5_vl", batch_size: 1 },
    git_hash: "a1b2c3d",
    lmms_eval_version: "0.4.1",
    date: model.dateId,
  };
  writeFileSync(path.join(folder, `${model.dateId}_results.json`), JSON.stringify(results, null, 2));
  writeFileSync(path.join(folder, `${model.dateId}_samples_${task}.jsonl`), lines.join("\n") + "\n");
  return out;
}

async function importOutput(page: Page, folder: string, modelName: string | null, expectedModel: string) {
  await page.getByLabel("Output folder").setInputFiles(folder);
  await page.getByTestId("eval-files-summary").getByText("1 results file, 1 samples file").waitFor();
  await page.getByLabel("Model name (optional)").fill(modelName ?? "");
  await page.getByRole("button", { name: "Upload and import" }).click();
  const progress = page.getByRole("region", { name: "Import of the lmms-eval output" });
  await progress.getByText("succeeded").waitFor({ timeout: 60_000 });
  await progress.getByRole("link", { name: expectedModel }).waitFor();
  await progress.getByText(`${task}: ${documents} samples`).waitFor();
}

describe("leaderboard, drill-down and comparison in the browser", () => {
  let session: BrowserSession;
  let problems: string[];
  let fixtures: string;
  let outputs: string[];
  let slug = "";
  let leaderboardURL = "";
  let samplesURL = "";
  let sampleURL = "";
  let compareURL = "";

  beforeAll(async () => {
    fixtures = mkdtempSync(path.join(tmpdir(), "mmr-e2e-evals-"));
    outputs = models.map((model) => writeLmmsEvalOutput(fixtures, model));
    session = await openBrowser("light");
    problems = watchForPageErrors(session.page);
    await signInAsAdmin(session.page, baseURL);
  });
  afterAll(async () => {
    await session?.close();
    if (fixtures) rmSync(fixtures, { recursive: true, force: true });
  });

  it("starts from an empty leaderboard that offers the paper table and loads it", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/projects/new`);
    await page.getByLabel("Project name").fill("Leaderboard E2E");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL("**/p/leaderboard-e2e");
    slug = "leaderboard-e2e";
    await page.getByRole("region", { name: "Leaderboard" }).getByText("No evaluation results yet.").waitFor();
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Leaderboard" }).click();
    await page.getByText("No model has a score on a catalog benchmark yet.").waitFor();
    await page.getByRole("link", { name: "Import lmms-eval output" }).waitFor();
    await page.getByRole("link", { name: "Import a results table (CSV)" }).waitFor();
    await screenshot(page, "50-leaderboard-empty-light");
    await page.getByRole("button", { name: "Load the OpenMMReasoner paper table" }).click();
    await page.getByRole("row", { name: "OMR-7B" }).waitFor();
    expect(await page.getByRole("row", { name: "MMR1" }).getByText("reference").count()).toBe(1);
    // The paper bolds OMR-7B's 79.5 on MathVista; MMR1's reproduced figures keep their †.
    expect(await page.getByRole("row", { name: "OMR-7B" }).locator("[data-best]").first().textContent()).toBe("79.5");
    expect(await page.getByRole("row", { name: "MMR1" }).locator("sup", { hasText: "†" }).count()).toBeGreaterThan(0);
  });

  it("imports three lmms-eval output folders (two models, one evaluated twice) through the upload form", async () => {
    const { page } = session;
    await page.getByRole("link", { name: "Import results" }).click();
    await page.waitForURL("**/leaderboard/import");
    await importOutput(page, outputs[0], null, "acme/alpha");
    await importOutput(page, outputs[1], "acme/beta-rl", "acme/beta-rl");
    await importOutput(page, outputs[2], null, "acme/alpha");
    const imported = page.getByRole("region", { name: "Imported evaluations" });
    await expect.poll(() => imported.getByRole("link", { name: "acme/alpha" }).count()).toBe(2);
    await imported.getByRole("link", { name: "acme/beta-rl" }).waitFor();
    await screenshot(page, "51-eval-import-light");
  });

  it("lets the first of alpha's two evaluations count instead of the newest", async () => {
    const { page } = session;
    await page.getByRole("link", { name: "Open the leaderboard" }).click();
    await page.waitForURL(`**/p/${slug}/leaderboard`);
    const alpha = page.getByRole("row", { name: "acme/alpha" });
    await alpha.getByText("evaluated here").waitFor();
    await alpha.getByRole("link", { name: /^50\.0/ }).waitFor();
    await page.getByLabel("Evaluation that counts for acme/alpha").selectOption({ label: "20250101_120000" });
    await page.waitForURL(/eval=[0-9a-f-]{36}:[0-9a-f-]{36}/);
    await alpha.getByRole("link", { name: /^66\.7/ }).waitFor();
  });

  it("pins a baseline whose deltas colour the other rows, and keeps the view in the URL", async () => {
    const { page } = session;
    const alpha = page.getByRole("row", { name: "acme/alpha" });
    await page.getByLabel("Baseline").selectOption({ label: "OpenVLThinker-7B (reference)" });
    await page.waitForURL(/baseline=/);
    await page.getByRole("row", { name: "OpenVLThinker-7B (baseline)" }).waitFor();
    // MMMU val: alpha 66.7 and beta 36.7 against the baseline's 55.1.
    const better = alpha.locator('[data-delta="better"]', { hasText: "+11.6" });
    await better.waitFor();
    expect(await better.getAttribute("class")).toContain("emerald");
    const worse = page.getByRole("row", { name: "acme/beta-rl" }).locator('[data-delta="worse"]', { hasText: "−18.4" });
    expect(await worse.getAttribute("class")).toContain("red");

    await page.getByRole("button", { name: "MMMU val", exact: true }).click();
    await page.waitForURL(/sort=-mmmu_val/);
    await page.getByLabel("Filter models by name or source").fill("acme");
    await page.waitForURL(/q=acme/);
    await page.getByRole("row", { name: "OMR-7B" }).waitFor({ state: "detached" });
    expect(await page.getByRole("row", { name: "acme/beta-rl" }).count()).toBe(1);
    await page.getByLabel("Filter models by name or source").fill("");
    await page.getByRole("row", { name: "OMR-7B" }).waitFor();
    leaderboardURL = page.url();

    // The permalink opened afresh shows the same view.
    await page.goto(leaderboardURL);
    await page.getByRole("row", { name: "OpenVLThinker-7B (baseline)" }).waitFor();
    expect(await page.getByRole("columnheader", { name: "MMMU val", exact: true }).getAttribute("aria-sort")).toBe("descending");
    expect(await page.getByLabel("Evaluation that counts for acme/alpha").inputValue()).toMatch(/^[0-9a-f-]{36}$/);
    const firstRow = page.locator("tbody tr").nth(1);
    expect(await firstRow.getAttribute("data-model")).toBe("acme/alpha");
    await page.getByRole("img", { name: "Bar chart of MathVista testmini" }).waitFor();
    await page.getByRole("img", { name: /Radar chart of/ }).waitFor();
    await screenshot(page, "52-leaderboard-light");
  });

  it("exports the exact view as LaTeX with booktabs and bold bests", async () => {
    const { page } = session;
    await page.getByRole("button", { name: "LaTeX" }).click();
    const latex = page.getByLabel("LaTeX export");
    await expect.poll(() => latex.textContent()).toContain("\\toprule");
    const text = (await latex.textContent()) ?? "";
    expect(text).toContain("\\textbf{79.5}");
    // The chosen (first) evaluation of alpha, not its newer re-run.
    expect(text).toMatch(/acme\/alpha( & --)+ & \\textbf\{66\.7\}/);
    await page.getByRole("button", { name: "Download leaderboard.tex" }).waitFor();
  });

  it("drills from a score into the evaluation's samples and opens one with its response rendered", async () => {
    const { page } = session;
    await page.getByRole("row", { name: "acme/beta-rl" }).getByRole("link", { name: /^36\.7/ }).click();
    await page.waitForURL(new RegExp(`/leaderboard/evaluations/[0-9a-f-]{36}\\?task=${task}$`));
    const list = page.getByRole("list", { name: `Samples of ${task}` });
    await list.getByRole("listitem").first().waitFor();
    const doc11 = list.getByRole("link", { name: "Document 11" });
    expect(await doc11.getByRole("img", { name: "wrong" }).count()).toBe(1);
    expect(await list.getByRole("link", { name: "Document 0", exact: true }).getByRole("img", { name: "right" }).count()).toBe(1);
    await page.getByText("a1b2c3d").waitFor();
    samplesURL = page.url();
    await screenshot(page, "53-evaluation-samples-light");

    await doc11.click();
    await page.waitForURL(/\/samples\/\d+\?task=/);
    sampleURL = page.url();
    await page.getByRole("heading", { name: /Document 11/ }).waitFor();
    const response = page.getByRole("region", { name: "Response" });
    await response.getByRole("region", { name: "Thinking" }).locator(".katex").first().waitFor();
    // Beta answered A where the target is D.
    expect(await response.getByRole("region", { name: "Answer", exact: true }).locator("p").textContent()).toBe("A");
    // The model's <script> is text on the page, never code.
    await response.getByText("window.__pwned = 1", { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    const verdict = page.getByRole("region", { name: "Verdict" });
    expect(await verdict.getByRole("img", { name: "wrong" }).count()).toBe(1);
    await verdict.getByText("A", { exact: true }).waitFor();
    await verdict.getByText("D", { exact: true }).waitFor();
    await page.getByRole("region", { name: "Details" }).getByText('"extracted_answer": "A"').waitFor();
    await screenshot(page, "54-evaluation-sample-light");
  });

  it("compares the two models: accuracies, the interval, McNemar's p and the flips side by side", async () => {
    const { page } = session;
    await page.goto(leaderboardURL);
    await page.getByRole("link", { name: "Compare two models" }).click();
    await page.waitForURL("**/leaderboard/compare");
    await page.getByLabel("Model A (evaluation)").selectOption({ label: "acme/alpha · 20250101_120000" });
    await page.getByLabel("Model B (evaluation)").selectOption({ label: "acme/beta-rl · 20250102_090000" });
    await page.waitForURL(new RegExp(`task=${task}`));
    await page.getByRole("heading", { name: "Right → wrong (10)" }).waitFor();
    await page.getByRole("heading", { name: "Wrong → right (1)" }).waitFor();
    // Ten flips one way, one the other: exact McNemar p = 2 · P(X ≤ 1 | n = 11) = 0.0117.
    expect(await page.getByTestId("mcnemar-p").textContent()).toBe("0.012");
    await page.getByText("p < 0.05: the difference is unlikely to be chance.").waitFor();
    expect(await page.getByTestId("bootstrap-interval").textContent()).toMatch(/^95% interval \[−\d+\.\d, −\d+\.\d\]$/);

    await page.getByRole("list", { name: "Right → wrong" }).getByRole("link", { name: /doc 10/ }).click();
    await page.waitForURL(/doc=10/);
    compareURL = page.url();
    const sideBySide = page.getByRole("region", { name: "Document 10 side by side" });
    await sideBySide.getByRole("region", { name: "Response of A" }).getByRole("img", { name: "right" }).waitFor();
    await sideBySide.getByRole("region", { name: "Response of B" }).getByRole("img", { name: "wrong" }).waitFor();
    expect(await sideBySide.getByRole("region", { name: "Thinking" }).count()).toBe(2);
    await screenshot(page, "55-compare-light");
    expect(problems).toEqual([]);
  });

  it("shows the top models on the project overview", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${slug}`);
    const top = page.getByRole("list", { name: "Top models" });
    await top.getByRole("listitem").first().getByText("OMR-7B").waitFor();
    expect(await top.getByRole("listitem").count()).toBe(5);
    // Each import run is named after the folder picked.
    await page.getByRole("region", { name: "Recent runs" }).getByRole("link", { name: "Import evaluation beta-out" }).waitFor();
    await screenshot(page, "56-overview-light");
  });

  it("renders the same pages in the dark theme", async () => {
    const dark = await openBrowser("dark");
    try {
      const { page } = dark;
      const darkProblems = watchForPageErrors(page);
      await signInAsAdmin(page, baseURL);
      await page.goto(leaderboardURL);
      await page.getByRole("row", { name: "OpenVLThinker-7B (baseline)" }).waitFor();
      await page.getByRole("img", { name: /Radar chart of/ }).waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      await screenshot(page, "57-leaderboard-dark");
      await page.goto(samplesURL);
      await page.getByRole("list", { name: `Samples of ${task}` }).getByRole("listitem").first().waitFor();
      await screenshot(page, "58-evaluation-samples-dark");
      await page.goto(sampleURL);
      await page.getByRole("region", { name: "Response" }).getByRole("region", { name: "Thinking" }).waitFor();
      await screenshot(page, "59-evaluation-sample-dark");
      await page.goto(compareURL);
      await page.getByRole("region", { name: "Document 10 side by side" }).getByRole("region", { name: "Response of B" }).getByRole("img", { name: "wrong" }).waitFor();
      await screenshot(page, "60-compare-dark");
      expect(darkProblems).toEqual([]);
    } finally {
      await dark.close();
    }
  });

  it("lets the admin add a catalog benchmark, which becomes a leaderboard column", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${slug}/leaderboard/benchmarks`);
    await page.getByRole("cell", { name: "mmmu_reasoning_reward", exact: true }).waitFor();
    await page.getByRole("button", { name: "Add a benchmark" }).click();
    const form = page.getByRole("form", { name: "New benchmark" });
    await form.getByLabel("Key (leaderboard column)").fill("mmmu_format");
    await form.getByLabel("Label").fill("MMMU format");
    await form.getByLabel("lmms-eval task").fill(task);
    await form.getByLabel("Metric").fill("acc_score");
    await form.getByRole("button", { name: "Add benchmark" }).click();
    await page.getByRole("cell", { name: "mmmu_format", exact: true }).waitFor();
    await screenshot(page, "61-benchmark-catalog-light");

    await page.goto(`${baseURL}/p/${slug}/leaderboard?cols=mmmu_format`);
    await page.getByRole("columnheader", { name: "MMMU format" }).waitFor();
    await page.getByRole("row", { name: "acme/beta-rl" }).getByRole("link", { name: /^36\.7/ }).waitFor();
    // The column reads the same task and metric as MMMU val, so the paper's MMMU figures fill it too; a model the paper
    // gives no MMMU figure has no score to show and no row.
    await page.getByRole("row", { name: "OMR-7B" }).locator("[data-best]", { hasText: "57.8" }).waitFor();
    expect(await page.getByRole("row", { name: "M2-Reasoning" }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("lets a member correct a model's name, base model and training data from its row", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${slug}/leaderboard`);
    await page.getByRole("row", { name: "acme/beta-rl" }).getByRole("button", { name: "Edit acme/beta-rl" }).click();
    const form = page.getByRole("form", { name: "Edit acme/beta-rl" });
    await form.getByLabel("SFT data").fill("a lot");
    await form.getByRole("button", { name: "Save" }).click();
    await form.getByRole("alert").getByText("Write a sample count such as 874k, 6.2M or 12000.").waitFor();
    await form.getByLabel("Name").fill("acme/beta-rl-v1");
    await form.getByLabel("Base model").fill("Qwen/Qwen2.5-VL-7B-Instruct");
    await form.getByLabel("SFT data").fill("874k");
    await form.getByLabel("RL data").fill("74k");
    await screenshot(page, "62-model-edit-light");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });
    const row = page.getByRole("row", { name: "acme/beta-rl-v1" });
    await row.getByText("from Qwen/Qwen2.5-VL-7B-Instruct · SFT 874k · RL 74k").waitFor();
    // The refused save answered 400, which the browser logs as a failed load; nothing else may have gone wrong.
    expect(problems.filter((problem) => !problem.includes("/api/trpc/evaluations.updateModel"))).toEqual([]);
  });
});
