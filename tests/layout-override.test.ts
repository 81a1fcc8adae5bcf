// A site overrides a shipped layout or partial by putting a file of the same name in its _includes.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { BASE_OPTIONS, buildFixture, fixture, freshBuild, text } from "./helpers/build.ts";

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

describe("a partial of the site's own", () => {
  // The plugin's layouts carry their partials written in; the site's file of the same name must
  // still win, also one added while `npm start` serves the site, where Eleventy builds again in the
  // same process (restart, init, write) without reading the plugin's options again.
  it("wins over the plugin's copy, also when added between two builds of one Eleventy", async () => {
    const site = path.join(mkdtempSync(path.join(os.tmpdir(), "newsroom-partials-")), "site");
    cpSync(fixture("ordering"), site, { recursive: true });
    const elev = new Eleventy(site, path.join(site, "_site"), {
      quietMode: true,
      configPath: false as unknown as string,
      config: (c: any) => (freshBuild(c), c.addPlugin(newsroom, BASE_OPTIONS)),
    } as Record<string, unknown>);
    elev.disableLogger();
    const page = async (url: string) => parse(((await elev.toJSON()) as { url: string; content: string }[]).find((p) => p.url === url)!.content);

    let html = await page("/ru/2025/12/a-latest/");
    expect(html.querySelector("footer.newsroom-footer")).not.toBeNull();
    expect(html.querySelector("a.newsroom-header__brand")).not.toBeNull();

    // A partial the base layout includes, and one the header partial includes in turn.
    mkdirSync(path.join(site, "_includes/newsroom/partials"), { recursive: true });
    writeFileSync(path.join(site, "_includes/newsroom/partials/footer.njk"), '<footer class="site-footer">{{ newsroomSite.siteName }}</footer>\n');
    writeFileSync(path.join(site, "_includes/newsroom/partials/brand.njk"), '<a class="site-brand" href="/">{{ newsroomSite.siteName }}</a>\n');
    const serving = elev as unknown as { restart(): Promise<void>; init(): Promise<void> };
    await serving.restart();
    await serving.init();
    html = await page("/ru/2025/12/a-latest/");
    expect(html.querySelector("footer.newsroom-footer")?.outerHTML ?? null).toBeNull();
    expect(text(html.querySelector("footer.site-footer"))).toBe("Test Press Office");
    expect(html.querySelector("a.newsroom-header__brand")?.outerHTML ?? null).toBeNull();
    expect(text(html.querySelector("header.newsroom-header a.site-brand"))).toBe("Test Press Office");
    // The rest of the page is still the plugin's.
    expect(html.querySelector("article.newsroom-release h1")?.textContent).toBe("Latest");
    expect(html.querySelector("nav.newsroom-sections")).not.toBeNull();
  });
});
