import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
const scriptQuestion = "<script>window.__pwned = 1</script> What is 1 + 1?";

// Three good rows (one with an image, LaTeX and a <think>/<answer> trace; one whose text holds a <script>) and one
// row without a question, which the import must skip and name.
const rows = [
  {
    id: "square",
    question: "What colour is the square? Then give $x^2$ for $x = 3$.",
    answer: "red",
    image: "images/red.png",
    response: "<think>The square is red, and $x^2 = 9$; half of it is $\\frac{1}{2} \\cdot 9$.</think>\n<answer>red</answer>",
  },
  {
    id: "script",
    question: scriptQuestion,
    answer: "2",
    response: "<think>1 + 1 = 2 ![tracker](https://example.com/t.png) [click me](javascript:alert(1))</think><answer>2</answer>",
  },
  { id: "prime", question: "Name a prime number between 10 and 20.", answer: "13", response: "<think>11 and 13 are prime.</think><answer>13</answer>" },
  { id: "blank", question: "", answer: "4", response: "<answer>4</answer>" },
];

async function writeDataFiles(): Promise<{ folder: string; dataFile: string; imageFolder: string }> {
  const folder = mkdtempSync(path.join(tmpdir(), "mmr-e2e-data-"));
  const imageFolder = path.join(folder, "images");
  mkdirSync(imageFolder);
  await sharp({ create: { width: 64, height: 64, channels: 3, background: { r: 220, g: 30, b: 30 } } })
    .png()
    .toFile(path.join(imageFolder, "red.png"));
  const dataFile = path.join(folder, "shapes.jsonl");
  writeFileSync(dataFile, rows.map((row) => JSON.stringify(row)).join("\n") + "\n");
  return { folder, dataFile, imageFolder };
}

async function uploadAndPreview(page: Page, slug: string, files: { dataFile: string; imageFolder: string }) {
  await page.goto(`${baseURL}/p/${slug}/datasets/import`);
  await page.getByLabel("Data file").setInputFiles(files.dataFile);
  await page.getByLabel("Image folder (optional)").setInputFiles(files.imageFolder);
  await page.getByText("2 files").waitFor();
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByRole("region", { name: "Source shapes" }).waitFor({ timeout: 30_000 });
}

const sampleCount = (page: Page) => page.getByTestId("sample-count");

describe("datasets in the browser", () => {
  let session: BrowserSession;
  let problems: string[];
  let files: Awaited<ReturnType<typeof writeDataFiles>>;
  let slug = "";
  let datasetURL = "";

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

  it("creates a project whose datasets page says how to start", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/projects/new`);
    await page.getByLabel("Project name").fill("Datasets E2E");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL("**/p/datasets-e2e");
    slug = "datasets-e2e";
    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Datasets" }).click();
    await page.waitForURL("**/p/datasets-e2e/datasets");
    await page.getByText("No datasets yet.").waitFor();
    expect(await page.getByRole("link", { name: "Import data" }).count()).toBe(2);
  });

  it("uploads a JSONL file with its image folder and previews the rows, the mapping and the row that will be skipped", async () => {
    const { page } = session;
    await uploadAndPreview(page, slug, files);
    const source = page.getByRole("region", { name: "Source shapes" });
    await source.getByText("rows with reasoning traces").waitFor();
    expect(await source.getByLabel("Question").inputValue()).toBe("question");
    expect(await source.getByLabel("Images").inputValue()).toBe("image");
    expect(await source.getByLabel("Reasoning trace").inputValue()).toBe("response");
    await source.getByText(/row 4.*question/).waitFor();
    await source.getByRole("cell", { name: scriptQuestion }).waitFor();
    // An edited mapping re-runs the preview: without the image column, the first row shows no image.
    await source.getByLabel("Images").fill("");
    await page.getByText("Re-run the preview of shapes").waitFor();
    expect(await page.getByRole("button", { name: "Import", exact: true }).isDisabled()).toBe(true);
    await source.getByRole("button", { name: "Re-run preview" }).click();
    await source.getByRole("cell", { name: "images/red.png" }).waitFor({ state: "detached" });
    await source.getByRole("button", { name: "Back to the suggestion" }).click();
    await source.getByRole("button", { name: "Re-run preview" }).click();
    await source.getByRole("cell", { name: "images/red.png" }).waitFor();
    await screenshot(page, "10-import-preview-light");
  });

  it("imports with a live progress bar that reaches 100% and reports the skipped row", async () => {
    const { page } = session;
    await page.getByLabel("Dataset name").fill("Shapes");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const progress = page.getByRole("progressbar", { name: "Import progress" });
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute("aria-valuenow"), { timeout: 60_000 }).toBe("100");
    await page.getByText("succeeded").waitFor();
    const figure = (label: string) => page.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd");
    expect(await figure("Samples imported").textContent()).toBe("3");
    expect(await figure("Rows skipped").textContent()).toBe("1");
    await page.getByText(/shapes row 4.*question/).waitFor();
    await screenshot(page, "11-import-done-light");
    await page.getByRole("link", { name: "Open the dataset" }).click();
    await page.waitForURL(/\/datasets\/[0-9a-f-]{36}$/);
    datasetURL = page.url();
  });

  it("lists the dataset on the datasets page and the project overview", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${slug}/datasets`);
    await page.getByRole("link", { name: "Shapes" }).waitFor();
    await page.getByRole("cell", { name: "3", exact: true }).waitFor();
    await screenshot(page, "12-datasets-list-light");
    await page.goto(`${baseURL}/p/${slug}`);
    await page.getByRole("region", { name: "Datasets" }).getByRole("link", { name: "Shapes" }).waitFor();
  });

  it("browses as a list and a grid with thumbnails, and filters by image and full-text search through the URL", async () => {
    const { page } = session;
    await page.goto(datasetURL);
    await expect.poll(() => sampleCount(page).textContent()).toBe("3 samples");
    const list = page.getByRole("list", { name: "Samples" });
    expect(await list.getByRole("listitem").count()).toBe(3);
    await list.getByText(scriptQuestion).waitFor();
    const thumbnail = list.getByRole("img", { name: /Image of sample/ });
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, "13-dataset-browser-list-light");

    await page.getByRole("radio", { name: "Grid" }).click();
    await page.waitForURL(/layout=grid/);
    await expect.poll(() => list.getByRole("img", { name: /Image of sample/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await screenshot(page, "14-dataset-browser-grid-light");
    await page.getByRole("radio", { name: "List" }).click();

    await page.getByLabel("Image", { exact: true }).selectOption("yes");
    await page.waitForURL(/image=yes/);
    await expect.poll(() => sampleCount(page).textContent()).toBe("1 sample");
    await page.getByLabel("Image", { exact: true }).selectOption("");
    // No judge has seen this file: all three are unjudged, none judged wrong.
    await page.getByLabel("Verdict", { exact: true }).selectOption("unjudged");
    await page.waitForURL(/verdict=unjudged/);
    await expect.poll(() => sampleCount(page).textContent()).toBe("3 samples");
    await page.getByLabel("Verdict", { exact: true }).selectOption("incorrect");
    await expect.poll(() => sampleCount(page).textContent()).toBe("0 samples");
    await page.getByLabel("Verdict", { exact: true }).selectOption("");
    await page.getByLabel("Search question and answer").fill("prime");
    await page.getByLabel("Search question and answer").press("Enter");
    await page.waitForURL(/q=prime/);
    await expect.poll(() => sampleCount(page).textContent()).toBe("1 sample");
    await list.getByText("Name a prime number between 10 and 20.").waitFor();

    // The filtered view is a link: opened afresh, it shows the same selection.
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => sampleCount(page).textContent()).toBe("1 sample");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => sampleCount(page).textContent()).toBe("3 samples");
  });

  it("opens a sample with its image, rendered LaTeX and thinking / answer sections; zooms, tags and notes it", async () => {
    const { page } = session;
    await page.getByLabel("Image", { exact: true }).selectOption("yes");
    await expect.poll(() => sampleCount(page).textContent()).toBe("1 sample");
    await page.getByRole("list", { name: "Samples" }).getByRole("link").first().click();
    await page.waitForURL(/\/samples\/\d+\?image=yes$/);

    const image = page.getByRole("img", { name: "Image 1 of the sample" });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await page.getByRole("region", { name: "Thinking" }).locator(".katex").first().waitFor();
    expect(await page.locator(".katex").count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole("region", { name: "Answer", exact: true }).textContent()).toContain("red");

    await page.getByRole("button", { name: "Zoom image 1" }).click();
    await page.getByRole("dialog", { name: "Image at full size" }).waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "Image at full size" }).waitFor({ state: "detached" });
    expect(page.url()).toMatch(/\/samples\/\d+\?image=yes$/);

    await page.getByLabel("New tag").fill("checked");
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("list", { name: "Tags of this sample" }).getByText("checked").waitFor();
    await page.getByLabel("Note").fill("Colour question; the maths is a bonus.");
    await page.getByRole("button", { name: "Save note" }).click();
    await page.getByText("Saved.").waitFor();
    await screenshot(page, "15-sample-view-light");

    // Escape goes back to the list, keeping its filter.
    await page.keyboard.press("Escape");
    await page.waitForURL(/\/datasets\/[0-9a-f-]{36}\?image=yes$/);
  });

  it("walks samples with j / k and shows a <script> in the data as literal text that never runs", async () => {
    const { page } = session;
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => sampleCount(page).textContent()).toBe("3 samples");
    await page.getByRole("list", { name: "Samples" }).getByRole("link").first().click();
    await page.waitForURL(/\/samples\/(\d+)$/);
    const firstURL = page.url();
    await page.getByRole("heading", { name: /Sample #/ }).waitFor();
    await page.getByRole("img", { name: "Image 1 of the sample" }).waitFor();
    // The neighbours load after the sample; the Next button turns on when they have.
    await expect.poll(() => page.getByRole("button", { name: /Next/ }).isEnabled()).toBe(true);
    await page.keyboard.press("j");
    await page.waitForURL((url) => url.href !== firstURL);
    const question = page.getByRole("region", { name: "Question", exact: true });
    await question.getByText(scriptQuestion).waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("main script").count()).toBe(0);
    // Markdown in the trace cannot load remote images or carry javascript: links.
    const thinking = page.getByRole("region", { name: "Thinking" });
    await thinking.getByText("[image: tracker (https://example.com/t.png)]").waitFor();
    expect(await page.locator('img[src*="example.com"]').count()).toBe(0);
    await thinking.getByText("click me").waitFor();
    expect(await thinking.locator("a").count()).toBe(0);
    await page.keyboard.press("k");
    await page.waitForURL(firstURL);
    await page.getByRole("img", { name: "Image 1 of the sample" }).waitFor();
    expect(await page.getByRole("button", { name: /Previous/ }).isDisabled()).toBe(true);
  });

  it("curates in bulk with a confirmation, freezes versions and compares them", async () => {
    const { page } = session;
    await page.goto(`${datasetURL}?tag=checked`);
    await expect.poll(() => sampleCount(page).textContent()).toBe("1 sample");
    await page.getByRole("button", { name: "Exclude", exact: true }).click();
    await page.getByRole("alertdialog", { name: "Confirm bulk change" }).getByText("Exclude 1 sample from future versions?").waitFor();
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("1 sample changed.").waitFor();
    await page.getByRole("list", { name: "Samples" }).getByText("excluded").waitFor();

    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByText("Freezes the 2 included samples of the current view.").waitFor();
    await page.getByLabel("Version name").fill("without the checked one");
    await page.getByRole("button", { name: "Freeze version" }).click();
    const versions = page.getByRole("list", { name: "Versions" });
    await versions.getByText("v1").waitFor();
    await versions.getByText(/^2 samples/).waitFor();

    await page.getByRole("radio", { name: "Excluded" }).click();
    await expect.poll(() => sampleCount(page).textContent()).toBe("1 sample");
    await page.getByRole("button", { name: "Include", exact: true }).click();
    await page.getByRole("button", { name: "Confirm" }).click();
    await page.getByText("1 sample changed.").waitFor();
    await page.getByRole("radio", { name: "All" }).click();
    await page.getByText("Freezes the 3 included samples of the current view.").waitFor();
    await page.getByLabel("Version name").fill("everything");
    await page.getByRole("button", { name: "Freeze version" }).click();
    await versions.getByText("v2").waitFor();

    // Compare defaults to the previous version against the latest: the included sample comes back as added.
    await page.getByText("+1 added").waitFor();
    await page.getByText("−0 removed").waitFor();
    await page.getByRole("region", { name: "Compare versions" }).getByRole("link", { name: /What colour is the square/ }).waitFor();
    await screenshot(page, "16-dataset-versions-light");
    expect(problems).toEqual([]);
  });

  it("explains why a server path is refused", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/${slug}/datasets/import`);
    await page.getByRole("tab", { name: "Path on the server" }).click();
    await page.getByLabel("Path on the server").fill("/etc/passwd");
    await page.getByRole("button", { name: "Preview" }).click();
    // The browser tests' server sets no import roots, so every server path is refused with the reason.
    await page.getByRole("alert").getByText(/Server-path imports are disabled: an admin must set MMR_IMPORT_ROOTS/).waitFor();
    expect(await page.getByRole("button", { name: "Import", exact: true }).count()).toBe(0);
  });

  it("renders the dataset views in the dark theme", async () => {
    const dark = await openBrowser("dark");
    try {
      const { page } = dark;
      const darkProblems = watchForPageErrors(page);
      await signInAsAdmin(page, baseURL);
      await page.goto(`${baseURL}/p/${slug}/datasets`);
      await page.getByRole("link", { name: "Shapes" }).waitFor();
      expect(await page.evaluate(() => document.documentElement.classList.contains("dark"))).toBe(true);
      await screenshot(page, "17-datasets-list-dark");

      await uploadAndPreview(page, slug, files);
      await screenshot(page, "18-import-preview-dark");

      await page.goto(datasetURL);
      await expect.poll(() => sampleCount(page).textContent()).toBe("3 samples");
      const thumbnailLoaded = () => page.getByRole("img", { name: /Image of sample/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
      await expect.poll(thumbnailLoaded).toBeGreaterThan(0);
      await page.getByText("+1 added").waitFor();
      await screenshot(page, "19-dataset-browser-list-dark");
      await page.getByRole("radio", { name: "Grid" }).click();
      await page.waitForURL(/layout=grid/);
      await expect.poll(thumbnailLoaded).toBeGreaterThan(0);
      await screenshot(page, "20-dataset-browser-grid-dark");

      await page.getByRole("list", { name: "Samples" }).getByRole("link").first().click();
      await page.getByRole("region", { name: "Thinking" }).locator(".katex").first().waitFor();
      await expect.poll(() => page.getByRole("img", { name: "Image 1 of the sample" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
      await screenshot(page, "21-sample-view-dark");
      expect(darkProblems).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
