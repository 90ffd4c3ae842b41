import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeOpenAiServer, userText, type FakeOpenAiServer } from "../tests/support/fake-openai-server";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
const judgeURL = `${baseURL}/p/demo/judge`;

// The fake judge disagrees with the (correct) demo traces on every third prompt by length: a fixed, known split.
const judgeReply = (text: string) => (text.length % 3 === 0 ? "0" : "1");

async function startJudge(page: Page, name: string, stages: { rule: boolean; math: boolean; llm: boolean }) {
  const form = page.getByRole("form", { name: "Run a judge" });
  await form.getByLabel("Grade").selectOption({ label: "Demo dataset" });
  await form.getByLabel("Rule / choice match").setChecked(stages.rule);
  await form.getByLabel("Math equivalence").setChecked(stages.math);
  await form.getByLabel("LLM judge").setChecked(stages.llm);
  if (stages.llm) await form.getByLabel("Judge endpoint").selectOption({ label: "fake-judge (judge)" });
  await form.getByLabel("Name (optional)").fill(name);
  await form.getByRole("button", { name: "Start judge job" }).click();
  await form.getByText(/Judge run \d+ queued/).waitFor();
}

const figures = (page: Page) => page.getByLabel("Agreement figures").textContent();

describe("the Judge page in the browser", () => {
  let session: BrowserSession;
  let problems: string[];
  let judge: FakeOpenAiServer;

  beforeAll(async () => {
    judge = await startFakeOpenAiServer({ reply: (messages) => judgeReply(userText(messages)) });
    session = await openBrowser("light");
    problems = watchForPageErrors(session.page);
    await signInAsAdmin(session.page, baseURL);
  });
  afterAll(async () => {
    await session?.close();
    await judge?.close();
  });

  it("runs an LLM judge over the demo dataset against the local judge server, and a rule judge beside it", async () => {
    const { page } = session;
    const created = await page.request.post(`${baseURL}/api/trpc/endpoints.create`, {
      data: { json: { project: "demo", settings: { name: "fake-judge", baseUrl: judge.baseUrl, model: "judge", timeoutMs: 10_000 } } },
    });
    expect(created.status()).toBe(200);
    await page.goto(judgeURL);
    await page.getByText("fake-judge").waitFor();
    // The demo dataset is seeded by a job at start-up; it may still be running when this file runs first.
    await expect.poll(async () => (await page.reload(), page.getByLabel("Grade").locator("option", { hasText: "Demo dataset" }).count()), { timeout: 60_000 }).toBe(1);
    await startJudge(page, "LLM judge", { rule: false, math: false, llm: true });
    await startJudge(page, "Rules", { rule: true, math: true, llm: false });
    const jobs = page.getByRole("table", { name: "Judge jobs" });
    await expect.poll(() => jobs.getByText("succeeded").count(), { timeout: 60_000 }).toBe(2);
    expect(judge.requests).toBeGreaterThan(0);
    await jobs.getByText(/tokens|\d+ \+ \d+/).first().waitFor();
    await screenshot(page, "80-judge-jobs-light");
  });

  it("opens the agreement matrix, a disagreeing cell and an item's stages", async () => {
    const { page } = session;
    await page.getByLabel("Target").selectOption({ label: "Dataset: Demo dataset" });
    await page.getByLabel("Grader A").selectOption({ label: "LLM judge" });
    await page.getByLabel("Grader B").selectOption({ label: "Rules" });
    await page.getByRole("table", { name: "Agreement matrix" }).waitFor();
    expect(await figures(page)).toMatch(/Agreement \d+\.\d% · Cohen's κ/);
    await page.getByRole("table", { name: "All grader pairs" }).waitFor();
    await screenshot(page, "81-judge-matrix-light");

    await page.getByRole("button", { name: /^Cell no match match: [1-9]/ }).click();
    const items = page.getByRole("list", { name: "Cell items" });
    await items.getByRole("button").first().click();
    const detail = page.getByLabel("Item detail");
    await detail.getByText("LLM judge: no match").waitFor();
    await detail.getByText("Rules: match").waitFor();
    await detail.getByText("The judge's reply").waitFor();
    expect(page.url()).toMatch(/target=dataset%3A[0-9a-f-]+.*cell=no_match_match.*item=\d+/);
    await screenshot(page, "82-judge-item-light");
  });

  it("a human label corrects the LLM judge's outcome and the figures change", async () => {
    const { page } = session;
    const before = await figures(page);
    const detail = page.getByLabel("Item detail");
    await detail.getByLabel("Reason").fill("The trace's answer equals the gold answer.");
    await detail.getByLabel("Verdict of LLM judge").getByRole("button", { name: "Verdict is wrong" }).click();
    await detail.getByText("Labelled: the prediction is correct").waitFor();
    await page.getByRole("table", { name: "All grader pairs" }).getByText("Human labels").first().waitFor();
    await screenshot(page, "83-judge-labelled-light");

    // The link holds the whole view: opened afresh, it shows the same cell and item.
    await page.reload();
    await page.getByLabel("Item detail").getByText("Labelled: the prediction is correct").waitFor();

    // The LLM judge corrected by the label now agrees with the rules on one more item.
    await page.getByLabel("Grader A").selectOption({ label: "LLM judge · corrected by labels" });
    await expect.poll(() => figures(page)).not.toBe(before);
    expect(problems).toEqual([]);
  });
});
