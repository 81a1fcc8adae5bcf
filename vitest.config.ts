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
    // The example keeps a build cache; tests that build it check what Eleventy renders, so they build
    // without (tests/build-cache.test.ts turns it back on for its own sites).
    env: { SOURCE_DATE_EPOCH: "1765954800", NEWSROOM_BUILD_CACHE: "off" },
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
