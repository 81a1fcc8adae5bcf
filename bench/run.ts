// The benchmark: the newsroom build against bare Eleventy on the same releases, measured in one run.
// `npm run bench` (N = 1000, 5000, 20000); `npm run bench -- 50` for a quick look;
// `--no-search` leaves out the Pagefind index, which is written after Eleventy.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const args = process.argv.slice(2);
const search = !args.includes("--no-search");
const sizes = args.map(Number).filter((n) => n > 0);
const ns = sizes.length > 0 ? sizes : [1000, 5000, 20000];

interface Result {
  mode: string;
  seconds: number;
  pages: number;
  maxRssMB: number;
}

function measure(mode: "newsroom" | "bare", n: number): Result {
  const tmp = mkdtempSync(path.join(os.tmpdir(), `newsroom-bench-${mode}-`));
  try {
    generate(path.join(tmp, "site"), n);
    const run = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", path.join(ROOT, "bench/build-one.ts"), mode, path.join(tmp, "site"), path.join(tmp, "out")], {
      cwd: ROOT,
      env: { ...process.env, NEWSROOM_BENCH_SEARCH: search ? "1" : "0" },
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`${mode} build of ${n} releases failed:\n${run.stderr.slice(-4000)}`);
    const lines = run.stdout.trim().split("\n");
    const cards = lines.find((l) => l.includes("share cards:"));
    if (cards) console.error(`  ${n} releases: ${cards.replace(/^.*share cards: /, "share cards: ")}`);
    return JSON.parse(lines.at(-1)!) as Result;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const rows: string[] = [];
const header = "| releases | build | seconds | pages | pages/s | peak RSS (MB) | newsroom ÷ bare |";
console.log(header);
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
for (const n of ns) {
  const bare = measure("bare", n);
  const full = measure("newsroom", n);
  for (const r of [bare, full]) {
    const row = `| ${n} | ${r.mode} | ${r.seconds.toFixed(1)} | ${r.pages} | ${Math.round(r.pages / r.seconds)} | ${r.maxRssMB} | ${r === full ? (full.seconds / bare.seconds).toFixed(2) : ""} |`;
    rows.push(row);
    console.log(row);
  }
}
console.log(`\nnewsroom: every feature on${search ? ", Pagefind search index included" : ", without the Pagefind search index"}`);
console.log(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`);
