// The search index in two bundles: the newest year's releases, and an archive of earlier years that
// the search page merges in. Publishing into the newest year leaves the archive as it was, not made
// again; an edit of an archived release makes it again; either way the output equals a clean build.
// And a reader searching in Chromium finds releases of both bundles.
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "./helpers/browser.ts";
import { build, differences, edit, makeSite } from "./helpers/cache-site.ts";
import { serve } from "./helpers/server.ts";
import { searchDocument } from "../plugin/render/search-document.ts";

/** The fixture with search on, and its two oldest releases moved into 2024. */
function twoYearSite(): string {
  const site = makeSite();
  edit(site, "eleventy.config.mjs", (t) => t.replace("search: false", "search: true"));
  edit(site, "releases/r1.md", (t) => t.replace("date: 2025-01-10T10:00", "date: 2024-11-10T10:00").replace("Текст пресс-релиза 1", "Текст пресс-релиза 1 о хлопководстве"));
  edit(site, "releases/r2.md", (t) => t.replace("date: 2025-01-15T11:00", "date: 2024-12-15T11:00"));
  edit(site, "releases/r3.md", (t) => t.replace(/\n---\n/, "\n---\nОтчёт о хлопководстве в новом году.\n\n"));
  return site;
}

const entry = (dir: string) => JSON.parse(readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
const count = (dir: string) => Object.values(entry(dir).languages).reduce((n, l) => n + l.page_count, 0);

describe("what Pagefind is given of a page", () => {
  it("is the marked element whole, nested tags, comments and scripts counted as a parser counts them, and nothing after it", () => {
    const page = `<html lang="ru"><head><script>var a = "<article>";</script></head><body><nav>меню</nav><article class="x" data-pagefind-body><h1>Заголовок</h1><!-- </article> --><p>текст</p><article class="inner">врезка</article><script>"</article>"</script><p>конец</p></article><article class="card">соседний релиз</article></body></html>`;
    const doc = parse(searchDocument(page));
    expect(doc.querySelector("html")?.getAttribute("lang")).toBe("ru");
    const body = doc.querySelector("[data-pagefind-body]")!;
    expect(body.querySelector("h1")?.textContent).toBe("Заголовок");
    expect(body.textContent).toContain("конец");
    expect(doc.textContent).not.toContain("соседний релиз");
    expect(doc.textContent).not.toContain("меню");
  });

  it("is the whole page when no element is marked", () => {
    const page = `<html lang="en"><body><main>All of it</main></body></html>`;
    expect(searchDocument(page)).toBe(page);
  });
});

describe("the search index of earlier years", () => {
  it("is a bundle of its own, merged in by the search page", () => {
    const site = twoYearSite();
    build(site);
    const out = path.join(site, "_site");
    expect(count(path.join(out, "pagefind/archive"))).toBe(2);
    // Eight Russian releases and two Kazakh translations, less the two of 2024.
    expect(count(path.join(out, "pagefind"))).toBe(8);
    for (const locale of ["ru", "kk"]) {
      const box = parse(readFileSync(path.join(out, locale, "search/index.html"), "utf8")).querySelector("#newsroom-search");
      expect(box?.getAttribute("data-archive")).toBe("/pagefind/archive/");
    }
    expect(differences(site)).toEqual([]);
  });

  it("is kept as it was when a release is published into the newest year, and made again when an archived one changes", () => {
    const site = twoYearSite();
    build(site);
    const archived = path.join(site, "_site/pagefind/archive/pagefind-entry.json");
    const before = statSync(archived).mtimeMs;
    // r3's previous release is r2 (2024): r2's page changes, what Pagefind reads of it does not.
    edit(site, "releases/r3.md", (t) => t.replace("title: Визит в СЭЗ Turan", "title: Итоговый визит в СЭЗ Turan"));
    build(site);
    expect(statSync(archived).mtimeMs).toBe(before);
    expect(differences(site)).toEqual([]);

    edit(site, "releases/r2.md", (t) => t.replace(/\n---\n/, "\n---\nНовый абзац архивного релиза.\n\n"));
    build(site);
    expect(statSync(archived).mtimeMs).not.toBe(before);
    expect(differences(site)).toEqual([]);
  });

  it("is reused from the cache into an empty output folder, byte for byte", () => {
    const site = twoYearSite();
    build(site);
    edit(site, "releases/r5.md", (t) => t.replace(/\n---\n/, "\n---\nЕщё один абзац.\n\n"));
    rmSync(path.join(site, "_site"), { recursive: true, force: true });
    build(site);
    expect(differences(site)).toEqual([]);
  });
});

describe("searching across both bundles in Chromium", () => {
  let site: string;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(() => {
    site = twoYearSite();
    build(site);
  });
  beforeAll(async () => {
    server = await serve(path.join(site, "_site"));
  });
  afterAll(async () => {
    await server?.close();
  });

  it("finds a release of 2024 and one of 2025 for the same word", async () => {
    const context = await launch({ width: 1280, height: 900 });
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/ru/search/`);
      const input = page.locator("#newsroom-search input");
      await input.waitFor();
      await input.fill("хлопководстве");
      for (const url of ["/ru/2024/11/r1/", "/ru/2025/01/r3/"]) await page.locator(`#newsroom-search a[href^="${url}"]`).first().waitFor({ timeout: 15_000 });
      expect(await page.locator("#newsroom-search .pagefind-ui__result").count()).toBe(2);
    } finally {
      await context.close();
    }
  });
});
