import type { Page } from "playwright-core";

/** The instance administrator every browser test file shares: the first account on the fresh database. */
export const admin = { name: "Ada Admin", email: "ada@example.com", password: "a long admin password" };

/**
 * Signs in as the administrator, creating the account when no test file has yet (test files share one server and
 * database, and any of them may run first when picked alone).
 */
export async function signInAsAdmin(page: Page, baseURL: string): Promise<void> {
  await page.goto(`${baseURL}/sign-up`);
  const heading = page.getByRole("heading", { name: /Create the administrator account|Sign-up is closed/ });
  await heading.waitFor();
  if ((await heading.textContent())?.includes("administrator")) {
    await page.getByLabel("Name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Create account" }).click();
  } else {
    await page.goto(`${baseURL}/sign-in`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await page.waitForURL((url) => !/^\/sign-(in|up)/.test(url.pathname));
}
