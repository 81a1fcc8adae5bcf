// The build cache: after any change, a build with a warm cache writes the same bytes as a clean build
// of the same input, while the releases whose pages did not change are restored, not rebuilt. Each
// case copies tests/fixtures/build-cache, builds it, changes one thing, builds again with the cache,
// then builds the same input with no cache into another folder and compares every file.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";
import { build, differences, edit, made, makeSite, othersIn, PLUGIN, readRecord, restoredIn } from "./helpers/cache-site.ts";
import { filesIn } from "./helpers/site.ts";

const html = (site: string, url: string) => parse(readFileSync(path.join(site, "_site", url, "index.html"), "utf8"));
const everyText = (dir: string) => filesIn(dir).map((f) => readFileSync(path.join(dir, f)).toString("latin1")).join("\n");

describe("the build cache", () => {
  it("restores every page of an unchanged site, and the output equals a clean build's", () => {
    const site = makeSite();
    expect(restoredIn(build(site))).toBe(0);
    const log = build(site);
    // Eight Russian releases and two Kazakh translations; term, archive and feed pages.
    expect(restoredIn(log)).toBe(10);
    expect(othersIn(log)).toBeGreaterThan(30);
    expect(existsSync(path.join(site, ".cache/newsroom/build/state.json"))).toBe(true);
    expect(differences(site)).toEqual([]);
  });

  it("after an edit: the release and its neighbours are rebuilt, and they show its new title", () => {
    const site = makeSite();
    build(site);
    edit(site, "releases/r4.md", (t) => t.replace("title: Совещание по торговле", "title: Совещание о торговле с Китаем"));
    const log = build(site);
    expect(restoredIn(log)).toBeGreaterThan(0);
    expect(restoredIn(log)).toBeLessThan(10);
    // r3 and r5 link to r4 as their next and previous release.
    for (const url of ["ru/2025/01/r3", "ru/2025/02/r5"]) expect(html(site, url).querySelector("nav.newsroom-release-nav, .newsroom-release-nav")?.textContent ?? html(site, url).textContent).toContain("Совещание о торговле с Китаем");
    expect(differences(site)).toEqual([]);
  });

  it("keeps one pack of pages a build: what the record names, compacted as pages are rebuilt", () => {
    const site = makeSite();
    build(site);
    const packs = path.join(site, ".cache/newsroom/build/packs");
    for (let i = 1; i <= 3; i++) {
      edit(site, "releases/r4.md", (t) => t.replace(/title: .*/, `title: Совещание о торговле, правка ${i}`));
      build(site);
    }
    // A new site name changes every page; the first pack keeps only the releases' bodies (for feeds).
    edit(site, "eleventy.config.mjs", (t) => t.replace('ru: "Пресс-служба"', 'ru: "Пресс-служба министерства"'));
    build(site);
    const record = readRecord(site);
    const live = new Map<string, number>();
    for (const [pack, , length] of Object.values(record.stored)) live.set(`${pack}.pack`, (live.get(`${pack}.pack`) ?? 0) + length);
    // No pack the record does not name (nor one a stopped build left), and none mostly dead.
    expect(readdirSync(packs).sort()).toEqual([...live.keys()].sort());
    for (const [name, bytes] of live) expect(bytes * 2).toBeGreaterThanOrEqual(statSync(path.join(packs, name)).size);
    expect(html(site, "ru/2025/01/r3").textContent).toContain("правка 3");
    expect(differences(site)).toEqual([]);
  });

  it("after a release is added: its neighbours' and related releases' pages change with it", () => {
    const site = makeSite();
    build(site);
    writeFileSync(
      path.join(site, "releases/r9.md"),
      "---\ntitle: Экспорт в Китай\ndate: 2025-02-28T10:00\nlead: Коротко о событии 9.\ntags: [экспорт, промышленность]\npeople: [p-sidorova]\nplaces: [arys]\n---\nТекст 9.\n",
    );
    const log = build(site);
    expect(restoredIn(log)).toBeGreaterThan(0);
    // The pages of terms it does not name are as they were.
    expect(othersIn(log)).toBeGreaterThan(0);
    expect(html(site, "ru/2025/02/r8").textContent).toContain("Экспорт в Китай");
    expect(html(site, "ru/tags/eksport").textContent).toContain("Экспорт в Китай");
    expect(differences(site)).toEqual([]);
  });

  it("renders again only pages whose output changes, unless a layout or partial of the site's own may show more", () => {
    const site = makeSite();
    build(site);
    // A district's page shows its region's name, not its count; January's pages show no month's count.
    const placeUrl = (name: string) => `ru/places/${readdirSync(path.join(site, "_site/ru/places")).find((d) => existsSync(path.join(site, "_site/ru/places", d, "index.html")) && html(site, `ru/places/${d}`).querySelector("h1")?.textContent.trim() === name)!}`;
    const otyrar = placeUrl("Отырарский район");
    const untouched = () => [otyrar, "ru/2025/01"].map((url) => statSync(path.join(site, "_site", url, "index.html")).mtimeMs);
    const publish = (name: string, day: number) =>
      writeFileSync(path.join(site, `releases/${name}.md`), `---\ntitle: Новости Арыси ${day}\ndate: 2025-02-${day}T10:00\nlead: Коротко.\nplaces: [arys]\n---\nТекст.\n`);
    const before = untouched();
    publish("r9", 27);
    build(site);
    expect(untouched()).toEqual(before);
    expect(html(site, "ru/2025").textContent).toContain("Новости Арыси 27");
    expect(differences(site)).toEqual([]);
    // A partial of the site's own that shows the region's count and the months' on every page.
    mkdirSync(path.join(site, "_includes/newsroom/partials"), { recursive: true });
    writeFileSync(
      path.join(site, "_includes/newsroom/partials/head.njk"),
      '{% if termPage and termPage.term.parent %}<meta name="x-region-count" content="{{ termPage.term.parent.count }}">{% endif %}{% if archivePage %}<meta name="x-months" content="{% for m in archivePage.months %}{{ m.count }} {% endfor %}">{% endif %}\n',
    );
    build(site);
    const regionCount = () => Number(html(site, otyrar).querySelector('meta[name="x-region-count"]')?.getAttribute("content"));
    const was = regionCount();
    publish("r10", 28);
    build(site);
    expect(regionCount()).toBe(was + 1);
    expect(differences(site)).toEqual([]);
  });

  it("after a release is deleted or made a draft: no trace of it is left", () => {
    const site = makeSite();
    build(site);
    rmSync(path.join(site, "releases/r5.md"));
    edit(site, "releases/r6.md", (t) => t.replace("---\ntitle:", "---\ndraft: true\ntitle:"));
    const log = build(site);
    expect(restoredIn(log)).toBeGreaterThan(0);
    const text = everyText(path.join(site, "_site"));
    for (const gone of ["Итоги января", "Ярмарка в Туркестане", "/r5/", "/r6/"]) expect(text.includes(Buffer.from(gone).toString("latin1")), gone).toBe(false);
    expect(differences(site)).toEqual([]);
  });

  it("after a registry name, a layout override or an option changes: every page follows", () => {
    const site = makeSite();
    build(site);
    edit(site, "_data/registry/people.json", (t) => t.replace("Иван Иванов", "Иван Петрович Иванов"));
    expect(restoredIn(build(site))).toBe(0);
    expect(html(site, "ru/2025/01/r1").textContent).toContain("Иван Петрович Иванов");
    mkdirSync(path.join(site, "_includes/newsroom/partials"), { recursive: true });
    writeFileSync(path.join(site, "_includes/newsroom/partials/footer.njk"), '<footer class="site-footer">Свой подвал сайта</footer>\n');
    expect(restoredIn(build(site))).toBe(0);
    expect(html(site, "ru/2025/01/r1").querySelector(".site-footer")?.textContent).toBe("Свой подвал сайта");
    edit(site, "eleventy.config.mjs", (t) => t.replace('siteUrl: "https://press.example.kz"', 'siteUrl: "https://news.example.kz"'));
    expect(restoredIn(build(site))).toBe(0);
    expect(html(site, "ru/2025/01/r1").querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://news.example.kz/ru/2025/01/r1/");
    expect(differences(site)).toEqual([]);
  });

  it("after the plugin's version changes: nothing is restored", () => {
    const site = makeSite();
    build(site);
    edit(site, `node_modules/${PLUGIN}/package.json`, (t) => t.replace(/"version": "[^"]+"/, '"version": "99.0.0"'));
    expect(restoredIn(build(site))).toBe(0);
    expect(restoredIn(build(site))).toBe(10);
    expect(differences(site)).toEqual([]);
  });

  it("never trusts a corrupt or half-written cache: it is read as none, or the damaged page is rebuilt", () => {
    const site = makeSite();
    build(site);
    const state = path.join(site, ".cache/newsroom/build/state.json");
    const whole = readFileSync(state, "utf8");
    writeFileSync(state, whole.slice(0, whole.length / 2));
    expect(restoredIn(build(site))).toBe(0);
    // A stored page damaged, and gone from the output: it cannot be restored, so it is built again.
    const record = readRecord(site);
    const [pack, offset] = record.stored[record.pages["ru/2025/01/r1/index.html"]!.sha]!;
    const fd = openSync(path.join(site, ".cache/newsroom/build/packs", `${pack}.pack`), "r+");
    writeSync(fd, "<html>damaged</html>", offset);
    closeSync(fd);
    rmSync(path.join(site, "_site/ru/2025/01/r1/index.html"));
    expect(restoredIn(build(site))).toBe(9);
    expect(html(site, "ru/2025/01/r1").querySelector("h1")?.textContent).toContain("Экспорт зерна вырос");
    expect(differences(site)).toEqual([]);
  });

  it("writes a release's title and lead once in its record, and gives them back to its front matter", () => {
    const site = makeSite();
    // A page of the site's own reading each release's front matter, as a site's template may.
    writeFileSync(
      path.join(site, "front-matter.njk"),
      "---\npermalink: /front-matter.txt\neleventyExcludeFromCollections: true\n---\n{% for r in collections.releases %}{{ r.data.title }}|{{ r.data.lead }}\n{% endfor %}",
    );
    build(site);
    const state = path.join(site, ".cache/newsroom/build/state.json");
    const line = readFileSync(state, "utf8").split("\n").find((l) => l.startsWith('["release","./releases/r4.md"'))!;
    const times = (text: string) => line.split(text).length - 1;
    expect([times("Совещание по торговле"), times("Коротко о событии 4.")]).toEqual([1, 1]);
    const entry = JSON.parse(line)[2];
    expect(entry.same).toEqual(["title", "lead"]);
    expect([entry.frontMatter.title, entry.frontMatter.lead]).toEqual([null, null]);
    // A publish restores r4, and the site's page reads its front matter whole.
    edit(site, "releases/r1.md", (t) => t.replace(/title: .*/, "title: Экспорт зерна вырос вдвое"));
    expect(restoredIn(build(site))).toBeGreaterThan(5);
    expect(readFileSync(path.join(site, "_site/front-matter.txt"), "utf8")).toContain("Совещание по торговле|Коротко о событии 4.");
    expect(differences(site)).toEqual([]);
    // A record that names another field as shared is no record: nothing is restored.
    writeFileSync(state, readFileSync(state, "utf8").replace('"same":["title","lead"]', '"same":["title","layout"]'));
    expect(restoredIn(build(site))).toBe(0);
    expect(differences(site)).toEqual([]);
  });

  it("packs a build's many pages on a thread of its own, which the next build restores or rebuilds like any", () => {
    const site = makeSite();
    // A full build packs half its pages on a second thread from 1,000 pages on; this site has 50.
    const thread = { NEWSROOM_PACK_THREAD_MIN: "1" };
    build(site, "_site", thread);
    const record = readRecord(site);
    const packOf = (file: string) => record.stored[record.pages[file]!.sha]![0];
    const files = Object.keys(record.pages);
    // The build's own pack (release pages first, and the releases' bodies) and the thread's (the rest).
    const threadPack = packOf(files.at(-1)!);
    expect(packOf(files[0]!)).not.toBe(threadPack);
    expect(readdirSync(path.join(site, ".cache/newsroom/build/packs")).sort()).toEqual([...new Set(files.map(packOf))].map((p) => `${p}.pack`).sort());
    // Every page of an unchanged site comes back from both packs.
    const again = build(site, "_site", thread);
    expect(restoredIn(again)).toBe(10);
    expect(differences(site)).toEqual([]);
    // A page the thread packed, damaged in its pack and gone from the output, is built again.
    const damaged = files.find((f) => packOf(f) === threadPack && f.endsWith("index.html"))!;
    const [pack, offset] = record.stored[record.pages[damaged]!.sha]!;
    const fd = openSync(path.join(site, ".cache/newsroom/build/packs", `${pack}.pack`), "r+");
    writeSync(fd, "<html>damaged</html>", offset);
    closeSync(fd);
    rmSync(path.join(site, "_site", damaged));
    edit(site, "releases/r4.md", (t) => t.replace("title: Совещание по торговле", "title: Совещание о торговле с Китаем"));
    build(site, "_site", thread);
    expect(readFileSync(path.join(site, "_site", damaged), "utf8")).not.toContain("damaged");
    expect(differences(site)).toEqual([]);
  });

  it("refuses a build that writes no files, and newsroom check reads every release", () => {
    const site = makeSite();
    build(site);
    writeFileSync(path.join(site, "to-json.mjs"), 'import Eleventy from "@11ty/eleventy";\nconsole.log((await new Eleventy(".", "_site", { quietMode: true }).toJSON()).length);\n');
    const env = { ...process.env, NEWSROOM_BUILD_CACHE: "" };
    const json = spawnSync(process.execPath, ["to-json.mjs"], { cwd: site, encoding: "utf8", env });
    expect(json.status).not.toBe(0);
    expect(json.stderr + json.stdout).toContain('"buildCache" is on for a build that writes no files (json)');
    // The check builds in memory too: it turns the cache off and builds every page.
    const all = spawnSync(process.execPath, ["to-json.mjs"], { cwd: site, encoding: "utf8", env: { ...env, NEWSROOM_BUILD_CACHE: "off" } });
    const pages = Number(all.stdout.trim().split("\n").at(-1));
    expect(pages).toBeGreaterThan(50);
    const check = spawnSync(process.execPath, [path.join(site, "node_modules/eleventy-plugin-newsroom/dist/cli.js"), "check"], { cwd: site, encoding: "utf8", env });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain(`${pages} pages built in memory, no problems`);
  });

  it("under --watch: a save passes only what changed through Eleventy, neighbours follow, and new files arrive together", async () => {
    const site = makeSite();
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--watch"], {
      cwd: site,
      env: { ...process.env, SOURCE_DATE_EPOCH: "", NEWSROOM_BUILD_CACHE: "" },
    });
    let log = "";
    child.stdout!.on("data", (c: Buffer) => (log += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
    const passes = () => log.match(/Wrote \d+ files?/g)?.length ?? 0;
    const until = async (test: () => boolean, what: string) => {
      for (let waited = 0; !test(); waited += 100) {
        if (waited > 60_000) throw new Error(`no ${what} in:\n${log.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await until(() => /Watching/.test(log), "first build");
      await new Promise((r) => setTimeout(r, 1000));
      let before = passes();
      edit(site, "releases/r4.md", (t) => t.replace("title: Совещание по торговле", "title: Совещание в Шымкенте"));
      await until(() => passes() > before && /Watching\S*\s*$/.test(log), "a pass after the save");
      const pass = log.slice(log.lastIndexOf("File changed"));
      expect(restoredIn(pass)).toBeGreaterThan(0);
      expect(Number(/Wrote (\d+) files?/.exec(pass)![1])).toBeLessThan(40);
      for (const url of ["ru/2025/01/r3", "ru/2025/02/r5"]) expect(html(site, url).textContent).toContain("Совещание в Шымкенте");
      // Two new releases moved in at once.
      const staged = mkdtempSync(path.join(os.tmpdir(), "newsroom-cache-staged-"));
      made.push(staged);
      for (const n of [10, 11]) writeFileSync(path.join(staged, `r${n}.md`), `---\ntitle: Новость ${n}\ndate: 2025-02-2${n - 3}T18:00\nlead: Коротко ${n}.\ntags: [экспорт]\nplaces: [arys]\n---\nТекст ${n}.\n`);
      before = passes();
      spawnSync("sh", ["-c", `mv "${staged}/r10.md" "${staged}/r11.md" "${path.join(site, "releases")}/"`]);
      await until(() => existsSync(path.join(site, "_site/ru/2025/02/r10/index.html")) && existsSync(path.join(site, "_site/ru/2025/02/r11/index.html")), "both new pages");
      await until(() => /Watching\S*\s*$/.test(log), "the watcher at rest");
      expect(log).not.toMatch(/has not yet initialized|Problem writing Eleventy templates/);
      expect(html(site, "ru/tags/eksport").textContent).toContain("Новость 11");
    } finally {
      child.kill("SIGINT");
      if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once("exit", r));
    }
  }, 120_000);
});
