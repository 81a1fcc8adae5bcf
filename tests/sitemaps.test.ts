// sitemap.xml against the sitemaps.org schema, its split into an index, the news sitemap and robots.txt.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixture, ROOT } from "./helpers/build.ts";
import { parseXml, xmllint } from "./helpers/xml.ts";

const SCHEMA = path.join(ROOT, "node_modules/sitemap/schema/sitemap.xsd");
const NOW = "2025-12-17T11:00:00+05:00";

describe("sitemap.xml", () => {
  it("validates against the sitemaps.org schema and lists every page with lastmod", async () => {
    const site = await buildFixture("discovery", { now: NOW });
    const xml = site.page("/sitemap.xml").content;
    const lint = xmllint(xml, SCHEMA);
    expect(lint.ok, lint.output).toBe(true);
    const urls = parseXml(xml).urlset.url as { loc: string; lastmod?: string }[];
    const locs = urls.map((u) => u.loc);
    // Every page but the search pages, which ask not to be indexed.
    const htmlPages = site.pages.filter((p) => p.url.endsWith("/") && !p.url.endsWith("/search/")).map((p) => `https://press.example.kz${p.url}`);
    expect(site.html("/ru/search/").querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
    expect([...locs].sort()).toEqual([...htmlPages].sort());
    expect(urls.find((u) => u.loc.endsWith("/ru/2025/12/visit/"))?.lastmod).toBe("2025-12-17T09:30:00+05:00");
    expect(urls.find((u) => u.loc.endsWith("/ru/tags/eksport/"))?.lastmod).toBe("2025-12-17T09:30:00+05:00");
  });

  it("xmllint refuses a sitemap that breaks the schema", () => {
    expect(xmllint('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>yesterday</lastmod></url></urlset>', SCHEMA).ok).toBe(false);
  });

  it("splits into a sitemap index past the size limit", async () => {
    const site = await buildFixture("discovery", { now: NOW, sitemapSize: 10 });
    const index = parseXml(site.page("/sitemap.xml").content).sitemapindex;
    const parts = index.sitemap.map((s: { loc: string }) => s.loc);
    expect(parts[0]).toBe("https://press.example.kz/sitemap-1.xml");
    let total = 0;
    for (const loc of parts) {
      const xml = site.page(new URL(loc).pathname).content;
      expect(xmllint(xml, SCHEMA).ok).toBe(true);
      const n = parseXml(xml).urlset.url.length;
      expect(n).toBeLessThanOrEqual(10);
      total += n;
    }
    expect(total).toBe(site.pages.filter((p) => p.url.endsWith("/") && !p.url.endsWith("/search/")).length);
  });
});

describe("Google News sitemap", () => {
  it("lists releases from the two days before the build's date, with publication, date and title", async () => {
    const site = await buildFixture("discovery", { now: NOW });
    const urls = parseXml(site.page("/ru/news-sitemap.xml").content).urlset.url;
    expect(urls.map((u: any) => u.loc)).toEqual(["https://press.example.kz/ru/2025/12/visit/", "https://press.example.kz/ru/2025/12/yesterday/"]);
    const news = urls[0]["news:news"];
    expect(news["news:publication"]).toEqual({ "news:name": "Test Press Office", "news:language": "ru" });
    expect(news["news:publication_date"]).toBe("2025-12-16T10:00:00+05:00");
    expect(news["news:title"]).toBe('Визит в СЭЗ "Turan" & Отырар');
  });

  it("takes the build's date from the environment when no option gives it", async () => {
    process.env.SOURCE_DATE_EPOCH = String(Date.parse("2025-12-11T00:00:00+05:00") / 1000);
    try {
      const site = await buildFixture("discovery");
      const urls = parseXml(site.page("/ru/news-sitemap.xml").content).urlset.url;
      expect(urls.map((u: any) => u.loc)).toEqual(["https://press.example.kz/ru/2025/12/older/"]);
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });

  it("robots.txt names the sitemap and the news sitemap", async () => {
    const site = await buildFixture("discovery", { now: NOW });
    const robots = site.page("/robots.txt").content;
    expect(robots).toContain("Sitemap: https://press.example.kz/sitemap.xml\n");
    expect(robots).toContain("Sitemap: https://press.example.kz/ru/news-sitemap.xml\n");
  });
});
