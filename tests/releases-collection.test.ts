// The `releases` collection and the list pages: newest first by instant, stable, drafts left out, 20 a page.
import { describe, expect, it } from "vitest";
import { buildFixture, text, virtualReleases } from "./helpers/build.ts";

const listTitles = (site: Awaited<ReturnType<typeof buildFixture>>, url: string) =>
  site.html(url).querySelectorAll(".newsroom-card__title").map(text);

describe("releases collection", () => {
  it("orders by instant, not by file name, and equal instants by path, and leaves drafts out of a build", async () => {
    let collected: string[] = [];
    const site = await buildFixture("ordering", {}, (c) => {
      c.addCollection("probe", (api: any) => {
        collected = api.getAll().map((i: any) => i.data.title);
        return [];
      });
    });
    const expected = ["Latest", "Earlier the same day", "Twin one", "Twin two"];
    expect(listTitles(site, "/ru/")).toEqual(expected);
    expect(listTitles(site, "/")).toEqual(expected);
    expect(site.pages.some((p) => p.inputPath.includes("c-draft"))).toBe(false);
    expect(collected).not.toContain("Not ready");
  });

  it("builds drafts when the drafts option says so (as under --serve)", async () => {
    const site = await buildFixture("ordering", { drafts: true });
    expect(listTitles(site, "/ru/")[0]).toBe("Not ready");
    expect(site.page("/ru/2025/12/c-draft/").content).toContain("Not ready");
  });
});

const releases = (n: number) => virtualReleases(n);

describe("list pages", () => {
  it.each([
    [0, [0]],
    [1, [1]],
    [20, [20]],
    [21, [20, 1]],
    [41, [20, 20, 1]],
  ])("%d releases make pages of %j", async (n, sizes) => {
    const site = await buildFixture("pagination", {}, releases(n));
    sizes.forEach((size, i) => {
      const url = i === 0 ? "/ru/" : `/ru/page/${i + 1}/`;
      expect(listTitles(site, url)).toHaveLength(size);
    });
    expect(site.pages.some((p) => p.url === `/ru/page/${sizes.length + 1}/`)).toBe(false);
    if (n === 0) expect(text(site.html("/ru/").querySelector("main"))).toContain("Пресс-релизов пока нет.");
    if (sizes.length > 1) {
      const nav = site.html("/ru/page/2/").querySelector("nav.newsroom-pagination")!;
      expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe("2");
      expect(nav.querySelector('a[rel="prev"]')?.getAttribute("href")).toBe("/ru/");
      expect(text(nav.querySelector(".newsroom-pagination__status"))).toBe(`Страница 2 из ${sizes.length}`);
      // The front page shows the newest page only and sends readers on to the rest.
      expect(site.html("/").querySelector(".newsroom-pagination__more a")?.getAttribute("href")).toBe("/ru/page/2/");
    }
  });

  it("stop after listPages pages; the last links to the month archive of the next older release", async () => {
    // 50 releases, 20 a page, 2 pages: the list shows the newest 40.
    const site = await buildFixture("pagination", { listPages: 2 }, releases(50));
    expect(listTitles(site, "/ru/")).toHaveLength(20);
    expect(listTitles(site, "/ru/page/2/")).toHaveLength(20);
    expect(site.pages.some((p) => p.url === "/ru/page/3/")).toBe(false);
    const more = site.html("/ru/page/2/").querySelector(".newsroom-pagination__more a")!;
    // Release 10 (the newest not listed) is of 2025-01-11: its month's archive holds it.
    expect(more.getAttribute("href")).toBe("/ru/2025/01/");
    expect(text(more)).toBe("Более ранние пресс-релизы — в архиве: Январь 2025");
    expect(listTitles(site, "/ru/2025/01/")).toContain("Release 10");
    // With every release listed, no such link.
    const all = await buildFixture("pagination", {}, releases(50));
    expect(all.html("/ru/page/3/").querySelector(".newsroom-pagination__more")).toBeNull();
    // A list of one page: the front page has no second page to send readers on to.
    const one = await buildFixture("pagination", { listPages: 1 }, releases(50));
    expect(one.pages.some((p) => p.url === "/ru/page/2/")).toBe(false);
    expect(one.html("/").querySelector('.newsroom-pagination__more a[href="/ru/page/2/"]')).toBeNull();
    expect(listTitles(one, "/")).toEqual(listTitles(one, "/ru/"));
    // By default, ten pages.
    const ten = await buildFixture("pagination", { perPage: 2 }, releases(30));
    expect(listTitles(ten, "/ru/page/10/")).toHaveLength(2);
    expect(ten.pages.some((p) => p.url === "/ru/page/11/")).toBe(false);
  });

  it("give a year one page, its months and newest releases, and each month its pages", async () => {
    // 50 releases of 2025: 27 in January, 23 in February, 20 a page.
    const site = await buildFixture("pagination", {}, releases(50));
    const year = site.html("/ru/2025/");
    expect(year.querySelectorAll(".newsroom-months li").map(text)).toEqual(["Февраль (23 пресс-релиза)", "Январь (27 пресс-релизов)"]);
    expect(listTitles(site, "/ru/2025/")).toEqual(listTitles(site, "/ru/"));
    expect(listTitles(site, "/ru/2025/")[0]).toBe("Release 50");
    expect(year.querySelector("nav.newsroom-pagination")).toBeNull();
    expect(site.pages.some((p) => p.url.startsWith("/ru/2025/page/"))).toBe(false);
    // Every release is on its month's pages.
    const months = ["/ru/2025/02/", "/ru/2025/02/page/2/", "/ru/2025/01/", "/ru/2025/01/page/2/"].flatMap((url) => listTitles(site, url));
    expect(new Set(months).size).toBe(50);
  });

  it("link the first and last pages and two either side of this one, with a gap for the rest", async () => {
    // 30 releases, 2 a page: 15 pages.
    const site = await buildFixture("pagination", { perPage: 2, listPages: 20 }, releases(30));
    const links = (url: string) =>
      site
        .html(url)
        .querySelectorAll("nav.newsroom-pagination .newsroom-pagination__list li")
        .map((li) => {
          const a = li.querySelector("a");
          if (!a) return li.getAttribute("aria-hidden") === "true" ? "…" : "?";
          if (a.getAttribute("rel")) return a.getAttribute("rel")!;
          return a.getAttribute("aria-current") === "page" ? `[${text(a)}]` : `${text(a)} ${a.getAttribute("href")}`;
        });
    expect(links("/ru/page/8/")).toEqual(["prev", "1 /ru/", "…", "6 /ru/page/6/", "7 /ru/page/7/", "[8]", "9 /ru/page/9/", "10 /ru/page/10/", "…", "15 /ru/page/15/", "next"]);
    // Near an end, no gap stands for a single page: that page is linked.
    expect(links("/ru/page/4/")).toEqual(["prev", "1 /ru/", "2 /ru/page/2/", "3 /ru/page/3/", "[4]", "5 /ru/page/5/", "6 /ru/page/6/", "…", "15 /ru/page/15/", "next"]);
    expect(links("/ru/")).toEqual(["[1]", "2 /ru/page/2/", "3 /ru/page/3/", "…", "15 /ru/page/15/", "next"]);
    expect(text(site.html("/ru/page/8/").querySelector(".newsroom-pagination__status"))).toBe("Страница 8 из 15");
  });

  it("newest first across pages", async () => {
    const site = await buildFixture("pagination", {}, releases(21));
    const all = [...listTitles(site, "/ru/"), ...listTitles(site, "/ru/page/2/")];
    const dates = site.html("/ru/").querySelectorAll(".newsroom-card time").map((t) => Date.parse(t.getAttribute("datetime")!));
    expect(all).toHaveLength(21);
    expect(new Set(all).size).toBe(21);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });
});
