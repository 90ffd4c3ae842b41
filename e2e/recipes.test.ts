import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
const project = "demo";

/** A tRPC call over HTTP as the signed-in browser (its cookies): a query by GET, a mutation by POST. */
async function trpc(page: Page, kind: "query" | "mutation", procedure: string, input: unknown): Promise<unknown> {
  const encoded = JSON.stringify({ json: input });
  const response =
    kind === "query"
      ? await page.request.get(`${baseURL}/api/trpc/${procedure}?input=${encodeURIComponent(encoded)}`)
      : await page.request.post(`${baseURL}/api/trpc/${procedure}`, { data: encoded, headers: { "content-type": "application/json" } });
  if (!response.ok()) throw new Error(`${procedure} answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: { json: unknown } } }).result.data.json;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Freezes the demo dataset as a version and exports it for lmms-engine and for verl: what SFT and RL runs train on. */
async function exportDemoDataset(page: Page): Promise<{ sft: number; rl: number }> {
  const datasetId = await until(async () => {
    const datasets = (await trpc(page, "query", "datasets.list", { project })) as { id: string; sampleCount: number }[];
    return datasets.find((d) => d.sampleCount > 0)?.id;
  }, "the demo dataset");
  const version = (await trpc(page, "mutation", "datasetVersions.create", { project, datasetId, name: "recipes e2e" })) as { id: string };
  const exportAs = async (format: string) => {
    const { runId } = (await trpc(page, "mutation", "datasetExports.startExport", { project, datasetId, versionId: version.id, format })) as { runId: number };
    await until(async () => {
      const run = (await trpc(page, "query", "runs.get", { project, runId })) as { state: string; error: string | null };
      if (["failed", "cancelled", "lost"].includes(run.state)) throw new Error(`the ${format} export ${run.state}: ${run.error}`);
      return run.state === "succeeded" ? true : undefined;
    }, `the ${format} export`);
    return runId;
  };
  return { sft: await exportAs("lmms-engine-sft"), rl: await exportAs("verl-rl") };
}

describe("launching a run from a recipe in the browser", () => {
  let session: BrowserSession;
  let problems: string[];
  let exportRunIds: { sft: number; rl: number };
  let launchedRunId: number;

  beforeAll(async () => {
    session = await openBrowser("light");
    problems = watchForPageErrors(session.page);
    await signInAsAdmin(session.page, baseURL);
    exportRunIds = await exportDemoDataset(session.page);
  });
  afterAll(() => session.close());

  it("previews the SFT recipe's YAML, command and environment with secrets masked", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${project}/runs/new?kind=sft`);
    await page.getByRole("heading", { name: "New run" }).waitFor();
    await expect(page.getByLabel("Training data (lmms-engine SFT export)").inputValue()).resolves.toBe(String(exportRunIds.sft));
    await page.getByLabel("Run name").fill("sft cold start e2e");
    await page.getByRole("button", { name: "Add variable" }).click();
    await page.getByLabel("Variable 1 name").fill("WANDB_API_KEY");
    await page.getByLabel("Variable 1 value").fill("wandb-secret-123");

    const yaml = page.getByRole("region", { name: "File sft.yaml" });
    await yaml.getByText("packing_length: 61440").waitFor();
    const yamlText = await yaml.textContent();
    expect(yamlText).toContain("learning_rate: 5.0e-05");
    expect(yamlText).toContain("max_steps: 4300");
    expect(yamlText).toContain("lr_scheduler_type: cosine");
    expect(yamlText).toContain(`/artifacts/${exportRunIds.sft}/train.parquet`);
    await expect(page.getByRole("region", { name: "Command" }).textContent()).resolves.toContain("-m lmms_engine.launch.cli");
    const environment = page.getByRole("region", { name: "Environment", exact: true });
    await environment.getByText("WANDB_API_KEY").waitFor();
    await expect(environment.textContent()).resolves.toContain("********");
    await expect(page.getByRole("region", { name: "What will run" }).textContent()).resolves.not.toContain("wandb-secret-123");
    // The preview panel is sticky: from the top of the page it shows the YAML beside the form's first fields.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "70-recipe-sft-preview");
  });

  it("names the field at fault and keeps launch off until it is fixed", async () => {
    const { page } = session;
    const learningRate = page.getByLabel("Learning rate");
    await learningRate.fill("0");
    await page.getByRole("alert").getByText("trainer.learningRate").waitFor();
    await expect(page.getByRole("button", { name: "Launch run" }).isDisabled()).resolves.toBe(true);
    await learningRate.fill("5e-5");
    await page.getByRole("region", { name: "File sft.yaml" }).getByText("learning_rate: 5.0e-05").waitFor();
  });

  it("launches the run and shows it queued", async () => {
    const { page } = session;
    const launch = page.getByRole("button", { name: "Launch run" });
    await page.waitForFunction(() => {
      const button = [...document.querySelectorAll("button")].find((b) => b.textContent === "Launch run");
      return button !== undefined && !button.disabled;
    });
    await launch.click();
    await page.waitForURL(/\/p\/demo\/runs\/\d+$/);
    launchedRunId = Number(page.url().split("/").pop());
    await page.getByRole("heading", { name: /sft cold start e2e/ }).waitFor();
    await page.getByText("queued", { exact: true }).first().waitFor();
    const run = (await trpc(page, "query", "runs.get", { project, runId: launchedRunId })) as { kind: string; state: string; config: { recipe: { version: string; datasetVersionHash: string } } };
    expect(run).toMatchObject({ kind: "sft", state: "queued" });
    expect(run.config.recipe.datasetVersionHash).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, "71-recipe-sft-queued");
  });

  it("clones the run into a form holding its config", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${project}/runs/new?from=${launchedRunId}`);
    await page.getByRole("heading", { name: `Clone run #${launchedRunId}` }).waitFor();
    await expect(page.getByLabel("Run name").inputValue()).resolves.toBe("sft cold start e2e (clone)");
    await page.getByLabel("Max steps").fill("1200");
    await page.getByRole("region", { name: "File sft.yaml" }).getByText("max_steps: 1200").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "72-recipe-sft-clone");
  });

  it("previews verl's GSPO command on the verl export and an evaluation with the judge's key masked", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${project}/runs/new?kind=rl`);
    await expect(page.getByLabel("Training data (verl RL export)").inputValue()).resolves.toBe(String(exportRunIds.rl));
    const command = page.getByRole("region", { name: "Command" });
    await command.getByText("actor_rollout_ref.actor.policy_loss.loss_mode=gspo").waitFor();
    const commandText = await command.textContent();
    for (const override of ["algorithm.adv_estimator=grpo", "actor_rollout_ref.rollout.n=16", "actor_rollout_ref.actor.clip_ratio_low=0.0003", "data.max_response_length=28696", `'trainer.logger=["console","file"]'`]) {
      expect(commandText).toContain(override);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "73-recipe-rl-preview");

    await page.getByRole("link", { name: "Evaluation · lmms-eval" }).click();
    await page.getByRole("region", { name: "Tasks" }).waitFor();
    await page.getByLabel("Judge API key").fill("sk-judge-e2e");
    await page.getByRole("region", { name: "Command" }).getByText(/--tasks .*gpqa_diamond_thinking,aime_agg8/).waitFor();
    // Launch is enabled only once the preview was rendered from what the form now holds, the typed key included.
    await page.waitForFunction(() => [...document.querySelectorAll("button")].some((b) => b.textContent === "Launch run" && !b.disabled));
    const environment = page.getByRole("region", { name: "Environment", exact: true });
    await expect(environment.getByRole("row", { name: /OPENAI_API_KEY/ }).textContent()).resolves.toBe("OPENAI_API_KEY********");
    await expect(page.getByRole("region", { name: "What will run" }).textContent()).resolves.not.toContain("sk-judge-e2e");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "74-recipe-eval-preview");
    expect(problems).toEqual([]);
  });
});
