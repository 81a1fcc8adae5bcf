// Drafts and embargoes that never leak, corrections, URL collisions, and `newsroom check`.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { BASE_OPTIONS, buildError, buildFixture, fixture, freshBuild, ROOT, text, type Built } from "./helpers/build.ts";
import { parseXml } from "./helpers/xml.ts";

const EMBARGO = "2025-12-16T10:00:00+05:00";
const dump = (site: Built) => site.pages.map((p) => [p.url, p.content] as const).sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe("embargo", () => {
  it("a minute before, the site is exactly the site without that release", async () => {
    const before = await buildFixture("embargo", { now: "2025-12-16T09:59:00+05:00" });
    const without = await buildFixture("embargo", { now: "2025-12-16T09:59:00+05:00" }, (c) => c.ignores.add("**/embargoed.md"));
    expect(dump(before)).toEqual(dump(without));
    for (const [, content] of dump(before)) {
      expect(content).not.toContain("zebracorn");
      expect(content).not.toContain("Embargoed release");
      expect(content).not.toMatch(/sekret|секрет/);
    }
  });

  it("once the clock passes it, the release is everywhere", async () => {
    const after = await buildFixture("embargo", { now: EMBARGO });
    expect(text(after.html("/ru/2025/12/embargoed/").querySelector("h1"))).toBe("Embargoed release");
    expect(after.html("/ru/").querySelectorAll(".newsroom-card__title").map(text)[0]).toBe("Embargoed release");
    expect(after.page("/ru/feed.xml").content).toContain("zebracorn");
    expect(after.page("/sitemap.xml").content).toContain("/ru/2025/12/embargoed/");
    expect(after.page("/ru/news-sitemap.xml").content).toContain("/ru/2025/12/embargoed/");
    expect(text(after.html("/ru/tags/eksport/").querySelector(".newsroom-term__count"))).toBe("3 пресс-релиза");
  });

  it("takes the clock from the environment", async () => {
    process.env.NEWSROOM_NOW = EMBARGO;
    try {
      expect((await buildFixture("embargo")).pages.some((p) => p.url === "/ru/2025/12/embargoed/")).toBe(true);
    } finally {
      delete process.env.NEWSROOM_NOW;
    }
  });

  it("without a pinned clock, the build's start is the clock", async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    delete process.env.SOURCE_DATE_EPOCH;
    try {
      // The fixture's embargo (2025-12-16) is long past by the real clock: the release is out.
      expect((await buildFixture("embargo")).pages.some((p) => p.url === "/ru/2025/12/embargoed/")).toBe(true);
    } finally {
      if (saved !== undefined) process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it("names a clock it cannot read", async () => {
    for (const [name, value, words] of [
      ["NEWSROOM_NOW", "tomorrow", '"NEWSROOM_NOW" is "tomorrow", which is not a date'],
      ["SOURCE_DATE_EPOCH", "yesterday", '"SOURCE_DATE_EPOCH" is "yesterday", not a whole number of seconds'],
    ] as const) {
      const saved = process.env[name];
      process.env[name] = value;
      try {
        expect(await buildError("embargo")).toContain(words);
      } finally {
        if (saved === undefined) delete process.env[name];
        else process.env[name] = saved;
      }
    }
  });
});

describe("drafts", () => {
  it("appear under --serve and nowhere in a production build", async () => {
    const build = async (runMode: string) => {
      const elev = new Eleventy(fixture("ordering"), path.join(fixture("ordering"), "_site"), {
        quietMode: true,
        runMode,
        configPath: false as unknown as string,
        config: (c: any) => {
          freshBuild(c);
          c.addPlugin(newsroom, BASE_OPTIONS);
        },
      } as Record<string, unknown>);
      return (await elev.toJSON()).map((p) => p.content).join("\n");
    };
    expect(await build("serve")).toContain("Not ready");
    expect(await build("build")).not.toContain("Not ready");
  });
});

describe("corrections", () => {
  it("are a dated log on the article and feed dateModified, the feeds and the sitemap", async () => {
    const site = await buildFixture("embargo", { now: EMBARGO });
    const log = site.html("/ru/2025/12/corrected/").querySelector(".newsroom-corrections")!;
    expect(text(log.querySelector("h2"))).toBe("Исправления");
    expect(log.querySelectorAll("li").map((li) => [li.querySelector("time")?.getAttribute("datetime"), text(li)])).toEqual([
      ["2025-12-11T15:30:00+05:00", "11 декабря 2025, 15:30: Уточнено число рабочих мест."],
      ["2025-12-12T09:00:00+05:00", "12 декабря 2025, 09:00: Исправлена должность вице-министра."],
    ]);
    const graph = JSON.parse(site.html("/ru/2025/12/corrected/").querySelector('script[type="application/ld+json"]')!.textContent)["@graph"][0];
    expect(graph.dateModified).toBe("2025-12-12T09:00:00+05:00");
    const entry = parseXml(site.page("/ru/feed.xml").content).feed.entry.find((e: any) => e.id.endsWith("/corrected/"));
    expect(entry.updated).toBe("2025-12-12T09:00:00+05:00");
    expect(JSON.parse(site.page("/ru/feed.json").content).items.find((i: any) => i.id.endsWith("/corrected/")).date_modified).toBe("2025-12-12T09:00:00+05:00");
    expect(site.page("/sitemap.xml").content).toContain("<loc>https://press.example.kz/ru/2025/12/corrected/</loc><lastmod>2025-12-12T09:00:00+05:00</lastmod>");
  });
});

describe("collisions", () => {
  it("two releases on one URL fail the build, naming both", async () => {
    const message = await buildError("collision");
    expect(message).toContain('collision/releases/b.md: "slug" gives the URL /ru/2025/12/same-slug/, which ./tests/fixtures/collision/releases/a.md has too');
  });
});

describe("newsroom check", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args], { cwd: ROOT, encoding: "utf8" });

  it("reports every problem in every file, drafts and embargoed releases included, and fails", () => {
    const result = run("check", "--config=tests/fixtures/check-bad/eleventy.config.js", "--input=tests/fixtures/check-bad");
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([
      expect.stringMatching(/check-bad\/releases\/draft-bad-date\.md: "date" is "16 декабря 2025", which is not a date: write an ISO 8601 date/),
      expect.stringMatching(/check-bad\/releases\/embargoed\.md: "source\.url" is "javascript:alert\(1\)", which is not an http\(s\) address/),
      expect.stringMatching(/check-bad\/releases\/no-title\.md: "title" is missing: write the headline/),
      expect.stringMatching(/check-bad\/releases\/typo\.md: "people" names "ivanof", which is not in the people registry: did you mean "ivanov"\?/),
      "newsroom check: 4 problems",
    ]);
  });

  it("passes a good site, writing nothing", () => {
    const result = run("check", "--config=.eleventy.ts");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^newsroom check: \d+ pages built in memory, no problems/);
    expect(result.status).toBe(0);
  });
});

describe("newsroom check --output", () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args], { cwd: ROOT, encoding: "utf8" });
  const site = "tests/fixtures/check-output";
  let out: string;

  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), "newsroom-check-output-"));
    const build = spawnSync(process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs", `--config=${site}/eleventy.config.js`, `--input=${site}`, `--output=${out}`, "--quiet"], { cwd: ROOT, encoding: "utf8" });
    expect(build.status, build.stderr).toBe(0);
  }, 120_000);

  it("passes the folder a clean build wrote", () => {
    const ok = cli("check", `--config=${site}/eleventy.config.js`, `--input=${site}`, `--output=${out}`);
    expect(ok.stdout).toContain("no trace of the 2 held-back releases, no stray file, nothing live from content");
    expect(ok.status).toBe(0);
  });

  it("fails on a trace of a held-back release, a file the build did not write, and live markup", () => {
    // What a stale folder or a careless hand could leave: the embargoed release's page, a phrase of
    // the draft in the search page, an event handler in a feed's title.
    mkdirSync(path.join(out, "ru/2025/12/embargoed"), { recursive: true });
    writeFileSync(path.join(out, "ru/2025/12/embargoed/index.html"), "<h1>Релиз под эмбарго</h1>");
    const search = path.join(out, "ru/search/index.html");
    writeFileSync(search, readFileSync(search, "utf8").replace("</main>", "<p>Черновой текст про новые маршруты грузовых поездов через порт Актау.</p></main>"));
    const rss = path.join(out, "ru/rss.xml");
    writeFileSync(rss, readFileSync(rss, "utf8").replace("<title>", "<title>&lt;img src=x onerror=alert(1)&gt;"));
    const bad = cli("check", `--config=${site}/eleventy.config.js`, `--input=${site}`, `--output=${out}`);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("ru/2025/12/embargoed/index.html: holds the title of ./tests/fixtures/check-output/releases/embargoed.md, which is under embargo");
    expect(bad.stderr).toContain("ru/2025/12/embargoed/index.html: was not written by this build");
    expect(bad.stderr).toContain("ru/search/index.html: holds the body of ./tests/fixtures/check-output/releases/draft.md, which is a draft");
    expect(bad.stderr).toMatch(/ru\/rss\.xml: has an event handler: <img src=x onerror= in text readers render as HTML/);
    expect(bad.stderr).toContain("do not upload it");
  });
});
