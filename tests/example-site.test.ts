// The example site, built with its own .eleventy.ts through the package's entry: the Turkestan release.
import { beforeAll, describe, expect, it } from "vitest";
import { buildExample, text, type Built } from "./helpers/build.ts";

const URL = "/ru/2025/12/turkestan-visit/";
let site: Built;
beforeAll(async () => {
  site = await buildExample();
});


/** Text as written: typography's quotes, dashes and no-break spaces undone. */
const plain = (s: string) => s.replace(/\u00a0/g, " ").replace(/[«»“”„]/g, '"').replace(/ — /g, " - ");

describe("the Turkestan visit release", () => {
  it("is a Russian article with its headline, dateline, date, lead and canonical URL", () => {
    const html = site.html(URL);
    expect(html.querySelector("html")?.getAttribute("lang")).toBe("ru");
    expect(text(html.querySelector("h1"))).toBe("Вице-министр торговли и интеграции посетил предприятия Туркестанской области");
    const time = html.querySelector(".newsroom-release .newsroom-dateline time")!;
    expect(time.getAttribute("datetime")).toBe("2025-12-16T00:00:00+05:00");
    expect(text(time)).toBe("16 декабря 2025");
    expect(text(html.querySelector(".newsroom-dateline__place"))).toBe("Туркестанская область");
    expect(text(html.querySelector(".newsroom-lead"))).toMatch(/^Вице-министр торговли и интеграции Республики Казахстан Айдар Абилдабеков совершил рабочую поездку/);
    // The lead is set in Russian typography; the description keeps the author's text.
    expect(plain(text(html.querySelector(".newsroom-lead")))).toBe(html.querySelector('meta[name="description"]')?.getAttribute("content"));
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(`https://press.example.kz${URL}`);
    expect(text(html.querySelector("title"))).toContain("Пресс-служба Министерства торговли и интеграции");
  });

  it("carries the quote with its speaker and role", () => {
    const fig = site.html(URL).querySelector("figure.newsroom-quote")!;
    expect(text(fig.querySelector("blockquote"))).toMatch(/^Создание новых рабочих мест и развитие экспортоориентированных производств/);
    expect(text(fig.querySelector("cite"))).toBe("Айдар Абилдабеков");
    expect(text(fig.querySelector("figcaption"))).toBe("— Айдар Абилдабеков, вице-министр торговли и интеграции Республики Казахстан");
  });

  it("carries the four figures in the key figures box", () => {
    const box = site.html(URL).querySelector(".newsroom-key-figures")!;
    expect(text(box.querySelector("h2"))).toBe("Ключевые цифры");
    const figures = box.querySelectorAll("li").map((li) => ({
      value: li.querySelector("data")?.getAttribute("value"),
      figure: text(li.querySelector(".newsroom-stat__figure")),
    }));
    expect(figures).toEqual([
      { value: "60000", figure: "60 тыс. гектаров" },
      { value: "1400", figure: "более 1,4 тыс. постоянных рабочих мест" },
      { value: "300", figure: "свыше 300 временных рабочих мест" },
      { value: "100", figure: "более 100 предпринимателей и экспортёров" },
    ]);
  });

  it("keeps the rest of the text, in Russian typography, and attributes the source", () => {
    const html = site.html(URL);
    const body = text(html.querySelector(".newsroom-release__body")).replace(/\u00a0/g, " ");
    expect(body).toContain("В рамках визита в СЭЗ «Turan» вице-министр посетил ТОО «Kazakhstan Lihua»");
    expect(body).toContain("ТОО «ER-QAN GROUP», ТОО «UBC Group» и ТОО «Сауран Пласт»");
    expect(body).toContain("расширенная встреча с более чем 100 предпринимателями и экспортёрами региона");
    expect(body).toContain("значительный потенциал для создания новых рабочих мест за счёт развития современных производств.");
    const source = html.querySelector(".newsroom-source")!;
    expect(text(source)).toBe("Источник: BAQ.KZ");
    expect(source.querySelector("a")?.getAttribute("href")).toBe("https://baq.kz/");
    expect(html.querySelectorAll(".newsroom-terms-block--tags li").map(text)).toEqual(["экспорт", "промышленность", "рабочие места"]);
  });

  it("uses the example's own header partial instead of the plugin's", () => {
    const header = site.html(URL).querySelector("header.office-header")!;
    expect(text(header.querySelector(".newsroom-header__brand"))).toBe("Пресс-служба Министерства торговли и интеграции Республики Казахстан");
  });

  it("lists the release on the Russian list page and the front page", () => {
    for (const url of ["/ru/", "/"]) {
      const link = site.html(url).querySelector(".newsroom-card__title a")!;
      expect(link.getAttribute("href")).toBe(URL);
    }
  });

  it("builds nothing from the repository that is not the site", () => {
    const inputs = site.pages.map((p) => p.inputPath);
    expect(inputs.filter((p) => /^\.\/(plugin|tests|dist|docs)\/|README/.test(p))).toEqual([]);
    expect(site.pages.every((p) => !p.url.startsWith("/src/"))).toBe(true);
  });
});

describe("the example's discovery", () => {
  it("describes the release as a NewsArticle quoting the vice minister", () => {
    const script = site.html(URL).querySelector('script[type="application/ld+json"]')!;
    const graph = JSON.parse(script.textContent)["@graph"];
    const article = graph.find((n: any) => n["@type"] === "NewsArticle");
    expect(article.datePublished).toBe("2025-12-16T00:00:00+05:00");
    expect(article.mentions[0].spokenByCharacter).toEqual({
      "@type": "Person",
      name: "Айдар Абилдабеков",
      jobTitle: "вице-министр торговли и интеграции Республики Казахстан",
    });
    expect(article.about.find((n: any) => n["@type"] === "GovernmentOrganization").name).toBe("Министерство торговли и интеграции Республики Казахстан");
    expect(article.contentLocation.map((p: any) => p.name)).toEqual(["Туркестанская область", "Отырарский район", "Арысский район", "Ордабасинский район"]);
  });

  it("puts the release in the feeds, the sitemap and the news sitemap", () => {
    const abs = `https://press.example.kz${URL}`;
    for (const feed of ["/ru/feed.xml", "/ru/rss.xml", "/ru/feed.json", "/ru/tags/eksport/feed.xml"]) expect(site.page(feed).content).toContain(abs);
    expect(site.page("/sitemap.xml").content).toContain(`<loc>${abs}</loc>`);
    expect(site.page("/ru/news-sitemap.xml").content).toContain(`<loc>${abs}</loc>`);
    expect(site.page("/robots.txt").content).toContain("Sitemap: https://press.example.kz/ru/news-sitemap.xml");
  });
});

describe("the example in three languages", () => {
  const KK = "/kk/2025/12/turkistan-oblysyna-sapar/";
  const EN = "/en/2025/12/turkistan-visit/";

  it("carries the Kazakh and English translations, marked as translations of the Russian original", () => {
    for (const url of [KK, EN]) {
      const html = site.html(url);
      expect(html.querySelector(".newsroom-translation a")?.getAttribute("href")).toBe(URL);
      expect(html.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute("hreflang"))).toEqual(["ru", "x-default", "kk", "en"]);
    }
    expect(text(site.html(KK).querySelector(".newsroom-release .newsroom-dateline time"))).toBe("2025 жылғы 16 желтоқсан");
    expect(text(site.html(EN).querySelector(".newsroom-release .newsroom-dateline time"))).toBe("16 December 2025");
    expect(text(site.html(KK).querySelector("figure.newsroom-quote cite"))).toBe("Айдар Әбілдабеков");
    expect(site.html(KK).querySelectorAll(".newsroom-key-figures li")).toHaveLength(4);
    expect(site.html(EN).querySelectorAll(".newsroom-key-figures li").map((li) => text(li.querySelector(".newsroom-stat__figure")))).toEqual([
      "60,000 hectares",
      "more than 1,400 permanent jobs",
      "over 300 temporary jobs",
      "more than 100 entrepreneurs and exporters",
    ]);
  });

  it("has term pages in all three languages", () => {
    for (const url of ["/ru/people/aydar-abildabekov/", "/kk/people/aydar-abildabekov/", "/en/people/aidar-abildabekov/", "/kk/places/turkistan-oblysy/", "/en/places/turkistan-region/", "/kk/tags/onerkasip/", "/en/tags/industry/"]) {
      expect(site.html(url).querySelectorAll(".newsroom-card")).toHaveLength(1);
    }
    expect(text(site.html("/kk/places/turkistan-oblysy/").querySelector("h1"))).toBe("Түркістан облысы");
  });
});
