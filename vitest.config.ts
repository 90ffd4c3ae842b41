import path from "node:path";
import { defineConfig } from "vitest/config";
import { FoundationFirstSequencer } from "./e2e/support/foundation-first-sequencer";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // server-only guards against client bundles; under vitest every module is server code.
      "server-only": path.join(root, "tests/support/server-only-stub.ts"),
    },
  },
};

// `npm test`: unit tests, integration tests on PGlite and on the real Postgres, and browser tests.
export default defineConfig({
  ...shared,
  test: {
    // CI reads the JSON report to print its closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results/tests.json" }]],
    // The browser tests share one database: the foundation file, which signs up the first account, runs first.
    sequence: { sequencer: FoundationFirstSequencer },
    projects: [
      { ...shared, test: { name: "unit", include: ["server/**/*.test.ts", "workers/**/*.test.ts", "components/**/*.test.ts"] } },
      { ...shared, test: { name: "pglite", include: ["tests/**/*.test.ts"], exclude: ["tests/conformance/**"], env: { MMR_TEST_DRIVER: "pglite" }, testTimeout: 60_000, hookTimeout: 60_000 } },
      { ...shared, test: { name: "postgres", include: ["tests/**/*.test.ts"], exclude: ["tests/conformance/**"], env: { MMR_TEST_DRIVER: "postgres" }, testTimeout: 60_000, hookTimeout: 60_000 } },
      { ...shared, test: { name: "e2e", include: ["e2e/**/*.test.ts"], globalSetup: ["e2e/support/global-setup.ts"], testTimeout: 120_000, hookTimeout: 300_000, fileParallelism: false } },
    ],
  },
});
