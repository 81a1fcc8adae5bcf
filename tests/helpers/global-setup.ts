// Builds the example site once for the whole run: the tests that read the built folder share it.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The example built to disk by Eleventy's own command line, read-only for the tests. */
    exampleSite: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, "../..");

export default function setup(project: TestProject): void {
  const out = mkdtempSync(path.join(os.tmpdir(), "newsroom-example-"));
  // The clock pinned as in every test (vitest.config.ts), and the zone fixed: the reproducibility
  // test builds again in another zone and compares.
  const env = { ...process.env, SOURCE_DATE_EPOCH: project.config.env.SOURCE_DATE_EPOCH, TZ: "UTC" };
  const run = spawnSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${out}`, "--quiet"], { cwd: ROOT, env, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the example did not build:\n${run.stderr}`);
  project.provide("exampleSite", out);
}
