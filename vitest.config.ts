import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    // The example is built once, before any test, for every test that reads the built folder.
    globalSetup: ["./tests/helpers/global-setup.ts"],
    // Eleventy imports `.eleventy.ts` and 11ty.js templates itself, outside Vite: tsx makes that work.
    pool: "forks",
    execArgv: ["--import", "tsx"],
    // The clock is pinned, as the README tells a reproducible build to: 2025-12-17T12:00:00+05:00,
    // the day after the example's release. A test that needs the real clock unsets it.
    env: { SOURCE_DATE_EPOCH: "1765954800" },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
