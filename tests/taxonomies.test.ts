// People, organisations, places and tags as pages of their own; archives; links on each article.
import { beforeAll, describe, expect, it } from "vitest";
import { buildError, buildFixture, text, virtualReleases, type Built } from "./helpers/build.ts";

let site: Built;
let collections: Record<string, any> = {};
beforeAll(async () => {
  site = await buildFixture("taxonomy", {}, (c) => {
    // Read the plugin's lists the way a site's template would (after the releases collection).
    c.addCollection("probe", (api: any) => {
      collections = {};
      return [];
    });
    c.addTemplate("probe.11ty.js", {
      data: { permalink: "/probe.json", eleventyExcludeFromCollections: true, eleventyImport: { collections: ["releases"] } },
      render(data: any) {
        const titles = (items: any[]) => items.map((i) => i.data.release.title);
        const map = (o: Record<string, any[]>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, titles(v)]));
        return JSON.stringify({
          byTag: map(data.newsroom.releasesBy.tags),
          byPerson: map(data.newsroom.releasesBy.people),
          byOrganisation: map(data.newsroom.releasesBy.organisations),
          byPlace: map(data.newsroom.releasesBy.places),
          byYear: map(data.newsroom.releasesBy.years),
        });
      },
    });
  });
  collections = JSON.parse(site.page("/probe.json").content);
});

const titles = (url: string) => site.html(url).querySelectorAll(".newsroom-card__title").map(text);

describe("term pages", () => {
  it("show the entity's details and its releases newest first, with a count", () => {
    const html = site.html("/ru/people/ivan-ivanov/");
    expect(text(html.querySelector("h1"))).toBe("Иван Иванов");
    expect(text(html.querySelector(".newsroom-term__role"))).toBe("министр");
    expect(html.querySelector(".newsroom-term__website a")?.getAttribute("href")).toBe("https://gov.example.kz/ivanov");
    expect(text(html.querySelector(".newsroom-term__count"))).toBe("3 пресс-релиза");
    expect(titles("/ru/people/ivan-ivanov/")).toEqual(["Release four", "Release two", "Release one"]);
  });

  it("exist for tags, organisations and places, with kinds in the page's language", () => {
    expect(titles("/ru/tags/eksport/")).toEqual(["Release four", "Release two", "Release one", "Release five"]);
    expect(text(site.html("/ru/tags/eksport/").querySelector(".newsroom-term__count"))).toBe("4 пресс-релиза");
    expect(titles("/ru/tags/investitsii/")).toEqual(["Release four", "Release three", "Release two"]);
    expect(text(site.html("/ru/organisations/sez-turan/").querySelector(".newsroom-term__kind"))).toBe("специальная экономическая зона");
    expect(titles("/ru/organisations/ministerstvo-torgovli/")).toEqual(["Release two", "Release one"]);
  });

  it("a region lists its districts' releases too; districts link up, the region links down", () => {
    expect(titles("/ru/places/turkestanskaya-oblast/")).toEqual(["Release four", "Release three", "Release two", "Release one"]);
    expect(titles("/ru/places/otyrarskiy-rayon/")).toEqual(["Release four", "Release one"]);
    const district = site.html("/ru/places/otyrarskiy-rayon/");
    expect(district.querySelector(".newsroom-term__parent a")?.getAttribute("href")).toBe("/ru/places/turkestanskaya-oblast/");
    const region = site.html("/ru/places/turkestanskaya-oblast/");
    expect(region.querySelectorAll(".newsroom-term__children a").map(text)).toEqual(["Арысский район", "Отырарский район"]);
    // A place with no releases, here or below it, gets no page.
    expect(site.pages.some((p) => p.url === "/ru/places/turkestan/")).toBe(false);
  });

  it("index pages list every term with its count; places as a tree", () => {
    const people = site.html("/ru/people/").querySelectorAll(".newsroom-terms > li").map(text);
    expect(people).toEqual(["Анна Сидорова (1 пресс-релиз)", "Иван Иванов (3 пресс-релиза)"]);
    const tags = site.html("/ru/tags/").querySelectorAll(".newsroom-terms > li").map(text);
    expect(tags).toEqual(["инвестиции (3 пресс-релиза)", "экспорт (4 пресс-релиза)"]);
    const places = site.html("/ru/places/");
    const region = places.querySelector(".newsroom-terms > li")!;
    expect(region.querySelector("a")?.textContent).toBe("Туркестанская область");
    expect(region.querySelectorAll("ul li a").map(text)).toEqual(["Арысский район", "Отырарский район"]);
  });
});

describe("archives", () => {
  it("by year and by month, with month names in Russian, in the site's zone", () => {
    expect(titles("/ru/2025/")).toEqual(["Release four", "Release three", "Release two", "Release one", "Release five"]);
    const months = site.html("/ru/2025/").querySelectorAll(".newsroom-months li").map(text);
    expect(months).toEqual(["Март (2 пресс-релиза)", "Февраль (1 пресс-релиз)", "Январь (2 пресс-релиза)"]);
    expect(text(site.html("/ru/2025/01/").querySelector("h1"))).toBe("Январь 2025");
    // 2025-01-01T02:00 in Almaty is still 2024 in UTC: no 2024 archive.
    expect(titles("/ru/2025/01/")).toEqual(["Release one", "Release five"]);
    expect(site.pages.some((p) => p.url.startsWith("/ru/2024/"))).toBe(false);
  });
});

describe("on each article", () => {
  it("links to its people, organisations, places and tags", () => {
    const html = site.html("/ru/2025/02/r2/");
    const links = (kind: string) => html.querySelectorAll(`.newsroom-terms-block--${kind} a`).map((a) => [text(a), a.getAttribute("href")]);
    expect(links("people")).toEqual([["Иван Иванов", "/ru/people/ivan-ivanov/"]]);
    expect(links("organisations")).toEqual([["Министерство торговли", "/ru/organisations/ministerstvo-torgovli/"], ["СЭЗ «Turan»", "/ru/organisations/sez-turan/"]]);
    expect(links("places")).toEqual([["Арысский район", "/ru/places/arysskiy-rayon/"]]);
    expect(links("tags")).toEqual([["экспорт", "/ru/tags/eksport/"], ["инвестиции", "/ru/tags/investitsii/"]]);
    for (const [, href] of [...links("people"), ...links("organisations"), ...links("places"), ...links("tags")]) {
      expect(site.pages.some((p) => p.url === href)).toBe(true);
    }
  });

  it("has breadcrumbs through its year and month", () => {
    const crumbs = site.html("/ru/2025/02/r2/").querySelectorAll(".newsroom-breadcrumbs li");
    expect(crumbs.map(text)).toEqual(["Главная", "2025", "Февраль", "Release two"]);
    expect(crumbs.map((c) => c.querySelector("a")?.getAttribute("href") ?? null)).toEqual(["/ru/", "/ru/2025/", "/ru/2025/02/", null]);
  });

  it("links the previous (older) and next (newer) release", () => {
    const nav = site.html("/ru/2025/02/r2/").querySelector(".newsroom-prevnext")!;
    expect(nav.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/ru/2025/01/r1/");
    expect(nav.querySelector('a[rel="next"]')?.getAttribute("href")).toBe("/ru/2025/03/r3/");
    const newest = site.html("/ru/2025/03/r4/").querySelector(".newsroom-prevnext")!;
    expect(newest.querySelector('a[rel="next"]')).toBeNull();
  });

  it("write a list the same whether its cards are rendered or remembered from an earlier list", () => {
    // The year and the language's list show the same five releases; whichever renders second finds
    // every card remembered and writes the list in one piece.
    const list = (url: string) => /<ul class="newsroom-list">[\s\S]*?<\/ul>/.exec(site.page(url).content)![0];
    expect(list("/ru/2025/")).toBe(list("/ru/"));
    expect(list("/ru/").match(/<li class="newsroom-list__item">\s*<article /g)).toHaveLength(5);
  });

  it("ranks up to three related releases by shared entities and tags, ties to the nearer in time", () => {
    // r4 shares 4 (person, organisation, two tags), r1 shares 3, r3 and r5 share 1 each: r3 is 28
    // days from r2, r5 40.
    expect(site.html("/ru/2025/02/r2/").querySelectorAll(".newsroom-related .newsroom-card__title").map(text)).toEqual([
      "Release four",
      "Release one",
      "Release three",
    ]);
  });
});

describe("collections for templates", () => {
  it("are keyed by term, newest first, with places including the places inside them", () => {
    expect(collections.byPerson["p-ivanov"]).toEqual(["Release four", "Release two", "Release one"]);
    expect(collections.byOrganisation.sez).toEqual(["Release four", "Release two"]);
    expect(collections.byPlace["turkestan-region"]).toEqual(["Release four", "Release three", "Release two", "Release one"]);
    expect(collections.byTag["экспорт"]).toEqual(["Release four", "Release two", "Release one", "Release five"]);
    expect(collections.byYear["2025"]).toHaveLength(5);
  });
});

describe("problems stop the build", () => {
  it("an unknown key names the file, the field and the nearest known keys", async () => {
    const message = await buildError("taxonomy-typo");
    expect(message).toContain('taxonomy-typo/releases/typo.md: "people" names "p-ivanv", which is not in the people registry: did you mean "p-ivanov"?');
    expect(message).toContain('taxonomy-typo/releases/typo.md: "places" names "otrar", which is not in the places registry: did you mean "otyrar"?');
  });

  it("two terms that would share a URL are named together", async () => {
    const message = await buildError("taxonomy-clash");
    expect(message).toMatch(/tag "(Экспорт|экспорт)" \(.*taxonomy-clash\/releases\/(one|two)\.md\) and tag "(Экспорт|экспорт)" \(.*\) would share the URL \/ru\/tags\/eksport\//);
  });

  it("a registry entry without a name, or a place whose parent is unknown", async () => {
    const message = await buildError("taxonomy-bad-registry");
    expect(message).toMatch(/registry\/people\.json: "nameless\.name" is missing or not valid: give the name readers see/);
    expect(message).toMatch(/registry\/places\.json: "bad\.parent" is "turkestan-regon", which is not a place: did you mean "turkestan-region"\?/);
  });
});

describe("term pages paginate 20 a page", () => {
  const tagged = (n: number) => virtualReleases(n, "t", { tags: ["пагинация"] });
  it.each([
    [0, []],
    [1, [1]],
    [20, [20]],
    [21, [20, 1]],
    [41, [20, 20, 1]],
  ])("%d releases", async (n, sizes) => {
    const built = await buildFixture("pagination", {}, tagged(n));
    const pageUrls = built.pages.map((p) => p.url).filter((u) => u.startsWith("/ru/tags/paginatsiya/") && u.endsWith("/"));
    expect(pageUrls.sort()).toEqual(sizes.map((_, i) => (i === 0 ? "/ru/tags/paginatsiya/" : `/ru/tags/paginatsiya/page/${i + 1}/`)).sort());
    sizes.forEach((size, i) => {
      const url = i === 0 ? "/ru/tags/paginatsiya/" : `/ru/tags/paginatsiya/page/${i + 1}/`;
      const html = built.html(url);
      expect(html.querySelectorAll(".newsroom-card")).toHaveLength(size);
      if (sizes.length > 1) {
        expect(html.querySelectorAll(".newsroom-pagination__list a:not([rel])").map(text)).toEqual(sizes.map((_, j) => String(j + 1)));
        expect(html.querySelector('.newsroom-pagination [aria-current="page"]')?.textContent).toBe(String(i + 1));
      }
    });
    const index = built.html("/ru/tags/");
    expect(index.querySelectorAll(".newsroom-terms > li").map(text)).toEqual(n === 0 ? [] : [`пагинация (${n} ${n === 1 || n === 21 || n === 41 ? "пресс-релиз" : "пресс-релизов"})`]);
  });
});

describe("determinism", () => {
  it("two builds of the same input give identical pages", async () => {
    const a = await buildFixture("taxonomy");
    const b = await buildFixture("taxonomy");
    const dump = (s: Built) => s.pages.map((p) => [p.url, p.content]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1));
    expect(dump(a)).toEqual(dump(b));
  });
});
