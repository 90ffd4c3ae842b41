import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
const steps = 30;
const taskRunner = "\x1b[36m(TaskRunner pid=4242)\x1b[0m ";

/**
 * A verl console log as Ray prints it: a coloured actor prefix on every line, a validation-only step:0, numpy reprs,
 * tqdm redraws, a red warning, a checkpoint save, and a reward that climbs with noise.
 */
function verlLog(name: string, rewardFrom: number): string {
  const lines = [`${taskRunner}\x1b[1mStarting ${name}\x1b[0m`, `${taskRunner}step:0 - val-core/geo3k/reward/mean@1:np.float64(0.41)`];
  for (let step = 1; step <= steps; step++) {
    const reward = rewardFrom + (0.5 * step) / steps + 0.03 * Math.sin(step * 1.7);
    lines.push(
      `Training Progress:  ${Math.round((100 * step) / steps)}%|####| ${step}/${steps}\r${taskRunner}step:${step} - actor/pg_loss:np.float64(${(0.05 / step).toFixed(5)}) - critic/score/mean:${reward.toFixed(3)} - response_length/mean:${(900 - step * 7).toFixed(1)} - actor/kl_loss:${(0.001 * step).toFixed(4)} - actor/entropy:${(1.4 - step * 0.02).toFixed(3)}`,
    );
    if (step === 20) lines.push(`${taskRunner}\x1b[31mWARNING: rollout queue is full, waiting\x1b[0m`, `${taskRunner}local_global_step_folder: /ckpt/${name}/global_step_20`);
  }
  return lines.join("\n") + "\n";
}

const crashLog = `${taskRunner}step:1 - critic/score/mean:0.30 - actor/kl_loss:0.001\n${taskRunner}step:2 - critic/score/mean:0.31 - actor/kl_loss:0.002\nTraceback (most recent call last):\n  File "main_ppo.py", line 64, in main\ntorch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB\n`;

/** A tRPC call over HTTP as the signed-in browser (its cookies), or as an agent with a worker token. */
async function trpcPost(request: Page["request"] | null, procedure: string, input: unknown, token?: string): Promise<unknown> {
  const url = `${baseURL}/api/trpc/${procedure}`;
  const body = JSON.stringify({ json: input });
  const response = request
    ? await request.post(url, { data: body, headers: { "content-type": "application/json" } }).then(async (r) => ({ ok: r.ok(), status: r.status(), text: await r.text() }))
    : await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", authorization: `Bearer ${token}` } }).then(async (r) => ({ ok: r.ok, status: r.status, text: await r.text() }));
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}: ${response.text}`);
  return (JSON.parse(response.text) as { result: { data: { json: unknown } } }).result.data.json;
}

const h100 = (index: number) => ({ index, name: "NVIDIA H100 80GB HBM3", memoryMb: 81_559 });

/** verl step lines for steps `from`..`to`, behind Ray's coloured prefix, as an agent ships them. */
function liveStepLines(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const step = from + i;
    return `${taskRunner}step:${step} - critic/score/mean:${(0.3 + step * 0.02).toFixed(3)} - response_length/mean:${900 - step} - actor/kl_loss:${(0.001 * step).toFixed(4)} - actor/entropy:${(1.3 - step * 0.01).toFixed(3)}`;
  });
}

async function importThroughTheUi(page: Page, slug: string, file: string, screenshotName?: string): Promise<number> {
  await page.goto(`${baseURL}/p/${slug}/runs`);
  await page.getByRole("link", { name: "Import a log" }).click();
  await page.waitForURL(`**/p/${slug}/runs/import-log`);
  await page.getByLabel("Log file").setInputFiles(file);
  await page.getByLabel("Run name").waitFor();
  if (screenshotName) await screenshot(page, screenshotName);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.waitForURL(/\/runs\/\d+$/);
  return Number(page.url().split("/").pop());
}

describe("runs in the browser", () => {
  let session: BrowserSession;
  let problems: string[];
  let folder: string;
  const slug = "runs-e2e";
  const runIds: number[] = [];
  let liveRunId = 0;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "mmr-e2e-runs-"));
    writeFileSync(path.join(folder, "geo3k-gspo.log"), verlLog("geo3k-gspo", 0.3));
    writeFileSync(path.join(folder, "geo3k-baseline.log"), verlLog("geo3k-baseline", 0.2));
    writeFileSync(path.join(folder, "oom.log"), crashLog);
    session = await openBrowser("light");
    problems = watchForPageErrors(session.page);
    await signInAsAdmin(session.page, baseURL);
    await session.page.goto(`${baseURL}/projects/new`);
    await session.page.getByLabel("Project name").fill("Runs E2E");
    await session.page.getByRole("button", { name: "Create project" }).click();
    await session.page.waitForURL(`**/p/${slug}`);
  });
  afterAll(async () => {
    await session?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it("shows how to connect a GPU worker when none is", async () => {
    const { page } = session;
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Workers" }).click();
    await page.getByText("No GPU workers connected.").waitFor();
    await page.getByText(`mmr worker --server ${baseURL} --token T`).waitFor();
    expect(await page.getByRole("main").getByRole("link", { name: "Settings" }).getAttribute("href")).toBe(`/p/${slug}/settings`);
    await screenshot(page, "30-workers-empty-light");
  });

  it("imports a verl log through the page and opens the finished run", async () => {
    const { page } = session;
    runIds.push(await importThroughTheUi(page, slug, path.join(folder, "geo3k-gspo.log"), "31-import-log-light"));
    await page.getByRole("heading", { name: /geo3k-gspo/ }).waitFor();
    await page.getByText("succeeded", { exact: true }).waitFor();
    await page.getByText("rl", { exact: true }).waitFor();
  });

  it("shows the log with its colours drawn, and a search that marks matches", async () => {
    const { page } = session;
    const log = page.getByRole("log", { name: "Run log" });
    const prefix = log.getByText("(TaskRunner pid=4242)").first();
    await prefix.waitFor();
    expect(await prefix.evaluate((span) => getComputedStyle(span).color)).toBe("rgb(34, 211, 238)");
    const warning = log.getByText("WARNING: rollout queue is full, waiting");
    expect(await warning.evaluate((span) => getComputedStyle(span).color)).toBe("rgb(248, 113, 113)");
    // No escape sequence is left as text, and the tqdm redraw shows its last drawing only.
    expect(await log.textContent()).not.toMatch(/\[36m|\[0m|Training Progress/);

    await page.getByLabel("Search the log").fill("global_step_20");
    await page.getByText("line 1 of 1 matching").waitFor();
    expect(await log.locator("mark").textContent()).toBe("global_step_20");
    await page.getByLabel("Search the log").fill("");
  });

  it("charts the RL panels with data, and lists the checkpoint and where the run came from", async () => {
    const { page } = session;
    for (const metric of ["critic/score/mean", "response_length/mean", "actor/kl_loss", "actor/entropy"]) {
      const chart = page.getByRole("img", { name: `Chart of ${metric}` });
      await chart.waitFor();
      expect(await chart.getAttribute("data-points")).toBe(String(steps));
      await chart.locator(".recharts-line-curve").first().waitFor();
    }
    await page.getByRole("cell", { name: "/ckpt/geo3k-gspo/global_step_20" }).waitFor();
    await page.getByText("Imported from geo3k-gspo.log").waitFor();
    await screenshot(page, "32-run-imported-light");
  });

  it("adds a chart, changes the smoothing, and keeps both in the URL", async () => {
    const { page } = session;
    await page.getByLabel("Metric to chart").fill("actor/pg_loss");
    await page.getByRole("button", { name: "Add chart" }).click();
    await page.getByRole("img", { name: "Chart of actor/pg_loss" }).waitFor();
    await page.waitForURL(/metric=actor%2Fpg_loss/);
    await page.getByRole("button", { name: "Remove the chart of actor/entropy" }).click();
    await page.getByRole("img", { name: "Chart of actor/entropy" }).waitFor({ state: "detached" });
    await page.getByRole("slider").fill("0");
    await page.waitForURL(/smooth=0\.00/);
    await page.reload();
    await page.getByRole("img", { name: "Chart of actor/pg_loss" }).waitFor();
    expect(await page.getByRole("img", { name: "Chart of actor/entropy" }).count()).toBe(0);
    // Every point of the imported log was written at once, so wall time is offered but disabled.
    expect(await page.getByRole("option", { name: /wall time/ }).isDisabled()).toBe(true);
  });

  it("imports a log that ends in CUDA out of memory as a failed run with the error shown", async () => {
    const { page } = session;
    await importThroughTheUi(page, slug, path.join(folder, "oom.log"));
    await page.getByText("failed", { exact: true }).waitFor();
    await page.getByText(/The log ends in a crash: torch\.OutOfMemoryError: CUDA out of memory/).waitFor();
    runIds.push(await importThroughTheUi(page, slug, path.join(folder, "geo3k-baseline.log")));
  });

  it("lists the runs with their duration, sorts them and picks two to compare", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${slug}/runs?kind=rl`);
    const table = page.getByRole("table");
    await table.getByRole("link", { name: "geo3k-baseline" }).waitFor();
    expect(await table.getByRole("row").count()).toBe(4);
    // The headline metrics at the run's last step: reward and response length for RL.
    expect(await table.getByRole("row", { name: /geo3k-gspo/ }).textContent()).toMatch(/reward -?[\d.]+ · response length [\d.]+ at step \d+/);
    await table.getByRole("button", { name: "Name" }).click();
    await page.waitForURL(/sort=name/);
    const names = await table.locator("tbody tr td:nth-child(3) a").allTextContents();
    expect(names).toEqual(["geo3k-baseline", "geo3k-gspo", "oom"]);
    await page.getByLabel("Compare run " + runIds[0]).check();
    await page.getByLabel("Compare run " + runIds[1]).check();
    await page.getByRole("link", { name: "Compare 2 runs" }).click();
    await page.waitForURL(`**/runs/compare?runs=${[...runIds].sort((a, b) => a - b).join(",")}`);
  });

  it("overlays the reward of both runs and diffs their configs", async () => {
    const { page } = session;
    const overlay = page.getByRole("img", { name: "Overlay of critic/score/mean" });
    await overlay.waitFor();
    await expect.poll(() => overlay.locator(".recharts-line-curve").count()).toBe(2);
    await page.getByText("#" + runIds[0] + " geo3k-gspo").first().waitFor();
    const diff = page.getByLabel("Changed config lines");
    expect(await diff.textContent()).toContain("Imported from geo3k-gspo.log: no launch spec.");
    expect(await diff.textContent()).toContain("Imported from geo3k-baseline.log: no launch spec.");
    await screenshot(page, "33-runs-compare-light");
    await page.goto(`${baseURL}/p/${slug}/runs`);
    await page.getByRole("link", { name: "geo3k-gspo" }).waitFor();
    await screenshot(page, "34-runs-table-light");
    expect(problems).toEqual([]);
  });

  it("follows a live run on a GPU worker: new log lines and chart points within 2 seconds, the worker's GPUs and current run", async () => {
    const { page } = session;
    const { token } = (await trpcPost(page.request, "tokens.createWorker", { project: slug, name: "e2e gpu node" })) as { token: string };
    const agent = (procedure: string, input: unknown) => trpcPost(null, `agent.${procedure}`, input, token);
    const { workerId } = (await agent("register", { hostname: "gpu-node-7", gpus: [h100(0), h100(1)], labels: ["h100"], executors: ["local", "slurm"] })) as { workerId: string };
    const launched = (await trpcPost(page.request, "runs.launch", {
      project: slug,
      kind: "rl",
      name: "live geo3k",
      launch: {
        command: "python3 -m verl.trainer.main_ppo --config-path . --config-name gspo",
        env: { WANDB_API_KEY: "0123456789abcdef0123456789abcdef", NCCL_DEBUG: "INFO" },
        files: [{ path: "gspo.yaml", content: "algorithm:\n  adv_estimator: grpo\n" }],
      },
      requirements: { gpus: 2, labels: ["h100"] },
    })) as { id: number };
    const claimed = (await agent("claim", { workerId, waitMs: 5_000 })) as { runId: number } | null;
    expect(claimed?.runId).toBe(launched.id);
    await agent("start", { workerId, runId: launched.id });
    await agent("heartbeat", { workerId, currentRunId: launched.id, gpuStatus: [{ index: 0, utilizationPercent: 93, memoryUsedMb: 70_124 }, { index: 1, utilizationPercent: 41, memoryUsedMb: 35_000 }] });

    await page.goto(`${baseURL}/p/${slug}/workers`);
    const card = page.getByRole("region", { name: "Worker gpu-node-7" });
    await card.getByText("online").waitFor();
    expect(await card.getByRole("link", { name: `Run #${launched.id}` }).getAttribute("href")).toBe(`/p/${slug}/runs/${launched.id}`);
    expect(await card.getByRole("meter", { name: "util" }).first().getAttribute("aria-valuenow")).toBe("93");
    await card.getByText("68.5 GiB / 79.6 GiB").waitFor();
    await screenshot(page, "35-workers-light");

    await card.getByRole("link", { name: `Run #${launched.id}` }).click();
    await page.getByText("running", { exact: true }).waitFor();
    await page.getByText("Waiting for output…").waitFor();
    const log = page.getByRole("log", { name: "Run log" });
    await agent("events", { workerId, runId: launched.id, events: [{ seq: 1, type: "log", payload: { lines: liveStepLines(1, 40) } }] });
    const reward = page.getByRole("img", { name: "Chart of critic/score/mean" });
    await expect.poll(() => reward.getAttribute("data-points"), { timeout: 4_000 }).toBe("40");
    await log.getByText("step:40 - critic/score/mean").waitFor({ timeout: 4_000 });
    expect(await page.getByLabel("Follow").isChecked()).toBe(true);

    // Forty more lines: the page reads on after the last sequence number and, following, keeps the newest in view.
    const sentAt = Date.now();
    await agent("events", { workerId, runId: launched.id, events: [{ seq: 2, type: "log", payload: { lines: liveStepLines(41, 80) } }] });
    await log.getByText("step:80 - critic/score/mean").waitFor({ timeout: 4_000 });
    expect(Date.now() - sentAt).toBeLessThan(4_000);
    await expect.poll(() => reward.getAttribute("data-points"), { timeout: 4_000 }).toBe("80");
    expect(await log.getByText("step:80 - critic/score/mean").isVisible()).toBe(true);
    expect(await page.getByText("80 lines").count()).toBe(1);
    expect(await page.getByText("0123456789abcdef0123456789abcdef").count()).toBe(0);
    await page.getByText("WANDB_API_KEY").waitFor();
    await screenshot(page, "36-run-live-light");

    await agent("finish", { workerId, runId: launched.id, exitCode: 0, cancelled: false });
    await page.getByText("succeeded", { exact: true }).waitFor({ timeout: 4_000 });
    const fact = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
    expect(await fact("Exit code").textContent()).toBe("0");
    expect(await fact("Worker").textContent()).toBe("gpu-node-7");
    liveRunId = launched.id;
    expect(problems).toEqual([]);
  });

  it("diffs the launch specs of two training runs and cancels the queued one", async () => {
    const { page } = session;
    const queued = (await trpcPost(page.request, "runs.launch", {
      project: slug,
      kind: "rl",
      name: "geo3k longer responses",
      launch: {
        command: "python3 -m verl.trainer.main_ppo --config-path . --config-name gspo",
        env: { WANDB_API_KEY: "fedcba9876543210fedcba9876543210", NCCL_DEBUG: "WARN" },
        files: [{ path: "gspo.yaml", content: "algorithm:\n  adv_estimator: grpo\ndata:\n  max_response_length: 28696\n" }],
      },
      // More GPUs than any worker has: it stays queued.
      requirements: { gpus: 64 },
    })) as { id: number };
    await page.goto(`${baseURL}/p/${slug}/runs/compare?runs=${liveRunId},${queued.id}`);
    const diff = page.getByLabel("Changed config lines");
    await diff.getByText("data:").waitFor();
    const changed = await diff.locator("div").evaluateAll((rows) => rows.map((row) => row.textContent ?? "").filter((text) => /^[−+]/.test(text)));
    expect(changed).toEqual(['−    "NCCL_DEBUG": "INFO",', '+    "NCCL_DEBUG": "WARN",', "+data:", "+  max_response_length: 28696"]);
    expect(await diff.textContent()).not.toContain("fedcba9876543210");
    await screenshot(page, "37-config-diff-light");

    await page.getByRole("link", { name: "geo3k longer responses" }).click();
    await page.getByText("queued", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Cancel run" }).click();
    await page.getByText("cancelled", { exact: true }).waitFor();
    expect(problems).toEqual([]);
  });

  it("renders the run, compare and workers pages in the dark theme", async () => {
    const dark = await openBrowser("dark");
    try {
      const { page } = dark;
      const darkProblems = watchForPageErrors(page);
      await signInAsAdmin(page, baseURL);
      await page.goto(`${baseURL}/p/${slug}/runs/${runIds[0]}`);
      await page.getByRole("img", { name: "Chart of critic/score/mean" }).locator(".recharts-line-curve").first().waitFor();
      await page.getByRole("log", { name: "Run log" }).getByText("(TaskRunner pid=4242)").first().waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      await screenshot(page, "40-run-imported-dark");
      await page.goto(`${baseURL}/p/${slug}/runs/compare?runs=${runIds.join(",")}`);
      await expect.poll(() => page.getByRole("img", { name: "Overlay of critic/score/mean" }).locator(".recharts-line-curve").count()).toBe(2);
      await screenshot(page, "41-runs-compare-dark");
      await page.goto(`${baseURL}/p/${slug}/workers`);
      await page.getByRole("region", { name: "Worker gpu-node-7" }).waitFor();
      await screenshot(page, "42-workers-dark");
      expect(darkProblems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
