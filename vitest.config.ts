import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/helpers/summary-reporter.ts"],
    // Eleventy imports `.eleventy.ts` and 11ty.js templates itself, outside Vite: tsx makes that work.
    pool: "forks",
    execArgv: ["--import", "tsx"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
