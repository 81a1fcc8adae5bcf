// The benchmark script runs end to end at N = 50, as a table and as JSON lines. It asserts nothing
// about speed: that is measured by `npm run bench`, never by a timed test.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";

const bench = (...args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "bench/run.ts", "50", "--no-search", ...args], { cwd: ROOT, encoding: "utf8" });

describe("bench/run.ts", () => {
  it("builds 50 releases bare, with the plugin, and again after publishing one, and prints each", () => {
    const run = bench();
    expect(run.status, run.stderr).toBe(0);
    const rows = run.stdout.split("\n").filter((l) => /^\| 50 \|/.test(l));
    expect(rows.map((r) => r.split("|")[2]!.trim())).toEqual(["bare", "newsroom", "newsroom-publish"]);
    for (const row of rows) expect(Number(row.split("|")[4])).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/\| 50 \| newsroom \|.*\| \d+\.\d\d \|  \|  \|$/m);
    // The publish build equals a clean build of the same input.
    expect(run.stdout).toMatch(/\| 50 \| newsroom-publish \|.*\| \d+\.\d\d \| true \|$/m);
  }, 180_000);

  it("prints one JSON line per measured build with --json", () => {
    const run = bench("--json");
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.build)).toEqual(["bare", "newsroom", "newsroom-publish"]);
    for (const l of lines) {
      expect(l.n).toBe(50);
      expect(typeof l.seconds).toBe("number");
      expect(typeof l.maxRssMB).toBe("number");
      expect(typeof l.pages).toBe("number");
    }
    expect(lines[2]!.identical).toBe(true);
  }, 180_000);
});
