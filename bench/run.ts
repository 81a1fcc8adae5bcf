// The benchmark: the newsroom build against bare Eleventy on the same releases, measured in one run,
// and publishing: one new release added to the archive and built with the build cache.
// `npm run bench` (N = 2000, 5000, 20000); `npm run bench -- 50` for a quick look;
// `--no-search` leaves out the Pagefind index, which is written after Eleventy;
// `--json` prints one JSON line per measured build instead of the table; `--repeat 3` builds bare
// and the full newsroom build three times each, alternating, then publishes three times from the
// same warm cache, and reports each median: on a shared machine one run of the same build varied
// from 4.3 to 11.6 s, and a publish of 2,000 releases from 1.05 to 1.45 s.
// The sites and their output live in memory (/dev/shm) where the machine has it, so that what is
// measured is the builds and not the disk: on this project's machine, writing 5,200 small files
// took 0.08 s there and 0.5 to 5 s on its disk, depending on what the build before had deleted.
// `--dir <folder>` puts them elsewhere (a disk, to see what it costs).
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { generate } from "./generate.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const search = !args.includes("--no-search");
const json = args.includes("--json");
const repeatAt = args.indexOf("--repeat");
const repeat = repeatAt >= 0 ? Math.max(1, Number(args[repeatAt + 1]) || 1) : 1;
const dirAt = args.indexOf("--dir");
const sizes = args.filter((a, i) => (i !== repeatAt + 1 || repeatAt < 0) && (i !== dirAt + 1 || dirAt < 0)).map(Number).filter((n) => n > 0);
const ns = sizes.length > 0 ? sizes : [2000, 5000, 20000];

/**
 * Where the sites and their output go: --dir, else memory where there is a RAM folder with room for
 * the largest size (a build, its clean twin and the cache take about 200 KB a release; a container's
 * /dev/shm is often 64 MB), else the temporary folder.
 */
function workFolder(): string {
  if (dirAt >= 0 && args[dirAt + 1]) return path.resolve(args[dirAt + 1]!);
  try {
    accessSync("/dev/shm", constants.W_OK);
    const fs = statfsSync("/dev/shm");
    if (fs.bavail * fs.bsize > Math.max(...ns) * 200_000) return "/dev/shm";
  } catch {
    // none, or not writable: the temporary folder
  }
  return os.tmpdir();
}
const WORK = workFolder();

type Build = "bare" | "newsroom" | "newsroom-publish";

interface Result {
  n: number;
  build: Build;
  seconds: number;
  maxRssMB: number;
  pages: number;
  identical?: boolean;
  /** Every run's seconds, with --repeat; `seconds` is their median. */
  runs?: number[];
  /** What the build said it spent on share cards and restored from the cache. */
  notes: string[];
}

/**
 * The script each measured build runs, as plain JavaScript importing the compiled plugin (`dist/`),
 * as a site's `npx @11ty/eleventy` with a JavaScript config does. Run under tsx, every module
 * Eleventy loads while it builds went through tsx's loader as well, and the build measured that
 * loader too: 0.03 s and 60 MB of a 0.8 s publish at 2,000 releases.
 */
function buildScript(): string {
  const newest = (dir: string): number => Math.max(...readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => statSync(path.join(d.parentPath, d.name)).mtimeMs));
  const dist = path.join(ROOT, "dist/index.js");
  if (!existsSync(dist) || statSync(dist).mtimeMs < newest(path.join(ROOT, "plugin"))) {
    throw new Error("dist/ is missing or older than plugin/: run `npm run bench`, which compiles the plugin first");
  }
  // Inside the project, so that `eleventy-plugin-newsroom` names this package (and its dist/).
  const dir = path.join(ROOT, "bench/.compiled");
  mkdirSync(dir, { recursive: true });
  for (const name of ["build-one", "bare"]) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(ROOT, `bench/${name}.ts`), "utf8"), {
      fileName: `${name}.ts`,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, rewriteRelativeImportExtensions: true },
    });
    writeFileSync(path.join(dir, `${name}.js`), outputText);
  }
  return path.join(dir, "build-one.js");
}
const BUILD_SCRIPT = buildScript();

/** One build in a process of its own; caches live beside the site, in `tmp`. */
function buildOnce(mode: "bare" | "newsroom", tmp: string, out: string): Omit<Result, "n" | "build"> {
  const run = spawnSync(process.execPath, ["--max-old-space-size=4096", BUILD_SCRIPT, mode, path.join(tmp, "site"), out], {
    cwd: ROOT,
    // The cache is what the publish build measures, whatever the environment says.
    env: { ...process.env, NEWSROOM_BENCH_SEARCH: search ? "1" : "0", NEWSROOM_BUILD_CACHE: "" },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${mode} build failed:\n${run.stderr.slice(-4000)}`);
  const lines = run.stdout.trim().split("\n");
  const notes = lines.filter((l) => /share cards:|build cache:/.test(l)).map((l) => l.replace(/^\[newsroom\] /, ""));
  const r = JSON.parse(lines.at(-1)!) as { seconds: number; pages: number; maxRssMB: number };
  return { seconds: r.seconds, pages: r.pages, maxRssMB: r.maxRssMB, notes };
}

/** Every file below a folder, relative to it, in order. */
function filesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; name: string; parentPath: string }[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/** A folder copied with its files' times exact (`cp -a`); refuses where that cannot be done. */
function copyExactly(from: string, to: string): void {
  const run = spawnSync("cp", ["-a", from, to], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`--repeat copies the warm cache with \`cp -a\`, which failed: ${run.stderr || run.error?.message}; run without --repeat`);
  const probe = filesIn(from)[0];
  if (probe && statSync(path.join(from, probe)).mtimeMs !== statSync(path.join(to, probe)).mtimeMs) throw new Error("`cp -a` did not keep the files' times exactly; run without --repeat");
}

/** Whether two output folders hold the same files, byte for byte. */
function sameOutput(a: string, b: string): boolean {
  const fa = filesIn(a);
  const fb = filesIn(b);
  if (fa.length === 0 || fa.length !== fb.length || fa.some((f, i) => f !== fb[i])) return false;
  return fa.every((f) => readFileSync(path.join(a, f)).equals(readFileSync(path.join(b, f))));
}

/** The run of median seconds, with every run's seconds and the largest peak memory. */
function median(runs: Omit<Result, "n" | "build">[]): Omit<Result, "n" | "build"> {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  // Memory: the most any run took.
  return runs.length === 1 ? mid : { ...mid, maxRssMB: Math.max(...runs.map((r) => r.maxRssMB)), runs: runs.map((r) => r.seconds) };
}

function measure(n: number): Result[] {
  const bareDir = mkdtempSync(path.join(WORK, "newsroom-bench-bare-"));
  const tmp = mkdtempSync(path.join(WORK, "newsroom-bench-"));
  try {
    generate(path.join(bareDir, "site"), n);
    const site = generate(path.join(tmp, "site"), n);
    const bare: Omit<Result, "n" | "build">[] = [];
    const full: Omit<Result, "n" | "build">[] = [];
    for (let i = 0; i < repeat; i++) {
      rmSync(path.join(bareDir, "out"), { recursive: true, force: true });
      bare.push(buildOnce("bare", bareDir, path.join(bareDir, "out")));
      // The full build starts from an empty cache (share cards, fonts, photos, build cache) and fills it.
      for (const dir of ["out", ".cache"]) rmSync(path.join(tmp, dir), { recursive: true, force: true });
      full.push(buildOnce("newsroom", tmp, path.join(tmp, "out")));
    }
    const results: Result[] = [
      { n, build: "bare", ...median(bare) },
      { n, build: "newsroom", ...median(full) },
    ];
    site.publish();
    // With --repeat, each publish starts from the same warm cache and output, copied aside (outside
    // the project's folder, whose files are in the cache's key) with their times to the nanosecond,
    // which the cache checks: Node's cpSync sets times a few nanoseconds off, and every page then
    // looked changed and was put back (1.1 s became 1.3 s at 2,000 releases).
    const before = repeat > 1 ? mkdtempSync(path.join(WORK, "newsroom-bench-before-")) : undefined;
    const parts = [".cache", "out"];
    if (before) for (const p of parts) copyExactly(path.join(tmp, p), path.join(before, p));
    const publishes: Omit<Result, "n" | "build">[] = [];
    for (let i = 0; i < repeat; i++) {
      if (before && i > 0) {
        for (const p of parts) {
          rmSync(path.join(tmp, p), { recursive: true, force: true });
          copyExactly(path.join(before, p), path.join(tmp, p));
        }
      }
      publishes.push(buildOnce("newsroom", tmp, path.join(tmp, "out")));
    }
    if (before) rmSync(before, { recursive: true, force: true });
    const publish = median(publishes);
    // The same input built clean, with no cache and no earlier output: what publishing must equal.
    rmSync(path.join(tmp, ".cache"), { recursive: true, force: true });
    buildOnce("newsroom", tmp, path.join(tmp, "clean"));
    results.push({ n, build: "newsroom-publish", ...publish, identical: sameOutput(path.join(tmp, "out"), path.join(tmp, "clean")) });
    return results;
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (!json) {
  console.log("| releases | build | seconds | pages | peak RSS (MB) | ÷ bare | ÷ full | identical to a clean build |");
  console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- |");
}
for (const n of ns) {
  const results = measure(n);
  const bare = results.find((r) => r.build === "bare")!;
  const full = results.find((r) => r.build === "newsroom")!;
  for (const r of results) {
    if (json) {
      const { notes: _notes, ...line } = r;
      console.log(JSON.stringify(line));
      continue;
    }
    const ratio = r.build === "newsroom" ? (r.seconds / bare.seconds).toFixed(2) : "";
    const share = r.build === "newsroom-publish" ? (r.seconds / full.seconds).toFixed(2) : "";
    const seconds = r.runs ? `${r.seconds.toFixed(1)} (${r.runs.map((x) => x.toFixed(1)).join(", ")})` : r.seconds.toFixed(1);
    console.log(`| ${n} | ${r.build} | ${seconds} | ${r.pages} | ${r.maxRssMB} | ${ratio} | ${share} | ${r.identical ?? ""} |`);
    for (const note of r.notes) console.error(`    ${n} ${r.build}: ${note}`);
  }
}
if (!json) {
  console.log(`\nnewsroom: every feature on, build cache on${search ? ", Pagefind search index included" : ", without the Pagefind search index"}`);
  if (repeat > 1) console.log(`median of ${repeat} runs (each run's seconds in brackets): bare and newsroom alternating, then each publish from the same warm cache`);
  console.log(`sites and output in ${WORK}; peak RSS is the build's own process (a full build draws its share cards in another)`);
  console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
}
