// Every page a search engine may index describes itself, in its own language: releases by their
// lead, lists, term pages, indexes and archives by what they hold.
import { describe, expect, it } from "vitest";
import { buildExample, text } from "./helpers/build.ts";

describe("meta descriptions", () => {
  it("are on every indexable page of the example, in the page's language", async () => {
    const site = await buildExample();
    const pages = site.pages.filter((p) => p.url.endsWith("/") || p.url.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(70);
    const missing: string[] = [];
    for (const p of pages) {
      const html = site.html(p.url);
      if (html.querySelector('meta[name="robots"]')?.getAttribute("content")?.includes("noindex")) continue;
      const description = html.querySelector('meta[name="description"]')?.getAttribute("content") ?? "";
      if (description.trim() === "") missing.push(p.url);
    }
    expect(missing).toEqual([]);
    const describe = (url: string) => site.html(url).querySelector('meta[name="description"]')!.getAttribute("content")!;
    const person = site.html("/kk/people/").querySelector(".newsroom-terms a")!;
    expect(describe(person.getAttribute("href")!)).toMatch(new RegExp(`^${text(person).replace(/\s*\d+$/, "")}: \\d+ баспасөз релиз`));
    expect(describe("/ru/2025/12/")).toMatch(/^Декабрь 2025: \d+ пресс-релиз/);
    expect(describe("/en/")).toContain("all press releases, newest first");
    expect(describe("/ru/tags/")).toMatch(/^Темы — .*: указатель пресс-релизов\.$/);
  });
});
