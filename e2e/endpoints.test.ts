import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../tests/support/fake-openai-server";
import { signInAsAdmin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");

describe("model endpoints in Settings", () => {
  let session: BrowserSession;
  let problems: string[];
  let model: FakeOpenAiServer;

  beforeAll(async () => {
    model = await startFakeOpenAiServer({ model: "grader-7b", reply: () => "1" });
    session = await openBrowser("light");
    problems = watchForPageErrors(session.page);
    await signInAsAdmin(session.page, baseURL);
  });
  afterAll(async () => {
    await session?.close();
    await model?.close();
  });

  it("adds an endpoint, tests its connection with one real call, edits it, sees a failing test explained, and removes it", async () => {
    const { page } = session;
    await page.goto(`${baseURL}/p/demo/settings`);
    const panel = page.getByRole("region", { name: "Model endpoints" });
    await panel.getByRole("button", { name: "Add endpoint" }).click();
    const form = panel.getByRole("form", { name: "Add endpoint" });
    await form.getByLabel("Name").fill("grader");
    await form.getByLabel("Base URL (OpenAI-compatible)").fill(model.baseUrl);
    await form.getByLabel("Model").fill("grader-7b");
    await form.getByLabel("API key (optional)").fill("sk-e2e-secret");
    await form.getByLabel("Concurrency").fill("4");
    await form.getByRole("button", { name: "Add endpoint" }).click();

    const row = panel.getByTestId("endpoint-grader");
    await row.getByText("key set · concurrency 4").waitFor();
    expect(await page.content()).not.toContain("sk-e2e-secret");
    const before = model.requests;
    await row.getByRole("button", { name: "Test connection" }).click();
    await row.getByRole("status").getByText(/Connected: grader-7b answered in \d+ ms/).waitFor();
    expect(model.requests).toBe(before + 1);
    await screenshot(page, "85-settings-endpoints-light");

    await row.getByRole("button", { name: "Edit" }).click();
    const edit = row.getByRole("form", { name: "Save endpoint" });
    await edit.getByLabel("API key (stored; type to replace)").waitFor();
    await edit.getByLabel("Model").fill("missing-model");
    await edit.getByRole("button", { name: "Save endpoint" }).click();
    await row.getByText("missing-model", { exact: false }).first().waitFor();
    await row.getByText("key set").waitFor();
    await row.getByRole("button", { name: "Test connection" }).click();
    await row.getByRole("alert").getByText(/Connection failed: .*missing-model/).waitFor();
    await screenshot(page, "86-settings-endpoint-failing-light");

    page.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => panel.getByTestId("endpoint-grader").count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("names the field that is wrong", async () => {
    const { page } = session;
    const panel = page.getByRole("region", { name: "Model endpoints" });
    await panel.getByRole("button", { name: "Add endpoint" }).click();
    const form = panel.getByRole("form", { name: "Add endpoint" });
    await form.getByLabel("Name").fill("broken");
    await form.getByLabel("Base URL (OpenAI-compatible)").fill("ftp://judge-host/v1");
    await form.getByLabel("Model").fill("judge");
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await form.getByRole("alert").getByText(/must start with http/).waitFor();
    await form.getByRole("button", { name: "Cancel" }).click();
    expect(await panel.getByTestId("endpoint-broken").count()).toBe(0);
  });
});
