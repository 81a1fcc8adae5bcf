// Share cards: each recent release gets a 1200×630 PNG in its own language that og:image, the
// Twitter card and the NewsArticle name; other pages, and releases past the window, get the site's
// card in their language; a card whose inputs did not change is copied from the cache, not drawn.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as fontkit from "fontkit";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cardFontsForTest } from "../plugin/eleventy/share-cards.ts";
import { cardDrawer } from "../plugin/render/card-drawer.ts";
import { cardPng, cardSvg } from "../plugin/render/share-card.ts";
import { buildFixture, ROOT, virtualReleases } from "./helpers/build.ts";
import { filesIn, sharedExample } from "./helpers/site.ts";

const ALPHABETS = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяӘәҒғҚқҢңӨөҰұҮүҺһІіABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz«»„“—№";

const head = (site: string, url: string) => {
  const html = parse(readFileSync(path.join(site, url, "index.html"), "utf8"));
  const meta = (key: string) => html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
  const graph = JSON.parse(html.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}")["@graph"];
  return { meta, graph };
};

const fileOf = (site: string, absolute: string) => path.join(site, new URL(absolute).pathname);

describe("share cards", () => {
  const site = sharedExample();
  const releases = { ru: "ru/2025/12/turkestan-visit/", kk: "kk/2025/12/turkistan-oblysyna-sapar/", en: "en/2025/12/turkistan-visit/" };

  it("give each release a 1200×630 PNG of its own, named by og:image (which X reads too) and the NewsArticle", async () => {
    const seen = new Set<string>();
    for (const [locale, url] of Object.entries(releases)) {
      const { meta, graph } = head(site, url);
      const image = meta("og:image")!;
      expect(image, locale).toMatch(new RegExp(`^https://press\\.example\\.kz/newsroom/cards/${locale}-[a-z0-9-]+-[0-9a-f]{12}\\.png$`));
      expect(meta("twitter:image:alt")).toBe(meta("og:image:alt"));
      expect(meta("twitter:card")).toBe("summary_large_image");
      expect([meta("og:image:width"), meta("og:image:height"), meta("og:image:type")]).toEqual(["1200", "630", "image/png"]);
      const article = graph.find((n: any) => n["@type"] === "NewsArticle");
      expect(meta("og:image:alt")).toContain(article.headline);
      expect(article.image.map((i: any) => i.url)).toContain(image);
      const png = await sharp(fileOf(site, image)).metadata();
      expect([png.format, png.width, png.height]).toEqual(["png", 1200, 630]);
      seen.add(readFileSync(fileOf(site, image)).toString("base64"));
      // The docs show the Russian card as the example draws it.
      if (locale === "ru") copyFileSync(fileOf(site, image), path.join(ROOT, "docs/screenshots/share-card-ru.png"));
    }
    // Three languages, three different pictures.
    expect(seen.size).toBe(3);
  });

  it("give term, list and home pages the site's card in their language", () => {
    const cards = new Map<string, string>();
    for (const url of ["ru/tags/", "kk/tags/", "en/tags/", "kk/people/", "ru/"]) {
      const { meta } = head(site, url);
      const image = meta("og:image")!;
      const locale = url.slice(0, 2);
      expect(image, url).toMatch(new RegExp(`/newsroom/cards/site-${locale}-[0-9a-f]{12}\\.png$`));
      expect(existsSync(fileOf(site, image))).toBe(true);
      expect(meta("twitter:card")).toBe("summary_large_image");
      if (cards.has(locale)) expect(cards.get(locale)).toBe(image);
      cards.set(locale, image);
    }
    expect(head(site, "kk/tags/").meta("og:image:alt")).toBe("Сауда және интеграция министрлігінің баспасөз қызметі");
  });

  it("are drawn with fonts that hold every Russian, Kazakh and English letter in both weights", () => {
    for (const weight of [400, 700]) {
      const fonts = cardFontsForTest().filter((f) => f.weight === weight).map((f) => fontkit.create(f.data) as { hasGlyphForCodePoint(cp: number): boolean });
      const missing = [...ALPHABETS].filter((ch) => !fonts.some((font) => font.hasGlyphForCodePoint(ch.codePointAt(0)!)));
      expect(missing, String(weight)).toEqual([]);
    }
  });

  it("are unpacked from WOFF once, to the very pixels satori draws from the WOFF files themselves", async () => {
    const fonts = cardFontsForTest();
    const dir = path.join(ROOT, "node_modules/@fontsource/noto-serif/files");
    const woffs = fonts.map((f) => ({ ...f, data: readFileSync(path.join(dir, `noto-serif-${f.name.replace("Noto Serif ", "")}-${f.weight}-normal.woff`)) }));
    for (const [f, w] of fonts.map((f, i) => [f, woffs[i]!] as const)) {
      // An SFNT file, not WOFF, with every table of the WOFF file at its stated length.
      expect(f.data.readUInt32BE(0), f.name).not.toBe(0x774f4646);
      const unpacked = fontkit.create(f.data) as unknown as { directory: { tables: Record<string, { length: number }> } };
      const packed = fontkit.create(w.data) as unknown as { directory: { tables: Record<string, { length: number }> } };
      expect(Object.keys(unpacked.directory.tables).sort()).toEqual(Object.keys(packed.directory.tables).sort());
      for (const [tag, t] of Object.entries(packed.directory.tables)) expect(unpacked.directory.tables[tag]!.length, tag).toBe(t.length);
    }
    for (const input of [
      { headline: "Глава государства посетил Туркестан: «новые школы»", date: "16 декабря 2025", publisher: "BAQ.KZ", locale: "ru", figure: { value: "1 234,5", label: "млн тенге" } },
      { headline: "Мемлекет басшысы Түркістанға барды: ә ғ қ ң ө ұ ү һ і", date: "2025 жылғы 16 желтоқсан", publisher: "Ақпарат агенттігі", locale: "kk" },
      { headline: "The President visited Turkestan: “new schools”, café", date: "16 December 2025", publisher: "BAQ.KZ", locale: "en" },
    ]) {
      expect((await cardPng(input, fonts)).equals(await cardPng(input, woffs)), input.locale).toBe(true);
    }
  });

  it("draw the same card to the same bytes, and another headline to other pixels", async () => {
    const input = { headline: "Әбілдабеков Түркістан облысына барды", date: "2025 жылғы 16 желтоқсан", publisher: "Сауда және интеграция министрлігі", locale: "kk", figure: { value: "1,4 мың", label: "жұмыс орны" } };
    const a = await cardPng(input, cardFontsForTest());
    const b = await cardPng(input, cardFontsForTest());
    const c = await cardPng({ ...input, headline: "Өскемен: жаңа зауыт ашылды" }, cardFontsForTest());
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    // A full build draws in a process of its own: the same pixels, to the byte, as this thread draws.
    const drawer = cardDrawer(cardFontsForTest());
    const [fromWorker, other] = await Promise.all([drawer.draw(input), drawer.draw({ ...input, headline: "Өскемен: жаңа зауыт ашылды" })]);
    expect(fromWorker.equals(a)).toBe(true);
    expect(other.equals(c)).toBe(true);
    // A drawer left idle closes its process, and the next card starts another.
    const brief = cardDrawer(cardFontsForTest(), 100);
    expect((await brief.draw(input)).equals(a)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await brief.draw(input)).equals(a)).toBe(true);
  });

  it("show the brand band and the rule as boxes of their own, with nothing clipped or masked", async () => {
    const input = { headline: "Абилдабеков посетил Туркестанскую область", date: "16 декабря 2025", publisher: "Министерство торговли и интеграции", locale: "ru", figure: { value: "1,4 тыс.", label: "рабочих мест" } };
    // A border or an overflow becomes a clip path or a mask, a third of the rasteriser's time.
    const svg = await cardSvg(input, cardFontsForTest());
    expect(svg).not.toMatch(/\s(?:clip-path|mask)="url\(/);
    const { data, info } = await sharp(await cardPng(input, cardFontsForTest())).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect([info.width, info.height]).toEqual([1200, 630]);
    expect(at(600, 8)).toEqual([0x0b, 0x5c, 0xad]);
    expect(at(1190, 461)).toEqual([0xd5, 0xdd, 0xe6]);
    expect(at(1190, 300)).toEqual([0xff, 0xff, 0xff]);
  });

  it("stop at the window: an older release shows the site's card, unless the option widens it to all", async () => {
    const now = "2025-03-01T12:00:00+05:00";
    const built = await buildFixture("pagination", { now, search: false }, virtualReleases(40));
    const recent = built.html("/ru/2025/02/r039/");
    const old = built.html("/ru/2025/01/r005/");
    const og = (html: ReturnType<typeof built.html>) => html.querySelector('meta[property="og:image"]')!.getAttribute("content")!;
    expect(og(recent)).toMatch(/\/newsroom\/cards\/ru-r039-[0-9a-f]{12}\.png$/);
    expect(og(old)).toMatch(/\/newsroom\/cards\/site-ru-/);
    const all = await buildFixture("pagination", { now, search: false, shareCards: { days: "all" } }, virtualReleases(40));
    expect(og(all.html("/ru/2025/01/r005/"))).toMatch(/\/newsroom\/cards\/ru-r005-/);
    const none = await buildFixture("pagination", { now, search: false, shareCards: false }, virtualReleases(3));
    expect(none.html("/ru/2025/01/r003/").querySelector('meta[property="og:image"]')).toBeNull();
  });
});

/** A site on disk with the plugin and these releases (name → body with front matter), built through Eleventy's CLI. */
function siteOnDisk(releases: Record<string, string>): { site: string; build(out: string): string } {
  const site = mkdtempSync(path.join(os.tmpdir(), "newsroom-cards-"));
  mkdirSync(path.join(site, "releases"), { recursive: true });
  writeFileSync(
    path.join(site, "eleventy.config.mjs"),
    `import newsroom from ${JSON.stringify(path.join(ROOT, "plugin/index.ts"))};
export default (c) => { c.addPlugin(newsroom, { siteName: "Пресс-служба", siteUrl: "https://press.example.kz", timeZone: "Asia/Almaty", search: false, now: "2025-12-17T12:00:00+05:00" }); };\n`,
  );
  for (const [name, text] of Object.entries(releases)) writeFileSync(path.join(site, "releases", name), text);
  const build = (out: string) => {
    const run = spawnSync(process.execPath, ["--import", pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href, path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), `--output=${out}`], { cwd: site, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  return { site, build };
}

const VISIT = "---\ntitle: Визит в Туркестан\nlead: Вице-министр посетил область.\ndate: 2025-12-16T10:00\n---\nТекст.\n";

describe("the share-card cache", () => {
  it("draws a card once: a second build copies it from .cache/newsroom/cards, to the same bytes", () => {
    const { site, build } = siteOnDisk({ "visit.md": VISIT });
    // The release's card and the site's card.
    expect(build("one")).toMatch(/share cards: 2 drawn in [\d.]+ s, 0 unchanged/);
    expect(build("two")).not.toContain("share cards:");
    const cards = filesIn(path.join(site, "one/newsroom/cards"));
    expect(cards).toHaveLength(2);
    for (const file of cards) {
      expect(readFileSync(path.join(site, "two/newsroom/cards", file)).equals(readFileSync(path.join(site, "one/newsroom/cards", file))), file).toBe(true);
      expect(existsSync(path.join(site, ".cache/newsroom/cards", file))).toBe(true);
    }
  });

  it("in a publish, draws the new release's card as it is asked for, with the kept logo, to a clean build's bytes", () => {
    const site = mkdtempSync(path.join(os.tmpdir(), "newsroom-cards-publish-"));
    mkdirSync(path.join(site, "releases"), { recursive: true });
    mkdirSync(path.join(site, "img"), { recursive: true });
    writeFileSync(path.join(site, "img/logo.svg"), '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><circle cx="32" cy="32" r="28" fill="#0a5"/></svg>\n');
    writeFileSync(
      path.join(site, "eleventy.config.mjs"),
      `import newsroom from ${JSON.stringify(path.join(ROOT, "plugin/index.ts"))};
export default (c) => { c.addPlugin(newsroom, { siteName: "Пресс-служба", siteUrl: "https://press.example.kz", timeZone: "Asia/Almaty", search: false, buildCache: true, publisher: { name: "Министерство", logo: "/img/logo.svg" }, now: "2025-12-17T12:00:00+05:00" }); };\n`,
    );
    writeFileSync(path.join(site, "releases/visit.md"), "---\ntitle: Визит в Туркестан\nlead: Вице-министр посетил область.\ndate: 2025-12-16T10:00\n---\nТекст.\n");
    const build = (dir: string) => {
      const run = spawnSync(process.execPath, ["--import", pathToFileURL(path.join(ROOT, "node_modules/tsx/dist/esm/index.mjs")).href, path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--output=_site"], { cwd: dir, encoding: "utf8", env: { ...process.env, NEWSROOM_BUILD_CACHE: "" } });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout;
    };
    build(site);
    // The logo as the card embeds it, kept: a publish reads it instead of waiting for sharp.
    expect(readdirSync(path.join(site, ".cache/newsroom/cards")).filter((f) => /^logo-[0-9a-f]+\.png$/.test(f))).toHaveLength(1);
    writeFileSync(path.join(site, "releases/fair.md"), "---\ntitle: Ярмарка в Шымкенте\nlead: Открылась ярмарка.\ndate: 2025-12-17T09:00\n---\nТекст.\n");
    const log = build(site);
    expect(log).toMatch(/build cache: \d+ release page/);
    expect(log).toMatch(/share cards: 1 drawn/);
    const card = fileOf(path.join(site, "_site"), head(path.join(site, "_site"), "ru/2025/12/fair").meta("og:image")!);
    // The same input built clean: no cache, no output.
    const clean = mkdtempSync(path.join(os.tmpdir(), "newsroom-cards-clean-"));
    for (const part of ["eleventy.config.mjs", "releases/visit.md", "releases/fair.md", "img/logo.svg"]) {
      mkdirSync(path.dirname(path.join(clean, part)), { recursive: true });
      copyFileSync(path.join(site, part), path.join(clean, part));
    }
    build(clean);
    expect(readFileSync(card).equals(readFileSync(path.join(clean, path.relative(site, card))))).toBe(true);
  });

  it("in a first build of many releases, draws in the process started at its start, to the bytes this thread draws", () => {
    // Five releases on disk and no card kept: the drawing process starts with the build, and the
    // two cards (the recent release's, the site's) go to it rather than to the build's own thread.
    const siteOf = (releases: number) => {
      const old = Object.fromEntries(Array.from({ length: releases - 1 }, (_, i) => [`old-${i + 1}.md`, `---\ntitle: Архив ${i + 1}\nlead: Старый релиз.\ndate: 2020-01-0${i + 1}T10:00\n---\nТекст.\n`]));
      const { site, build } = siteOnDisk({ "visit.md": VISIT, ...old });
      expect(build("_site")).toMatch(/share cards: 2 drawn/);
      return path.join(site, "_site/newsroom/cards");
    };
    const many = siteOf(5);
    const few = siteOf(2);
    expect(filesIn(many)).toEqual(filesIn(few));
    expect(filesIn(many)).toHaveLength(2);
    for (const file of filesIn(many)) expect(readFileSync(path.join(many, file)).equals(readFileSync(path.join(few, file))), file).toBe(true);
  });
});
