import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { admin } from "./support/accounts";
import { openBrowser, screenshot, watchForPageErrors, type BrowserSession } from "./support/browser";

const baseURL = inject("baseURL");
const viewer = { name: "Vera Viewer", email: "vera@example.com", password: "a long viewer password" };

describe("first steps in the browser", () => {
  let adminBrowser: BrowserSession;
  let inviteLink = "";

  beforeAll(async () => {
    adminBrowser = await openBrowser("light");
  });
  afterAll(() => adminBrowser.close());

  it("signs up the first account as admin and shows the shell with the demo project seeded", async () => {
    const { page } = adminBrowser;
    const problems = watchForPageErrors(page);
    await page.goto(`${baseURL}/`);
    await page.waitForURL("**/sign-in");
    await page.getByRole("link", { name: "Sign up" }).click();
    await page.getByRole("heading", { name: "Create the administrator account" }).waitFor();
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create account" }).click();

    await page.waitForURL("**/p/demo");
    for (const area of ["Datasets", "Runs", "Judge", "Leaderboard", "Workers", "Settings"]) {
      await expect(page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: area }).isVisible()).resolves.toBe(true);
    }
    // The seed-demo job ran in the web process and its run reached 100%.
    await page.getByRole("link", { name: "Seed the demo workspace" }).waitFor();
    await page.getByText("succeeded").first().waitFor({ timeout: 30_000 });
    await page.getByText(/A small workspace to explore MMR Studio/).waitFor();
    await screenshot(page, "01-demo-overview-light");
    expect(problems).toEqual([]);
  });

  it("shows the seed-demo run with its progress and log", async () => {
    const { page } = adminBrowser;
    await page.goto(`${baseURL}/p/demo/runs?view=finished`);
    await page.getByRole("link", { name: "Seed the demo workspace" }).click();
    await page.getByRole("progressbar", { name: "Run progress" }).waitFor();
    expect(await page.getByRole("progressbar", { name: "Run progress" }).getAttribute("aria-valuenow")).toBe("100");
    await page.getByText(/Step 1\/\d+: Describe the demo project/).waitFor();
    await screenshot(page, "02-run-detail");
  });

  it("creates a project and invites a viewer", async () => {
    const { page } = adminBrowser;
    await page.getByRole("combobox", { name: "Project" }).selectOption({ label: "+ New project…" });
    await page.waitForURL("**/projects/new");
    await page.getByLabel("Project name").fill("Vision RL");
    await page.getByRole("button", { name: "Create project" }).click();
    await page.waitForURL("**/p/vision-rl");
    await page.getByRole("heading", { name: "Vision RL" }).waitFor();
    await page.getByText("No runs yet.").waitFor();

    await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Invite by email").fill(viewer.email);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByRole("button", { name: "Invite" }).click();
    inviteLink = (await page.getByTestId("revealed-secret").textContent()) ?? "";
    expect(inviteLink).toMatch(/\/sign-up\?invite=inv_/);
    await page.getByRole("cell", { name: "viewer · invited" }).waitFor();
    await screenshot(page, "03-settings-invited");
  });

  it("switches to the dark theme without breaking the layout", async () => {
    const { page } = adminBrowser;
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains("dark"));
    await page.goto(`${baseURL}/p/demo`);
    await page.getByRole("heading", { name: "Demo" }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe("rgb(250, 250, 250)");
    await screenshot(page, "04-demo-overview-dark");
  });

  it("lets the invited viewer read but not change anything", async () => {
    const session = await openBrowser("light");
    try {
      const { page } = session;
      await page.goto(inviteLink);
      await page.getByRole("heading", { name: "Create your account" }).waitFor();
      await page.getByLabel("Name").fill(viewer.name);
      await page.getByLabel("Email").fill(viewer.email);
      await page.getByLabel("Password").fill(viewer.password);
      await page.getByRole("button", { name: "Create account" }).click();
      await page.waitForURL("**/p/vision-rl");

      await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Settings" }).click();
      await page.getByText("Your role here: viewer").waitFor();
      expect(await page.getByLabel("Invite by email").count()).toBe(0);
      expect(await page.getByText("Worker tokens").count()).toBe(0);
      await screenshot(page, "05-viewer-settings");

      const attempt = await page.evaluate(async () => {
        const response = await fetch("/api/trpc/projects.update", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ json: { project: "vision-rl", name: "Renamed by a viewer" } }),
        });
        return { status: response.status, body: await response.text() };
      });
      expect(attempt.status).toBe(403);
      expect(attempt.body).toContain("needs the admin role");
      await page.goto(`${baseURL}/p/vision-rl`);
      await page.getByRole("heading", { name: "Vision RL" }).waitFor();

      // A project the viewer does not belong to is a 404, not a leak.
      const demo = await page.goto(`${baseURL}/p/demo`);
      expect(demo?.status()).toBe(404);
    } finally {
      await session.close();
    }
  });

  it("explains a wrong password and refuses anonymous API calls", async () => {
    const session = await openBrowser("light");
    try {
      const { page } = session;
      await page.goto(`${baseURL}/sign-in`);
      await page.getByLabel("Email").fill(admin.email);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("alert").getByText(/Invalid email or password/).waitFor();
      await screenshot(page, "06-sign-in-error");

      const anonymous = await fetch(`${baseURL}/api/trpc/projects.list`);
      expect(anonymous.status).toBe(401);
      const closed = await fetch(`${baseURL}/sign-up`).then((r) => r.text());
      expect(closed).toContain("Sign-up is closed");
    } finally {
      await session.close();
    }
  });
});
