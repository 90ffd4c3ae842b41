import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const chromiumPath = process.env.MMR_CHROMIUM_PATH ?? "/usr/bin/chromium";
const screenshotDir = path.resolve(import.meta.dirname, "../screenshots");

// Debian's Chromium, headless, with nothing that reaches for the network on its own.
const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh browser profile: no cookies or storage shared with other sessions. */
export async function openBrowser(colorScheme: "light" | "dark" = "light"): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(tmpdir(), "mmr-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: flags,
    viewport: { width: 1280, height: 800 },
    colorScheme,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Collects console errors and failed requests so a test can assert the page ran cleanly. */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    // Next prefetches the pages links point to (`?_rsc=`); a speculative fetch that fails shows the user nothing.
    if (source.includes("_rsc=")) return;
    problems.push(`console: ${message.text()}${source ? ` (${source})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
