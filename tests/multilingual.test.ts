// Russian, Kazakh and English side by side: dictionaries, URLs, translations, hreflang and the switcher.
import { beforeAll, describe, expect, it } from "vitest";
import { builtInLocales, STRING_KEYS } from "../plugin/model/locales/index.ts";
import { originalOf, ReleaseFrontMatter } from "../plugin/model/publishing.ts";
import { buildError, buildExample, buildFixture, text, type Built } from "./helpers/build.ts";
import { feedText, parseXml } from "./helpers/xml.ts";

const LOCALES = ["ru", "kk", "en"];
let site: Built;
beforeAll(async () => {
  site = await buildFixture("multilingual", { locales: LOCALES, now: "2025-12-16T12:00:00+05:00" });
});

const hreflangs = (url: string) =>
  site.html(url).querySelectorAll('link[rel="alternate"][hreflang]').map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]);
const switcher = (url: string) =>
  site.html(url).querySelectorAll(".newsroom-languages li").map((li) => {
    const a = li.querySelector("a");
    return a ? [a.getAttribute("hreflang"), a.getAttribute("href")] : [li.querySelector("[aria-current]")?.getAttribute("lang"), "current"];
  });

describe("dictionaries", () => {
  it("each built-in locale has every string the layouts print", () => {
    for (const locale of LOCALES) {
      const d = builtInLocales[locale]!;
      expect(STRING_KEYS.filter((k) => !d.strings[k]), locale).toEqual([]);
    }
  });

  it("a Kazakh page speaks Kazakh", () => {
    const html = site.html("/kk/2025/12/turkistan-sapary/");
    expect(html.querySelector("html")?.getAttribute("lang")).toBe("kk");
    expect(text(html.querySelector(".newsroom-breadcrumbs li"))).toBe("Басты бет");
    expect(text(html.querySelector(".newsroom-key-figures h2"))).toBe("Негізгі сандар");
    expect(text(html.querySelector(".newsroom-stat__figure"))).toBe("1,4 мың жұмыс орны");
    expect(text(html.querySelector(".newsroom-release .newsroom-dateline time"))).toBe("2025 жылғы 16 желтоқсан");
    expect(text(html.querySelector(".newsroom-terms-block--people h2"))).toBe("Тұлғалар");
    expect(text(html.querySelector(".newsroom-translation"))).toBe("Түпнұсқа: Русский");
  });

  it("a site overrides any string, and a locale missing one fails the build naming it", async () => {
    const custom = await buildFixture("multilingual", { locales: LOCALES, strings: { ru: { strings: { keyFigures: "Цифры визита" } } } });
    expect(text(custom.html("/ru/2025/12/visit/").querySelector(".newsroom-key-figures h2"))).toBe("Цифры визита");
    const message = await buildError("multilingual", {
      locales: ["ru", "uz"],
      strings: { uz: { dateFormat: "d MMMM yyyy", dateTimeFormat: "d MMMM yyyy HH:mm", monthYearFormat: "LLLL yyyy", strings: { ...builtInLocales.en!.strings, keyFigures: undefined as never, source: "" } } },
    });
    expect(message).toContain('"strings.uz" lacks strings.keyFigures, strings.source for locale "uz"');
  });
});

describe("URLs per locale", () => {
  it("releases, term pages, archives, feeds and news sitemaps live under each locale", () => {
    for (const url of ["/ru/2025/12/visit/", "/kk/2025/12/turkistan-sapary/", "/en/2025/12/only-english/", "/ru/people/aydar-abildabekov/", "/kk/people/aydar-abildabekov/", "/en/people/aidar-abildabekov/", "/kk/tags/eksport/", "/ru/2025/12/", "/kk/2025/12/", "/en/2025/"]) {
      expect(site.pages.some((p) => p.url === url), url).toBe(true);
    }
    const kkFeed = parseXml(site.page("/kk/feed.xml").content).feed;
    expect(kkFeed.entry.map((e: any) => feedText(e.title))).toEqual(["Түркістан облысына сапар"]);
    expect(kkFeed["@xml:lang"]).toBe("kk");
    const kkNews = parseXml(site.page("/kk/news-sitemap.xml").content).urlset.url;
    expect(kkNews.map((u: any) => [u.loc, u["news:news"]["news:publication"]["news:language"]])).toEqual([["https://press.example.kz/kk/2025/12/turkistan-sapary/", "kk"]]);
    // No English release in the two days before the build: no English news sitemap.
    expect(site.pages.some((p) => p.url === "/en/news-sitemap.xml")).toBe(false);
  });

  it("a term page lists only its locale's releases", () => {
    expect(site.html("/en/people/aidar-abildabekov/").querySelectorAll(".newsroom-card__title").map(text)).toEqual(["Only in English"]);
    expect(site.html("/kk/people/aydar-abildabekov/").querySelectorAll(".newsroom-card__title").map(text)).toEqual(["Түркістан облысына сапар"]);
  });

  it("can serve the default locale at the root", async () => {
    const rooted = await buildFixture("multilingual", { locales: LOCALES, defaultLocaleAtRoot: true, now: "2025-12-16T12:00:00+05:00" });
    const urls = rooted.pages.map((p) => p.url);
    for (const url of ["/", "/2025/12/visit/", "/people/aydar-abildabekov/", "/2025/12/", "/feed.xml", "/news-sitemap.xml", "/kk/2025/12/turkistan-sapary/"]) expect(urls, url).toContain(url);
    expect(urls.some((u) => u.startsWith("/ru/"))).toBe(false);
    const html = rooted.html("/2025/12/visit/");
    expect(html.querySelector("html")?.getAttribute("lang")).toBe("ru");
    expect(html.querySelector(".newsroom-breadcrumbs a")?.getAttribute("href")).toBe("/");
    expect(text(rooted.html("/").querySelector(".newsroom-card__title"))).toBe("Визит в Туркестанскую область");
  });
});

describe("translations", () => {
  it("hreflang alternates name every translation and x-default", () => {
    const expected = [
      ["ru", "https://press.example.kz/ru/2025/12/visit/"],
      ["x-default", "https://press.example.kz/ru/2025/12/visit/"],
      ["kk", "https://press.example.kz/kk/2025/12/turkistan-sapary/"],
    ];
    expect(hreflangs("/ru/2025/12/visit/")).toEqual(expected);
    expect(hreflangs("/kk/2025/12/turkistan-sapary/")).toEqual(expected);
  });

  it("the switcher links to the translation, or to that locale's home when there is none", () => {
    expect(switcher("/ru/2025/12/visit/")).toEqual([
      ["ru", "current"],
      ["kk", "/kk/2025/12/turkistan-sapary/"],
      ["en", "/en/"],
    ]);
    expect(switcher("/en/2025/12/only-english/")).toEqual([
      ["ru", "/ru/"],
      ["kk", "/kk/"],
      ["en", "current"],
    ]);
    expect(hreflangs("/en/2025/12/only-english/")).toEqual([]);
  });

  it("term pages and home pages link their counterparts in other languages", () => {
    expect(switcher("/kk/people/aydar-abildabekov/")).toEqual([
      ["ru", "/ru/people/aydar-abildabekov/"],
      ["kk", "current"],
      ["en", "/en/people/aidar-abildabekov/"],
    ]);
    expect(hreflangs("/en/").map(([l]) => l)).toEqual(["ru", "x-default", "kk", "en"]);
  });

  it("structured data links the translation to its original", () => {
    const graph = (url: string) => JSON.parse(site.html(url).querySelector('script[type="application/ld+json"]')!.textContent)["@graph"][0];
    expect(graph("/kk/2025/12/turkistan-sapary/").translationOfWork).toEqual({ "@id": "https://press.example.kz/ru/2025/12/visit/#article" });
    expect(graph("/ru/2025/12/visit/").workTranslation).toEqual([{ "@id": "https://press.example.kz/kk/2025/12/turkistan-sapary/#article" }]);
  });

  it("a translation's original is found by key and locale as a walk over every file finds it, after files are read or dropped", () => {
    const fms = new ReleaseFrontMatter();
    // The walk the index replaced: the first front matter read with this key in this locale.
    const walk = (key: string, from: string) => [...fms.values()].find((fm) => fm.translationKey === key && (fm.lang ?? "ru") === from);
    const indexed = (key: string, from: string) => originalOf({ translationKey: key, translatedFrom: from }, {}, fms, "ru");
    const asks = [["visit", "ru"], ["visit", "kk"], ["visit", "en"], ["forum", "ru"], ["7", "ru"]] as const;
    const same = () => {
      for (const [key, from] of asks) expect(indexed(key, from)).toBe(walk(key, from));
    };
    fms.set("/a.md", { translationKey: "visit", title: "a" }); // the default locale
    fms.set("/b.md", { translationKey: "visit", lang: "kk", title: "b" });
    fms.set("/c.md", { translationKey: 7, title: "c" }); // not a key a release can carry
    same();
    expect(indexed("visit", "ru")?.title).toBe("a");
    // A second file with the same key and locale: the first read stays the original, as in the walk.
    fms.set("/d.md", { translationKey: "visit", title: "d" });
    same();
    expect(indexed("visit", "ru")?.title).toBe("a");
    // Read again with other front matter, or dropped: the next ask sees it.
    fms.set("/a.md", { translationKey: "forum", title: "a2" });
    same();
    expect(indexed("visit", "ru")?.title).toBe("d");
    fms.delete("/b.md");
    same();
    expect(indexed("visit", "kk")).toBeUndefined();
    fms.clear();
    same();
    expect(indexed("forum", "ru")).toBeUndefined();
  });

  it("a translation must name another locale, with a translationKey", async () => {
    const message = await buildError("multilingual", { locales: LOCALES }, (c) => {
      c.addTemplate("releases/en/bad.md", "Body.", { title: "Bad", date: "2025-12-01", lead: "x", lang: "en", translatedFrom: "en" });
    });
    expect(message).toMatch(/releases\/en\/bad\.md: "translatedFrom" is "en", which is not another of the site's locales/);
    expect(message).toMatch(/releases\/en\/bad\.md: "translationKey" is missing on a translation/);
  });
});

describe("topics across languages", () => {
  it("a topic listed in the registry is one term in every language, its pages linked and in hreflang", async () => {
    const site = await buildExample();
    const ru = site.html("/ru/tags/eksport/");
    const links = ru.querySelectorAll(".newsroom-languages a").map((a) => [a.getAttribute("hreflang"), a.getAttribute("href"), a.getAttribute("data-fallback")]);
    expect(links).toEqual([
      ["kk", "/kk/tags/eksport/", undefined],
      ["en", "/en/tags/export/", undefined],
    ]);
    const hreflang = ru.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute("hreflang"));
    expect(hreflang.sort()).toEqual(["en", "kk", "ru", "x-default"]);
    expect(text(site.html("/en/tags/export/").querySelector("h1"))).toBe("export");
    expect(text(site.html("/kk/tags/onerkasip/").querySelector("h1"))).toBe("өнеркәсіп");
  });

  it("no language link falls back to a home page where the same page exists in the other language", async () => {
    const site = await buildExample();
    const fallbacks = site.pages
      .filter((p) => p.url.endsWith("/") || p.url.endsWith(".html"))
      .filter((p) => site.html(p.url).querySelector('.newsroom-languages a[data-fallback="home"]'))
      .map((p) => p.url);
    // The 404 page is the same in every language: it has no other-language page to link to.
    expect(fallbacks).toEqual(["/404.html"]);
  });
});
