import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");

/** A JSONL file of two samples, one showing a blue square, and its image folder. */
async function writeDataFiles(): Promise<{ folder: string; dataFile: string; imageFolder: string }> {
  const folder = mkdtempSync(path.join(tmpdir(), "mmr-e2e-export-"));
  const imageFolder = path.join(folder, "images");
  mkdirSync(imageFolder);
  await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: 30, g: 60, b: 220 } } })
    .png()
    .toFile(path.join(imageFolder, "blue.png"));
  const dataFile = path.join(folder, "squares.jsonl");
  const rows = [
    { id: "blue", question: "What colour is the square?", answer: "blue", image: "images/blue.png" },
    { id: "sides", question: "How many sides has a square?", answer: "4" },
  ];
  writeFileSync(dataFile, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  return { folder, dataFile, imageFolder };
}

describe("exporting a dataset version in the browser", () => {
  let session: BrowserSession;
  let problems: string[];
  let files: Awaited<ReturnType<typeof writeDataFiles>>;
  const slug = "export-e2e";

  beforeAll(async () => {
    files = await writeDataFiles();
    session = await openBrowser("light");
    problems = watchForPageErrors(session.page);
    await signInAsAdmin(session.page, baseURL);
  });
  afterAll(async () => {
    await session?.close();
    if (files) rmSync(files.folder, { recursive: true, force: true });
  });

  it("imports a small dataset through the upload form and freezes a version of it", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/projects/new`);
    await page.getByLabel("Project name").fill("Export E2E");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL(`**/p/${slug}`);

    await page.goto(`${baseURL}/p/${slug}/datasets/import`);
    await page.getByLabel("Data file").setInputFiles(files.dataFile);
    await page.getByLabel("Image folder (optional)").setInputFiles(files.imageFolder);
    await page.getByText("2 files").waitFor();
    await page.getByRole("button", { name: "Upload and preview" }).click();
    await page.getByRole("region", { name: "Source squares" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Dataset name").fill("Squares");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("link", { name: "Open the dataset" }).click({ timeout: 60_000 });
    await page.waitForURL(/\/datasets\/[0-9a-f-]{36}$/);

    await page.getByText("Freezes the 2 included samples of the current view.").waitFor();
    await page.getByLabel("Version name").fill("first cut");
    await page.getByRole("button", { name: "Freeze version" }).click();
    await page.getByRole("list", { name: "Versions" }).getByText("first cut").waitFor();
    await page.getByRole("region", { name: "Exports" }).getByText("No exports yet").waitFor();
  });

  it("exports the version as lmms-engine SFT, follows the run and downloads train.parquet through its link", async () => {
    const { page } = session;
    await page.getByRole("button", { name: "Export v1…" }).click();
    const form = page.getByRole("region", { name: "Export v1" });
    expect(await form.getByRole("radio", { name: /lmms-engine SFT/ }).isChecked()).toBe(true);
    await form.getByRole("radio", { name: /verl RL/ }).check();
    await form.getByRole("radio", { name: /lmms-engine SFT/ }).check();
    await screenshot(page, "22-dataset-export-form-light");
    await form.getByRole("button", { name: "Start export" }).click();

    const parquetLink = form.getByRole("link", { name: "train.parquet" });
    await parquetLink.waitFor({ timeout: 60_000 });
    await form.getByText("succeeded").waitFor();
    await form.getByRole("link", { name: "datasets.yaml" }).waitFor();
    await form.getByText(/2 samples; their images are in images\//).waitFor();

    // The same export heads the dataset's list of exports, with its files.
    const recent = page.getByRole("list", { name: "Recent exports" }).getByRole("listitem").first();
    await recent.getByText("v1 lmms-engine SFT").waitFor();
    await recent.getByRole("link", { name: "train.parquet" }).waitFor();

    const href = await parquetLink.getAttribute("href");
    expect(href).toMatch(/^\/api\/artifacts\/\d+\/train\.parquet$/);
    // Fetched with the browser's session cookie, as the link is.
    const response = await page.context().request.get(`${baseURL}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="train\.parquet"/);
    const body = await response.body();
    expect(body.subarray(0, 4).toString()).toBe("PAR1");

    const [download] = await Promise.all([page.waitForEvent("download"), parquetLink.click()]);
    expect(download.suggestedFilename()).toBe("train.parquet");
    expect(statSync(await download.path()).size).toBe(body.length);

    await screenshot(page, "23-dataset-export-done-light");
    expect(problems).toEqual([]);
  });
});
