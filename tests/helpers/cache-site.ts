// A copy of tests/fixtures/build-cache, built as a site builds it (the compiled plugin installed in its
// node_modules), and compared with a clean build of the same input: for the build cache's tests.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { fixture, ROOT } from "./build.ts";
import { filesIn } from "./site.ts";

export const PLUGIN = "eleventy-plugin-newsroom";

export const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the fixture with the compiled plugin installed as a site installs it, its dependencies linked. */
export function makeSite(): string {
  const site = mkdtempSync(path.join(os.tmpdir(), "newsroom-cache-"));
  made.push(site);
  cpSync(fixture("build-cache"), site, { recursive: true });
  const modules = path.join(site, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(path.join(ROOT, "node_modules"))) {
    if (name !== PLUGIN && name !== ".cache") symlinkSync(path.join(ROOT, "node_modules", name), path.join(modules, name));
  }
  const own = path.join(modules, PLUGIN);
  for (const part of ["dist", "plugin/templates", "package.json"]) cpSync(path.join(ROOT, part), path.join(own, part), { recursive: true });
  return site;
}

/** The site's build, as `npx @11ty/eleventy` runs it; returns what it printed. */
export function build(site: string, output = "_site", env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--output=${output}`], {
    cwd: site,
    encoding: "utf8",
    env: { ...process.env, SOURCE_DATE_EPOCH: "", NEWSROOM_BUILD_CACHE: "", NEWSROOM_PACK_THREAD_MIN: "", ...env },
  });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** How many release pages the build restored from the cache (0 when it said nothing). */
export const restoredIn = (log: string) => Number(/build cache: (\d+) release pages?/.exec(log)?.[1] ?? 0);
/** How many other files (term, archive, feed pages) it restored. */
export const othersIn = (log: string) => Number(/ and (\d+) other files? unchanged/.exec(log)?.[1] ?? 0);

/** The files in which a cached build differs from a clean build of the same input (a copy, with no cache and no output). */
export function differences(site: string): string[] {
  const clean = mkdtempSync(path.join(os.tmpdir(), "newsroom-cache-clean-"));
  made.push(clean);
  cpSync(site, clean, { recursive: true, filter: (src) => ![".cache", "_site"].includes(path.basename(src)) || path.dirname(src) !== site, verbatimSymlinks: true });
  build(clean);
  const a = filesIn(path.join(site, "_site"));
  const b = filesIn(path.join(clean, "_site"));
  const all = [...new Set([...a, ...b])].sort();
  return all.filter((f) => {
    const x = path.join(site, "_site", f);
    const y = path.join(clean, "_site", f);
    return !existsSync(x) || !existsSync(y) || !readFileSync(x).equals(readFileSync(y));
  });
}

export const edit = (site: string, file: string, change: (text: string) => string) => {
  const full = path.join(site, file);
  writeFileSync(full, change(readFileSync(full, "utf8")));
};

/** The cache's record of the last build, read from its JSON lines: each page's sha and where each stored file lies. */
export function readRecord(site: string): { pages: Record<string, { sha: string }>; stored: Record<string, [string, number, number]> } {
  const record = { pages: {} as Record<string, { sha: string }>, stored: {} as Record<string, [string, number, number]> };
  const lines = readFileSync(path.join(site, ".cache/newsroom/build/state.json"), "utf8").trim().split("\n").slice(1);
  for (const line of lines.map((l) => JSON.parse(l) as [string, string, never])) {
    if (line[0] === "page") record.pages[line[1]] = line[2];
    if (line[0] === "stored") record.stored[line[1]] = line[2];
  }
  return record;
}
