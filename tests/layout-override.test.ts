// A site overrides a shipped layout or partial by putting a file of the same name in its _includes.
import { describe, expect, it } from "vitest";
import { buildFixture, text } from "./helpers/build.ts";

describe("overriding shipped layouts", () => {
  it("the site's release layout wins, and still chains to the plugin's base layout", async () => {
    const site = await buildFixture("layout-override");
    const html = site.html("/ru/2025/12/overridden/");
    expect(html.querySelector("article.site-release")?.getAttribute("data-layout")).toBe("site");
    expect(html.querySelector("article.newsroom-release")).toBeNull();
    expect(text(html.querySelector(".site-date"))).toBe("16 декабря 2025");
    // The base layout and its partials are still the plugin's.
    expect(html.querySelector("html")?.getAttribute("lang")).toBe("ru");
    expect(html.querySelector("header.newsroom-header a")?.textContent).toBe("Test Press Office");
    expect(html.querySelector("link[rel=stylesheet]")?.getAttribute("href")).toMatch(/^\/newsroom\/newsroom\.[0-9a-f]{10}\.css$/);
  });

  it("the site's own release card is rendered on each list, so it may show the page it is on", async () => {
    const site = await buildFixture("card-override");
    // The release's own tag, among the page's links (the list of all tags is /ru/tags/).
    const tagUrl = site.html("/ru/2025/12/visit/").querySelectorAll('a[href^="/ru/tags/"]').map((a) => a.getAttribute("href")!).find((h) => h !== "/ru/tags/")!;
    for (const url of ["/ru/", tagUrl]) {
      const card = site.html(url).querySelector("article.site-card");
      expect(card?.getAttribute("data-on")).toBe(url);
      expect(text(card)).toBe("Визит в Туркестанскую область");
    }
  });

  it("without an override the plugin's layouts render", async () => {
    const site = await buildFixture("ordering");
    const html = site.html("/ru/2025/12/a-latest/");
    expect(html.querySelector("article.newsroom-release h1")?.textContent).toBe("Latest");
  });
});

describe("a site with a layouts folder of its own", () => {
  it("finds the plugin's layouts there, and the site's file of the same name still wins", async () => {
    const site = await buildFixture("layouts-folder", {}, (c) => c.setLayoutsDirectory("_layouts"));
    const release = site.html("/ru/2025/12/overridden/");
    expect(release.querySelector("article.site-release")?.getAttribute("data-layout")).toBe("site");
    expect(release.querySelector("html")?.getAttribute("lang")).toBe("ru");
    const list = site.html("/ru/");
    expect(list.querySelector("h1.newsroom-list__title")).not.toBeNull();
    expect(list.querySelector(".newsroom-card__title a")?.getAttribute("href")).toBe("/ru/2025/12/overridden/");
  });
});
