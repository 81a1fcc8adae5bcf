// JSON-LD and head meta on releases and home pages, read back by parsing what was built.
import { beforeAll, describe, expect, it } from "vitest";
import type { HTMLElement } from "node-html-parser";
import { buildFixture, type Built } from "./helpers/build.ts";

let site: Built;
beforeAll(async () => {
  site = await buildFixture("discovery", { now: "2025-12-17T11:00:00+05:00", publisher: { name: "Министерство", url: "https://gov.example.kz/mti", logo: "/img/logo.png" } });
});

const graphOf = (html: HTMLElement) => {
  const scripts = html.querySelectorAll('script[type="application/ld+json"]');
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]!.textContent) as { "@context": string; "@graph": any[] };
};
const node = (graph: { "@graph": any[] }, type: string) => graph["@graph"].find((n) => n["@type"] === type);
const meta = (html: HTMLElement, key: string) =>
  html.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`).map((m) => m.getAttribute("content"));

describe("NewsArticle on a release", () => {
  it("carries every property Google's Article documentation lists, with offsets", () => {
    const graph = graphOf(site.html("/ru/2025/12/visit/"));
    expect(graph["@context"]).toBe("https://schema.org");
    const a = node(graph, "NewsArticle");
    expect(a.headline).toBe('Визит в СЭЗ "Turan" & Отырар');
    expect(a.description).toBe("Вице-министр посетил СЭЗ «Turan».");
    expect(a.datePublished).toBe("2025-12-16T10:00:00+05:00");
    expect(a.dateModified).toBe("2025-12-17T09:30:00+05:00");
    expect(a.inLanguage).toBe("ru");
    // The photo, then the release's share card.
    expect(a.image[0]).toEqual({ "@type": "ImageObject", url: "https://press.example.kz/img/visit.jpg", caption: "Визит", creditText: "BAQ.KZ" });
    expect(a.image[1]).toMatchObject({ "@type": "ImageObject", width: 1200, height: 630, url: expect.stringMatching(/^https:\/\/press\.example\.kz\/newsroom\/cards\/ru-visit-[0-9a-f]{12}\.png$/) });
    expect(a.image).toHaveLength(2);
    expect(a.author).toEqual([{ "@type": "Organization", name: "Министерство", url: "https://gov.example.kz/mti" }]);
    expect(a.publisher).toMatchObject({ "@type": "Organization", name: "Министерство", url: "https://gov.example.kz/mti", logo: { "@type": "ImageObject", url: "https://press.example.kz/img/logo.png" } });
    expect(a.mainEntityOfPage).toEqual({ "@type": "WebPage", "@id": "https://press.example.kz/ru/2025/12/visit/" });
  });

  it("names its people, organisations and places with their schema.org types", () => {
    const a = node(graphOf(site.html("/ru/2025/12/visit/")), "NewsArticle");
    expect(a.about).toEqual([
      { "@type": "Person", name: "Айдар Абилдабеков", jobTitle: "вице-министр торговли и интеграции", url: "https://press.example.kz/ru/people/aydar-abildabekov/", sameAs: "https://gov.example.kz/abildabekov" },
      { "@type": "GovernmentOrganization", name: "Министерство торговли и интеграции", url: "https://press.example.kz/ru/organisations/ministerstvo-torgovli-i-integratsii/" },
      { "@type": "Organization", name: "ТОО «Kazakhstan Lihua»", url: "https://press.example.kz/ru/organisations/too-kazakhstan-lihua/" },
    ]);
    expect(a.contentLocation.map((p: any) => [p["@type"], p.name, p.containedInPlace?.name])).toEqual([
      ["AdministrativeArea", "Отырарский район", "Туркестанская область"],
      ["City", "Туркестан", "Туркестанская область"],
    ]);
  });

  it("gives each quote as a Quotation spoken by its speaker", () => {
    const a = node(graphOf(site.html("/ru/2025/12/visit/")), "NewsArticle");
    expect(a.mentions).toEqual([
      {
        "@type": "Quotation",
        text: "Создание новых рабочих мест — приоритет.",
        isBasedOn: "https://baq.kz/news/1",
        spokenByCharacter: { "@type": "Person", name: "Айдар Абилдабеков", jobTitle: "вице-министр" },
      },
    ]);
  });

  it("has a BreadcrumbList that ends on the page", () => {
    const crumbs = node(graphOf(site.html("/ru/2025/12/visit/")), "BreadcrumbList");
    expect(crumbs.itemListElement.map((c: any) => [c.position, c.name, c.item])).toEqual([
      [1, "Главная", "https://press.example.kz/ru/"],
      [2, "2025", "https://press.example.kz/ru/2025/"],
      [3, "Декабрь", "https://press.example.kz/ru/2025/12/"],
      [4, 'Визит в СЭЗ "Turan" & Отырар', "https://press.example.kz/ru/2025/12/visit/"],
    ]);
  });

  it("stays inside its <script> whatever the content holds", () => {
    const page = site.page("/ru/2025/12/hostile/").content;
    const script = page.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)![1]!;
    expect(script).not.toMatch(/<\/script|<!--|\u2028|\u2029/i);
    const a = node(JSON.parse(script), "NewsArticle");
    expect(a.headline).toBe("Closing </script><!-- tag and \u2028 line separator");
    expect(a.description).toBe("A lead with </script> in it & \u2029 too.");
    // Exactly one script element: nothing in the content closed it early.
    expect(page.match(/<script/g)).toHaveLength(1);
  });
});

describe("home pages", () => {
  it("carry WebSite and Organization", () => {
    for (const url of ["/", "/ru/"]) {
      const graph = graphOf(site.html(url));
      expect(node(graph, "WebSite")).toMatchObject({ name: "Test Press Office", inLanguage: "ru", url: `https://press.example.kz${url}` });
      expect(node(graph, "Organization")).toMatchObject({ name: "Министерство", url: "https://gov.example.kz/mti" });
    }
  });
});

describe("social and head meta", () => {
  it("Open Graph and Twitter card for an article", () => {
    const html = site.html("/ru/2025/12/visit/");
    expect(meta(html, "og:type")).toEqual(["article"]);
    expect(meta(html, "og:title")).toEqual(['Визит в СЭЗ "Turan" & Отырар']);
    expect(meta(html, "og:url")).toEqual(["https://press.example.kz/ru/2025/12/visit/"]);
    expect(meta(html, "og:locale")).toEqual(["ru_RU"]);
    // A recent release is shared with its own card, which names its headline and date.
    expect(meta(html, "og:image")).toEqual([expect.stringMatching(/^https:\/\/press\.example\.kz\/newsroom\/cards\/ru-visit-[0-9a-f]{12}\.png$/)]);
    expect(meta(html, "og:image:alt")).toEqual(['Визит в СЭЗ "Turan" & Отырар']);
    expect(meta(html, "article:published_time")).toEqual(["2025-12-16T10:00:00+05:00"]);
    expect(meta(html, "article:modified_time")).toEqual(["2025-12-17T09:30:00+05:00"]);
    expect(meta(html, "article:section")).toEqual(["Пресс-релизы"]);
    expect(meta(html, "article:tag")).toEqual(["экспорт", "промышленность"]);
    expect(meta(html, "twitter:card")).toEqual(["summary_large_image"]);
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://press.example.kz/ru/2025/12/visit/");
  });

  it("feed autodiscovery: the site's feeds everywhere, a tag's own on its page", () => {
    const links = (url: string) => site.html(url).querySelectorAll('link[rel="alternate"]').map((l) => [l.getAttribute("type"), l.getAttribute("href")]);
    expect(links("/ru/2025/12/visit/")).toEqual([
      ["application/atom+xml", "/ru/feed.xml"],
      ["application/rss+xml", "/ru/rss.xml"],
      ["application/feed+json", "/ru/feed.json"],
    ]);
    expect(links("/ru/tags/eksport/").slice(3)).toEqual([["application/atom+xml", "/ru/tags/eksport/feed.xml"]]);
    for (const [, href] of links("/ru/tags/eksport/")) expect(site.pages.some((p) => p.url === href)).toBe(true);
  });
});
