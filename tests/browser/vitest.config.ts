import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser journeys in Debian's Chromium (playwright-core, no browser download).
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["tests/browser/**/*.test.ts"],
    globalSetup: ["tests/browser/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    // axe-core and Chromium are slow on a busy two-core machine: a limit, not an expected time.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
