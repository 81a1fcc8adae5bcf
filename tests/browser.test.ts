// The example in headless Chromium: axe-core (WCAG 2.2 AA) on every page at phone and desktop widths,
// the release as a reader sees it, search in three languages, and the README's screenshots.
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";
import { launch } from "./helpers/browser.ts";
import { serve } from "./helpers/server.ts";
import { sharedExample, filesIn, urlOf } from "./helpers/site.ts";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const RELEASE = "/ru/2025/12/turkestan-visit/";
const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 900 };

let site: string;
let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  site = sharedExample();
  server = await serve(site);
});
afterAll(async () => {
  await server?.close();
});

async function axeEveryPage(viewport: { width: number; height: number }, colorScheme: "light" | "dark" = "light", only?: string[]) {
  const context = await launch(viewport, colorScheme);
  const found: string[] = [];
  try {
    const page = await context.newPage();
    const urls = only ?? filesIn(site).filter((f) => f.endsWith(".html")).map(urlOf);
    for (const url of urls) {
      await page.goto(`${server.origin}${url}`);
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      for (const v of result.violations) found.push(`${url}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    return { found, count: urls.length };
  } finally {
    await context.close();
  }
}

describe("accessibility (axe-core, WCAG 2.2 AA)", () => {
  it("no violation on any page at 375 px", async () => {
    const { found, count } = await axeEveryPage(PHONE);
    expect(count).toBeGreaterThan(50);
    expect(found).toEqual([]);
  }, 600_000);

  it("no violation on any page at 1280 px", async () => {
    const { found } = await axeEveryPage(DESKTOP);
    expect(found).toEqual([]);
  }, 600_000);

  it("no violation in dark mode on the release and the home page", async () => {
    const { found } = await axeEveryPage(DESKTOP, "dark", [RELEASE, "/ru/", "/kk/2025/12/turkistan-oblysyna-sapar/"]);
    expect(found).toEqual([]);
  }, 120_000);

  it("axe does find a violation on a broken page, so a pass means something", async () => {
    const context = await launch(DESKTOP);
    try {
      const page = await context.newPage();
      await page.setContent('<!doctype html><html><head><title>x</title></head><body><img src="x.png"><a href="/"></a></body></html>');
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(result.violations.map((v) => v.id)).toEqual(expect.arrayContaining(["image-alt", "link-name"]));
    } finally {
      await context.close();
    }
  });
});

describe("the release in a real browser", () => {
  for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]] as const) {
    it(`shows its quote and key figures without console errors (${name})`, async () => {
      const context = await launch(viewport);
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(`${m.text()} ${m.location().url}`);
        });
        page.on("response", (r) => {
          if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
        });
        page.on("pageerror", (e) => errors.push(e.message));
        page.on("requestfailed", (r) => errors.push(`${r.url()} ${r.failure()?.errorText}`));
        const response = await page.goto(`${server.origin}${RELEASE}`);
        expect(response?.status()).toBe(200);
        const quote = page.locator("figure.newsroom-quote");
        await expect.poll(() => quote.isVisible()).toBe(true);
        expect(await quote.locator("cite").innerText()).toBe("Айдар Абилдабеков");
        const figures = page.locator(".newsroom-key-figures li");
        expect(await figures.count()).toBe(4);
        for (let i = 0; i < 4; i++) expect(await figures.nth(i).isVisible()).toBe(true);
        expect(await figures.nth(0).innerText()).toContain("60\u00a0тыс. гектаров");
        // Nothing scrolls sideways on a phone: the page fits its width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        expect(errors).toEqual([]);
        await page.screenshot({ path: path.join(ROOT, `docs/screenshots/turkestan-${name}.png`), fullPage: true });
      } finally {
        await context.close();
      }
    });
  }

  it("prints without header, footer and navigation", async () => {
    const context = await launch(DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}${RELEASE}`);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator("header.newsroom-header").isVisible()).toBe(false);
      expect(await page.locator("figure.newsroom-quote").isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe("search", () => {
  it.each([
    ["ru", "Абилдабеков", RELEASE],
    ["kk", "Әбілдабеков", "/kk/2025/12/turkistan-oblysyna-sapar/"],
    ["en", "Abildabekov", "/en/2025/12/turkistan-visit/"],
  ])("finds the release in %s", async (locale, query, expected) => {
    const context = await launch(DESKTOP);
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}/${locale}/search/`);
      const input = page.locator("#newsroom-search input");
      await input.waitFor();
      await input.fill(query);
      const result = page.locator(`#newsroom-search a[href^="${expected}"]`).first();
      await result.waitFor({ timeout: 15_000 });
      expect(await result.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe("the search page", () => {
  it("labels its input, defers its scripts, and passes axe with results shown, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await launch(DESKTOP, colorScheme);
      try {
        const page = await context.newPage();
        await page.goto(`${server.origin}/ru/search/`);
        const input = page.locator("#newsroom-search input");
        await input.waitFor();
        // A real <label> names the input: the accessible name is the label's text, not a title.
        expect(await page.locator('label[for="newsroom-search-input"]').count()).toBe(1);
        expect(await input.getAttribute("id")).toBe("newsroom-search-input");
        expect(await page.locator("script[src*='pagefind-ui.js']").getAttribute("defer")).not.toBeNull();
        await input.fill("Абилдабеков");
        await page.locator(`#newsroom-search a[href^="${RELEASE}"]`).first().waitFor({ timeout: 15_000 });
        const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        expect(result.violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe("breadcrumbs on a phone", () => {
  it("fit the screen, and no line starts with a separator", async () => {
    const context = await launch(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(`${server.origin}${RELEASE}`);
      const crumbs = await page.locator(".newsroom-breadcrumbs li").evaluateAll((items) =>
        items.map((li) => ({ before: getComputedStyle(li, "::before").content, right: li.getBoundingClientRect().right, top: li.getBoundingClientRect().top })),
      );
      expect(crumbs.length).toBe(4);
      expect(crumbs.every((c) => c.before === "none" || c.before === "normal")).toBe(true);
      expect(Math.max(...crumbs.map((c) => c.right))).toBeLessThanOrEqual(375);
      // The headline's crumb is on a line of its own, below the others.
      expect(crumbs[3]!.top).toBeGreaterThan(crumbs[0]!.top);
    } finally {
      await context.close();
    }
  });
});

describe("fonts as a reader downloads them", () => {
  /** The woff2 files a page fetches, with their sizes. */
  async function fontsOf(url: string): Promise<{ name: string; bytes: number }[]> {
    const context = await launch(DESKTOP);
    try {
      const page = await context.newPage();
      const fonts: Promise<{ name: string; bytes: number }>[] = [];
      page.on("response", (r) => {
        if (r.url().endsWith(".woff2")) fonts.push(r.body().then((b) => ({ name: r.url().split("/").pop()!, bytes: b.length })));
      });
      await page.goto(`${server.origin}${url}`);
      await page.evaluate(() => document.fonts.ready);
      return await Promise.all(fonts);
    } finally {
      await context.close();
    }
  }

  it("each release fetches under 120 KB of fonts; the Kazakh one fetches the Central Asian letters too", async () => {
    for (const url of [RELEASE, "/kk/2025/12/turkistan-oblysyna-sapar/", "/en/2025/12/turkistan-visit/"]) {
      const fonts = await fontsOf(url);
      expect(fonts.length, url).toBeGreaterThan(0);
      expect(fonts.reduce((sum, f) => sum + f.bytes, 0), url).toBeLessThan(120 * 1024);
      if (url.startsWith("/kk/")) expect(fonts.some((f) => f.name.startsWith("noto-serif-cyrillic-central-asian-400-normal."))).toBe(true);
    }
  });
});
