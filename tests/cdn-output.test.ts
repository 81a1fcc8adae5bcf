// What the CDN gets: content-hashed assets, a _headers file, a localised 404, light pages, a search index.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { headersFile, IMMUTABLE, SHORT, topLevel } from "../plugin/render/headers.ts";
import { sharedExample, filesIn } from "./helpers/site.ts";

let site: string;
beforeAll(() => {
  site = sharedExample();
});

/** `_headers` as [pattern, Cache-Control] pairs. */
function rules(text: string): [string, string][] {
  const out: [string, string][] = [];
  let pattern = "";
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    if (!line.startsWith(" ")) pattern = line.trim();
    else {
      const [name, ...value] = line.trim().split(":");
      if (name!.toLowerCase() === "cache-control") out.push([pattern, value.join(":").trim()]);
    }
  }
  return out;
}
const matches = (pattern: string, url: string) => (pattern.endsWith("/*") ? url.startsWith(pattern.slice(0, -1)) : url === pattern);

describe("_headers", () => {
  it("caches the hashed assets for a year and the plugin's other files briefly, each by exactly one rule", () => {
    const r = rules(readFileSync(path.join(site, "_headers"), "utf8"));
    expect(r).toContainEqual(["/newsroom/*", IMMUTABLE]);
    expect(r.some(([p]) => p === "/*")).toBe(false);
    const urls = filesIn(site).filter((f) => f !== "_headers").map((f) => `/${f}`);
    for (const url of [...urls, "/"]) {
      const hits = r.filter(([p]) => matches(p, url));
      // The example's own logo, copied by the site's passthrough, is the site's to cache.
      if (url.startsWith("/img/")) {
        expect(hits, url).toHaveLength(0);
        continue;
      }
      expect(hits, url).toHaveLength(1);
      expect(hits[0]![1], url).toBe(url.startsWith("/newsroom/") ? IMMUTABLE : SHORT);
    }
  });

  it("gives a pathPrefix and a mount their own rules", () => {
    expect(headersFile([{ name: "/newsroom", dir: true }, { name: "/ru", dir: true }], "/press")).toContain("/press/newsroom/*\n  Cache-Control: public, max-age=31536000, immutable\n/press/ru/*\n");
    const mounted = topLevel(["news/newsroom/a.css", "news/ru/2025/12/x/index.html", "news/index.html", "404.html"], "/news/");
    expect(headersFile(mounted, "", "/news/")).toBe(
      headersFile([{ name: "/404.html", dir: false }, { name: "/news/", dir: false }, { name: "/news/index.html", dir: false }, { name: "/news/newsroom", dir: true }, { name: "/news/ru", dir: true }], "", "/news/"),
    );
    expect(headersFile(mounted, "", "/news/")).toContain("/news/newsroom/*\n  Cache-Control: public, max-age=31536000, immutable\n");
  });
});

describe("assets", () => {
  it("the stylesheet's name carries a hash of its content", () => {
    const css = filesIn(site).filter((f) => /^newsroom\/newsroom\.[0-9a-f]{10}\.css$/.test(f));
    expect(css).toHaveLength(1);
    const hash = createHash("sha256").update(readFileSync(path.join(site, css[0]!))).digest("hex").slice(0, 10);
    expect(css[0]).toBe(`newsroom/newsroom.${hash}.css`);
    const linked = parse(readFileSync(path.join(site, "ru/index.html"), "utf8")).querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    expect(linked).toBe(`/${css[0]}`);
  });

  it("the article page, HTML and CSS together, stays under 30 KB before compression", () => {
    const html = statSync(path.join(site, "ru/2025/12/turkestan-visit/index.html")).size;
    const css = statSync(path.join(site, filesIn(site).find((f) => f.endsWith(".css") && f.startsWith("newsroom/"))!)).size;
    expect(html + css).toBeLessThan(30 * 1024);
  });

  it("needs no script to read a release: article pages load none", () => {
    for (const file of ["ru/2025/12/turkestan-visit/index.html", "ru/index.html", "kk/people/aydar-abildabekov/index.html"]) {
      const scripts = parse(readFileSync(path.join(site, file), "utf8")).querySelectorAll("script");
      expect(scripts.every((s) => s.getAttribute("type") === "application/ld+json"), file).toBe(true);
    }
  });
});

describe("404 page", () => {
  it("is localised, points to each language's home, and asks not to be indexed", () => {
    const html = parse(readFileSync(path.join(site, "404.html"), "utf8"));
    expect(html.querySelector("html")?.getAttribute("lang")).toBe("ru");
    expect(html.querySelector("h1")?.textContent).toBe("Страница не найдена");
    expect(html.querySelectorAll(".newsroom-not-found a").map((a) => [a.getAttribute("hreflang"), a.getAttribute("href")])).toEqual([
      ["ru", "/ru/"],
      ["kk", "/kk/"],
      ["en", "/en/"],
    ]);
    expect(html.querySelector('.newsroom-not-found li[lang="kk"]')?.textContent).toContain("Бет табылмады");
    expect(html.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex");
  });
});

describe("search index", () => {
  it("Pagefind indexed the releases in Russian, Kazakh and English", () => {
    const entry = JSON.parse(readFileSync(path.join(site, "pagefind/pagefind-entry.json"), "utf8"));
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "kk", "ru"]);
    for (const lang of ["en", "kk", "ru"]) expect(entry.languages[lang].page_count).toBe(1);
  });
});
