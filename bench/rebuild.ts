// Rebuild while editing: `eleventy --serve --incremental` on N releases (5,000 unless given), and
// `eleventy --serve` with the build cache (as `npm start` runs the example), then a
// sentence added to one release at a time, three times; prints the seconds Eleventy reports for each
// rebuild and the files it wrote. The same for bare Eleventy, measured in the same run.
// `npm run bench:rebuild` or `npx tsx bench/rebuild.ts 5000`.
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BARE_SHORTCODES, NEWSROOM_OPTIONS, writeBareTemplates } from "./bare.ts";
import { generate } from "./generate.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const n = Number(process.argv.slice(2).find((a) => Number(a) > 0) ?? 5000);
const SAVES = 3;

interface Rebuild {
  /** What Eleventy reports for the pass. */
  seconds: number;
  /** From the save to the page written: what the reader of the browser waits. */
  wall: number;
  written: number;
}

type Mode = "bare" | "newsroom" | "newsroom-cache";

async function measure(mode: Mode): Promise<{ initial: number; rebuilds: Rebuild[] }> {
  const site = mkdtempSync(path.join(os.tmpdir(), `newsroom-rebuild-${mode}-`));
  generate(site, n);
  if (mode === "bare") writeBareTemplates(site);
  const plugin = pathToFileURL(path.join(ROOT, "dist/index.js")).href;
  writeFileSync(
    path.join(site, "eleventy.config.mjs"),
    mode === "bare"
      ? `export default function (eleventyConfig) {${BARE_SHORTCODES}\n  eleventyConfig.setDataDirectory("_bare-data");\n}\n`
      : `import newsroom from ${JSON.stringify(plugin)};\nexport default function (eleventyConfig) { eleventyConfig.addPlugin(newsroom, ${JSON.stringify({ ...NEWSROOM_OPTIONS, buildCache: mode === "newsroom-cache" })}); }\n`,
  );
  const port = 20000 + Math.floor(Math.random() * 20000);
  // With the build cache, a pass reads only what changed: `--serve` alone, as `npm start` runs it.
  const flags = mode === "newsroom-cache" ? ["--serve"] : ["--serve", "--incremental"];
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), ...flags, `--port=${port}`], {
    cwd: site,
    env: { ...process.env, NEWSROOM_BUILD_CACHE: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const waiters: { test: RegExp; from: number; resolve: (m: RegExpMatchArray) => void }[] = [];
  const onData = (chunk: Buffer) => {
    log += chunk.toString();
    for (const w of [...waiters]) {
      const m = log.slice(w.from).match(w.test);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  const next = (test: RegExp, timeoutS = 900) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${mode}: no ${test} within ${timeoutS} s:\n${log.slice(-3000)}`)), timeoutS * 1000);
      waiters.push({ test, from: log.length, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  const WROTE = /Wrote (\d+) files?(?: \(skipped \d+\))? in ([\d.]+) seconds/;
  try {
    const watching = next(/Watching/);
    const indexed = mode !== "bare" ? next(/search index updated/) : undefined;
    const first = await next(WROTE);
    // Saves before the watcher is ready go unseen; and Pagefind indexes in the background after each
    // build: let it finish, so that it does not share the CPU with the rebuild.
    await watching;
    await indexed;
    await new Promise((r) => setTimeout(r, 5000));
    const releases = readdirSync(path.join(site, "releases")).filter((f) => f.endsWith(".md")).sort();
    const rebuilds: Rebuild[] = [];
    for (let i = 0; i < SAVES; i++) {
      const file = path.join(site, "releases", releases[Math.floor(((i + 1) * releases.length) / (SAVES + 1))]!);
      const reindexed = mode !== "bare" ? next(/search index updated/) : undefined;
      // The watcher may still be reading a large folder when Eleventy says it watches: save again
      // until a rebuild starts.
      let m: RegExpMatchArray | undefined;
      let saved = 0;
      for (let attempt = 0; !m; attempt++) {
        const wrote = next(WROTE, attempt < 5 ? 60 : 900);
        saved = performance.now();
        appendFileSync(file, `\nДополнительный абзац ${i + 1}, добавленный при правке.\n`);
        m = await wrote.catch(() => undefined);
      }
      rebuilds.push({ seconds: Number(m[2]), wall: (performance.now() - saved) / 1000, written: Number(m[1]) });
      await reindexed;
    }
    return { initial: Number(first[2]), rebuilds };
  } finally {
    child.kill("SIGINT");
    await new Promise((r) => child.once("exit", r));
    rmSync(site, { recursive: true, force: true });
  }
}

console.log(`| releases | build | first build (s) | save to page written (s) | Eleventy's pass (s) | files written |`);
console.log(`| ---: | --- | ---: | ---: | ---: | ---: |`);
const modes = (process.argv.includes("--cache-only") ? ["newsroom-cache"] : ["bare", "newsroom", "newsroom-cache"]) as Mode[];
for (const mode of modes) {
  const { initial, rebuilds } = await measure(mode);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(", ");
  const walls = rebuilds.map((r) => r.wall);
  const passes = rebuilds.map((r) => r.seconds);
  console.log(`| ${n} | ${mode} | ${initial.toFixed(1)} | ${median(walls).toFixed(2)} (of ${list(walls)}) | ${median(passes).toFixed(2)} | ${rebuilds.map((r) => r.written).join(", ")} |`);
}
console.log(`\nnode ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
