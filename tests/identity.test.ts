// The publisher speaks the page's language: the site's name, the publisher and its logo are given
// per locale, and pages, feeds, JSON-LD and the news sitemap use the one of their locale.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../plugin/model/options.ts";
import { buildExample, text } from "./helpers/build.ts";
import { feedText, parseXml } from "./helpers/xml.ts";

const SITE = { ru: "Пресс-служба Министерства торговли и интеграции", kk: "Сауда және интеграция министрлігінің баспасөз қызметі", en: "Press office of the Ministry of Trade and Integration" };
const PUBLISHER = { ru: "Министерство торговли и интеграции Республики Казахстан", kk: "Қазақстан Республикасы Сауда және интеграция министрлігі", en: "Ministry of Trade and Integration of the Republic of Kazakhstan" };

describe("identity per locale", () => {
  it("falls back to the default locale's name, and refuses an empty one", () => {
    const o = resolveOptions({ siteName: { ru: "Пресс-служба", en: "Press office" }, siteUrl: "https://p.kz", locales: ["ru", "kk", "en"] });
    expect([o.identity("kk").siteName, o.identity("en").siteName]).toEqual(["Пресс-служба", "Press office"]);
    expect(() => resolveOptions({ siteName: { ru: "" }, siteUrl: "https://p.kz" })).toThrow(/"siteName" is \{"ru":""\}/);
  });

  it("names the office and the ministry in each page's language: title, Open Graph, footer, JSON-LD, feeds, news sitemap", async () => {
    const site = await buildExample();
    const releases = { ru: "/ru/2025/12/turkestan-visit/", kk: site.pages.find((p) => /^\/kk\/2025\/12\/[^/]+\/$/.test(p.url))!.url, en: site.pages.find((p) => /^\/en\/2025\/12\/[^/]+\/$/.test(p.url))!.url };
    for (const locale of ["ru", "kk", "en"] as const) {
      const html = site.html(releases[locale]);
      expect(text(html.querySelector("title"))).toMatch(new RegExp(`— ${SITE[locale]}$`));
      expect(html.querySelector('meta[property="og:site_name"]')?.getAttribute("content")).toBe(SITE[locale]);
      expect(text(html.querySelector(".newsroom-footer"))).toContain(PUBLISHER[locale]);
      const graph = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent)["@graph"][0];
      expect(graph.publisher.name).toBe(PUBLISHER[locale]);
      const feed = parseXml(site.page(`/${locale}/feed.xml`).content).feed;
      expect(feedText(feed.title)).toMatch(new RegExp(`^${SITE[locale]}: `));
      expect(feed.author.name).toBe(PUBLISHER[locale]);
      expect(site.page(`/${locale}/news-sitemap.xml`).content).toContain(`<news:name>${SITE[locale]}</news:name>`);
    }
  });
});
