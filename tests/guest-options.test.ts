// A guest's options: the newsroom mounted under a folder, site-wide files moved or turned off, and
// the plugin yielding to pages and shortcodes the site has of its own.
import { describe, expect, it } from "vitest";
import { buildError, buildFixture, text } from "./helpers/build.ts";

describe("mount", () => {
  it("puts every page, feed, asset and sitemap of the newsroom under one folder", async () => {
    const site = await buildFixture("ordering", { mount: "/press/", search: false });
    const urls = site.pages.map((p) => p.url);
    const outside = urls.filter((u) => !u.startsWith("/press/"));
    // Only the files that work at the root alone: robots.txt and the 404 page.
    expect(outside.sort()).toEqual(["/404.html", "/robots.txt"]);
    expect(urls).toContain("/press/");
    expect(urls).toContain("/press/ru/2025/12/a-latest/");
    expect(urls).toContain("/press/ru/feed.xml");
    expect(urls).toContain("/press/sitemap.xml");
    const release = site.html("/press/ru/2025/12/a-latest/");
    expect(release.querySelector("link[rel=stylesheet]")?.getAttribute("href")).toMatch(/^\/press\/newsroom\/newsroom\.[0-9a-f]{10}\.css$/);
    expect(release.querySelector("html")?.getAttribute("lang")).toBe("ru");
    const links = release.querySelectorAll("a[href^='/']").map((a) => a.getAttribute("href")!);
    expect(links.length).toBeGreaterThan(3);
    expect(links.filter((href) => !href.startsWith("/press/"))).toEqual([]);
    expect(site.page("/robots.txt").content).toContain("Sitemap: https://press.example.kz/press/sitemap.xml");
  });

  it("is refused when it is not a folder of the site", async () => {
    const error = await buildError("ordering", { mount: "press" });
    expect(error).toContain('"mount" is "press", not a folder of the site');
  });
});

describe("site-wide files", () => {
  it("can each be moved or turned off", async () => {
    const site = await buildFixture("ordering", { search: false, headers: false, feeds: false, files: { home: "/news/", notFound: false, sitemap: "/press-sitemap.xml", robots: false } });
    const urls = site.pages.map((p) => p.url);
    expect(urls).toContain("/news/");
    expect(urls).toContain("/press-sitemap.xml");
    for (const gone of ["/", "/404.html", "/sitemap.xml", "/robots.txt", "/ru/feed.xml", "/ru/rss.xml", "/ru/feed.json"]) expect(urls).not.toContain(gone);
    expect(site.html("/ru/").querySelector('link[type="application/atom+xml"]')).toBeNull();
  });

  it("yield to the site's own home page, 404 and sitemap, with no output conflict", async () => {
    const site = await buildFixture("ordering", { search: false }, (c) => {
      c.addTemplate("home.njk", "<h1 id=site-home>Our site</h1>", { permalink: "/" });
      c.addTemplate("missing.njk", "<h1 id=site-404>Lost</h1>", { permalink: "/404.html", eleventyExcludeFromCollections: true });
      c.addTemplate("map.njk", "<urlset id=site-sitemap></urlset>", { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true });
    });
    expect(site.page("/").content).toContain("site-home");
    expect(site.page("/404.html").content).toContain("site-404");
    expect(site.page("/sitemap.xml").content).toContain("site-sitemap");
    const ours = site.page("/sitemap-newsroom.xml").content;
    expect(ours).toContain("<loc>https://press.example.kz/ru/2025/12/a-latest/</loc>");
    // The plugin's sitemap lists its own pages, not the site's home page.
    expect(ours).not.toContain("<loc>https://press.example.kz/</loc>");
    expect(site.page("/robots.txt").content).toContain("Sitemap: https://press.example.kz/sitemap-newsroom.xml");
  });
});

describe("shortcodes", () => {
  it("a site's own quote shortcode stays; releases can use newsroomQuote", async () => {
    const site = await buildFixture("ordering", { search: false }, (c) => {
      c.addPairedShortcode("quote", (body: string) => `<q class="site-quote">${body}</q>`);
      c.addTemplate("page.njk", "{% quote %}Ours{% endquote %}", { permalink: "/page/" });
      c.addTemplate("releases/quoted.md", '{% newsroomQuote "Айдар Абилдабеков" %}Слова.{% endnewsroomQuote %}', { title: "Quoted", date: "2025-12-15T10:00", lead: "Lead." });
    });
    expect(site.page("/page/").content).toBe('<q class="site-quote">Ours</q>');
    expect(text(site.html("/ru/2025/12/quoted/").querySelector("figure.newsroom-quote cite"))).toBe("Айдар Абилдабеков");
  });
});
