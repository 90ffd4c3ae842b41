import { createTestApp, type TestApp, type TestDriver } from "../support/test-app";
import { fixturesDir } from "./fixtures-dir";

/** Both database drivers the product supports: every end-to-end import here runs on each. */
export const drivers: TestDriver[] = ["pglite", "postgres"];

/** Creating a database, migrating it and signing up takes a few seconds on Postgres: more than vitest's 10 s hook default allows under load. */
export const setupTimeoutMs = 60_000;

export const projectSlug = "fixtures";

export interface FixtureApp {
  app: TestApp;
  caller: Awaited<ReturnType<TestApp["callerFor"]>>;
  userId: string;
  projectId: string;
}

/** A test app on `driver` whose only import root is the shared fixtures folder, so the files are read where they lie. */
export async function openFixtureApp(driver: TestDriver): Promise<FixtureApp> {
  const app = await createTestApp({ MMR_IMPORT_ROOTS: fixturesDir }, driver);
  const caller = await app.callerFor(await app.signUp("conformance@example.com"));
  const userId = (await caller.me.get())!.id;
  const projectId = (await caller.projects.create({ name: "Fixtures" })).id;
  return { app, caller, userId, projectId };
}
