// Every page leads to every section: the publisher's logo and name in the header, then people,
// organisations, places, topics and search, in the page's language.
import { describe, expect, it } from "vitest";
import { buildExample } from "./helpers/build.ts";

describe("navigation", () => {
  it("every page's header has the logo and links to each index and to search", async () => {
    const site = await buildExample();
    const pages = site.pages.filter((p) => p.url.endsWith("/") || p.url.endsWith(".html"));
    const problems: string[] = [];
    for (const p of pages) {
      const html = site.html(p.url);
      const header = html.querySelector("header.newsroom-header");
      const lang = html.querySelector("html")!.getAttribute("lang")!;
      const links = (header?.querySelectorAll(".newsroom-sections a") ?? []).map((a) => a.getAttribute("href"));
      const expected = ["people", "organisations", "places", "tags", "search"].map((s) => `/${lang}/${s}/`);
      if (JSON.stringify(links) !== JSON.stringify(expected)) problems.push(`${p.url}: ${links.join(" ")}`);
      if (!header?.querySelector('img.newsroom-header__logo[width="40"][height="40"]')) problems.push(`${p.url}: no logo`);
    }
    expect(pages.length).toBeGreaterThan(70);
    expect(problems).toEqual([]);
  });
});
