// The same input builds byte-identical output, whatever the machine's time zone.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";
import { sharedExample } from "./helpers/site.ts";

function buildExampleWith(tz: string): string {
  const out = mkdtempSync(path.join(os.tmpdir(), `newsroom-${tz.replace("/", "-")}-`));
  const run = spawnSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${out}`, "--quiet"], {
    cwd: ROOT,
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return out;
}

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full)] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

describe("reproducible builds", () => {
  it("TZ=UTC and TZ=Asia/Almaty give byte-identical _site", () => {
    // The shared build of this run was made with TZ=UTC (tests/helpers/global-setup.ts).
    const utc = hashes(sharedExample());
    const almaty = hashes(buildExampleWith("Asia/Almaty"));
    expect(Object.keys(utc).length).toBeGreaterThan(50);
    expect(almaty).toEqual(utc);
  });
});
