import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// `npm run test:conformance`: our parsers against the real third-party files in MMR_FIXTURES_DIR, read where they lie.
export default defineConfig({
  resolve: {
    alias: { "@": root, "server-only": path.join(root, "tests/support/server-only-stub.ts") },
  },
  test: {
    name: "conformance",
    include: ["tests/conformance/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results/conformance.json" }]],
    testTimeout: 120_000,
  },
});
