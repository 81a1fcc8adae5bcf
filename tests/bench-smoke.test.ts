// The benchmark script runs end to end at N = 50. It asserts nothing about speed: that is measured
// by `npm run bench`, never by a timed test.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";

describe("bench/run.ts", () => {
  it("builds 50 releases with the plugin and with bare Eleventy, and prints both", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "50"], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const rows = run.stdout.split("\n").filter((l) => /^\| 50 \|/.test(l));
    expect(rows.map((r) => r.split("|")[2]!.trim())).toEqual(["bare", "newsroom"]);
    for (const row of rows) {
      const pages = Number(row.split("|")[4]);
      expect(pages).toBeGreaterThan(50);
    }
    expect(run.stdout).toMatch(/\| 50 \| newsroom \|.*\| \d+\.\d\d \|$/m);
  }, 120_000);
});
