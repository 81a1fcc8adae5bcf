// The example site built for real, by Eleventy's own command line, into a folder of its own.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { ROOT } from "./build.ts";

/** The example as the run's global setup built it once: read it, never write to it. */
export function sharedExample(): string {
  return inject("exampleSite");
}

/** Runs the example's build (the README's) into a temporary folder of its own; returns that folder. */
export function buildExampleToDisk(extraArgs: string[] = []): string {
  const out = mkdtempSync(path.join(os.tmpdir(), "newsroom-site-"));
  const run = spawnSync(process.execPath, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${out}`, "--quiet", ...extraArgs], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`the example did not build:\n${run.stderr}`);
  return out;
}

/** Every file below a folder, as paths relative to it with forward slashes. */
export function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** The site path of an output HTML file: `ru/index.html` → `/ru/`. */
export const urlOf = (file: string) => `/${file}`.replace(/index\.html$/, "");

/** The output file a site path names, or undefined. */
export function fileFor(dir: string, url: string): string | undefined {
  const clean = decodeURIComponent(url.split(/[?#]/)[0]!);
  const candidates = clean.endsWith("/") ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  return candidates.map((c) => path.join(dir, c)).find((f) => existsSync(f) && statSync(f).isFile());
}
