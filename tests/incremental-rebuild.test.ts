// Rebuilds under `eleventy --watch --incremental`, as a developer editing a release sees them: the
// saved release and every page that shows it are written again, with the change; pages that do not
// show it are left as they were; the search index is made again after the rebuild.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../bench/generate.ts";
import { ROOT } from "./helpers/build.ts";
import { tracesOf } from "./helpers/traces.ts";

let site: string;
let child: ChildProcess;
let log = "";

/** Resolves when the log, after what it holds now, matches. */
function next(test: RegExp, timeoutMs = 90_000): Promise<RegExpMatchArray> {
  const from = log.length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${test} in:\n${log.slice(-2000)}`)), timeoutMs);
    const poll = setInterval(() => {
      const m = log.slice(from).match(test);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m);
      }
    }, 50);
  });
}

/** Resolves once the watcher has said nothing for `ms`, its last word an updated search index. */
function settled(ms = 3000, timeoutMs = 90_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let seen = log.length;
    let since = Date.now();
    const poll = setInterval(() => {
      if (log.length !== seen) {
        seen = log.length;
        since = Date.now();
      } else if (Date.now() - since >= ms && /search index updated[^\n]*\n?\s*$/.test(log)) {
        clearInterval(poll);
        resolve();
      }
      if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`the watcher did not settle:\n${log.slice(-2000)}`));
      }
    }, 100);
  });
}

const WROTE = /Wrote (\d+) files?(?: \(skipped (\d+)\))? in/;
const page = (url: string) => parse(readFileSync(path.join(site, "_site", url, "index.html"), "utf8"));
const mtime = (url: string) => statSync(path.join(site, "_site", url, "index.html")).mtimeMs;

beforeAll(async () => {
  site = mkdtempSync(path.join(os.tmpdir(), "newsroom-incremental-"));
  generate(site, 60);
  const plugin = pathToFileURL(path.join(ROOT, "dist/index.js")).href;
  writeFileSync(
    path.join(site, "eleventy.config.mjs"),
    `import newsroom from ${JSON.stringify(plugin)};\nexport default (c) => c.addPlugin(newsroom, { siteName: "Тест", siteUrl: "https://test.example.kz", timeZone: "Asia/Almaty", now: "2026-01-01T00:00:00+05:00" });\n`,
  );
  child = spawn(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--watch", "--incremental"], { cwd: site, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  await Promise.all([next(WROTE), next(/Watching/), next(/search index updated/)]);
  await new Promise((r) => setTimeout(r, 1000)); // the watcher is ready a moment after it says so
}, 120_000);

afterAll(async () => {
  child?.kill("SIGINT");
  // A child already gone (ended by a signal or on its own) has nothing more to say.
  if (child && child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once("exit", r));
  rmSync(site, { recursive: true, force: true });
});

describe("a saved release under --watch --incremental", () => {
  it("rewrites the release and the pages that show it, and leaves the others as they were", async () => {
    // The newest release: it heads the front list, its topics' first pages and its month's archive.
    const list = page("ru");
    const firstCard = list.querySelector(".newsroom-card__title a")!;
    const url = firstCard.getAttribute("href")!;
    const release = page(url);
    const topicUrl = release.querySelector('.newsroom-release__footer a[href*="/tags/"]')!.getAttribute("href")!;
    const topics = readdirSync(path.join(site, "_site/ru/tags"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `ru/tags/${d.name}/`);
    const untouched = topics.find((t) => t !== topicUrl.replace(/^\//, "") && !page(t).querySelector(`a[href="${url}"]`))!;
    expect(untouched, "a topic page without the release").toBeDefined();
    const untouchedBefore = mtime(untouched);

    const file = readdirSync(path.join(site, "releases")).find((f) => readFileSync(path.join(site, "releases", f), "utf8").includes(`title: ${firstCard.textContent}\n`))!;
    const source = readFileSync(path.join(site, "releases", file), "utf8");
    // The rebuild that follows the save: Eleventy names the changed file first.
    const rebuilt = next(new RegExp(`File changed: [^\\n]*${file}[\\s\\S]*?${WROTE.source}`));
    const reindexed = next(/search index updated/);
    writeFileSync(path.join(site, "releases", file), source.replace(/^title: .*$/m, "title: Заголовок после правки"));
    const [, written, skipped] = await rebuilt;

    // The change is on the release, on the list and on its topic's page.
    expect(page(url).querySelector("h1")!.textContent).toBe("Заголовок после правки");
    expect(page("ru").querySelector(`a[href="${url}"]`)!.textContent).toBe("Заголовок после правки");
    expect(page(topicUrl).querySelector(`a[href="${url}"]`)!.textContent).toBe("Заголовок после правки");
    // A topic page that does not list it was not written again; most of the site was skipped.
    expect(mtime(untouched)).toBe(untouchedBefore);
    expect(Number(written)).toBeLessThan(Number(skipped));
    await reindexed;
    // A new title is shown on its neighbours' pages too: one full rebuild follows.
    await settled();
    expect(log.match(/Wrote \d+ files/g)!.length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it("an embargo added to a published release takes every trace of it away, search index included", async () => {
    const list = page("ru");
    const card = list.querySelectorAll(".newsroom-card__title a")[1]!;
    const url = card.getAttribute("href")!;
    const title = card.textContent;
    expect(tracesOf(path.join(site, "_site"), [title]).length).toBeGreaterThan(3);
    const file = readdirSync(path.join(site, "releases")).find((f) => readFileSync(path.join(site, "releases", f), "utf8").includes(`title: ${title}\n`))!;
    const source = readFileSync(path.join(site, "releases", file), "utf8");
    // Two rebuilds: the saved release and its lists, then every page, since other releases' previous,
    // next and related links showed it.
    const first = next(new RegExp(`File changed: [^\\n]*${file}[\\s\\S]*?${WROTE.source}`));
    // Within a year of the build's clock (2026-01-01), as the date check asks.
    writeFileSync(path.join(site, "releases", file), source.replace(/^date: /m, "embargo: 2026-06-01T10:00:00+05:00\ndate: "));
    await first;
    await settled();
    expect(tracesOf(path.join(site, "_site"), [title, url])).toEqual([]);
  }, 120_000);

  it("three new releases saved at once are each built, and later saves still rebuild", async () => {
    // Eleventy's incremental pass prepares only the first new file; the others used to make every
    // later pass fail with "templateRender has not yet initialized" until each was saved again.
    const source = readFileSync(path.join(site, "releases/release-00001.md"), "utf8");
    const staged = mkdtempSync(path.join(os.tmpdir(), "newsroom-staged-"));
    const names = ["release-70001.md", "release-70002.md", "release-70003.md"];
    names.forEach((name, i) => writeFileSync(path.join(staged, name), source.replace(/^title: .*$/m, `title: Сразу три ${i + 1}`).replace(/^date: .*$/m, `date: 2025-12-2${i + 1}T10:00`)));
    const from = log.length;
    // Moved in one command: the watcher sees three files added at once.
    spawn("sh", ["-c", `mv ${names.map((n) => JSON.stringify(path.join(staged, n))).join(" ")} ${JSON.stringify(path.join(site, "releases"))}/`]);
    await next(/File added[^\n]*release-7000/);
    await settled();
    expect(log.slice(from)).not.toMatch(/has not yet initialized|needs a call to the init\(\) method|Problem writing Eleventy templates/);
    // Each is on its page and, as the three newest, on the front list, with its neighbours linked.
    const front = page("ru").querySelectorAll(".newsroom-card__title a").map((a) => a.textContent);
    expect(front.slice(0, 3)).toEqual(["Сразу три 3", "Сразу три 2", "Сразу три 1"]);
    const middle = page("ru").querySelectorAll(".newsroom-card__title a")[1]!.getAttribute("href")!;
    expect(page(middle).querySelector("h1")!.textContent).toBe("Сразу три 2");
    expect(page(middle).textContent).toContain("Сразу три 3");
    expect(page(middle).textContent).toContain("Сразу три 1");
    // And the next save is an ordinary incremental pass.
    const rebuilt = next(new RegExp(`File changed: [^\\n]*release-70002[\\s\\S]*?${WROTE.source}`));
    writeFileSync(path.join(site, "releases/release-70002.md"), readFileSync(path.join(site, "releases/release-70002.md"), "utf8").replace("title: Сразу три 2", "title: Сразу три, вторая"));
    await rebuilt;
    expect(page(middle).querySelector("h1")!.textContent).toBe("Сразу три, вторая");
    await settled();
  }, 120_000);
});
