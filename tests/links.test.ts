// No internal link, image or asset in the built site is broken, with or without a pathPrefix.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { buildExampleToDisk, fileFor, filesIn, sharedExample, urlOf } from "./helpers/site.ts";

const ORIGIN = "https://press.example.kz";

/** Every internal URL a page points at that does not lead to a file or an id on the target page. */
function brokenLinks(site: string, prefix: string): string[] {
  const broken: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set(parse(readFileSync(file, "utf8")).querySelectorAll("[id]").map((el) => el.getAttribute("id")!));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of filesIn(site).filter((f) => f.endsWith(".html"))) {
    const pageUrl = `${prefix}${urlOf(file)}`;
    const html = parse(readFileSync(path.join(site, file), "utf8"));
    for (const el of html.querySelectorAll("a[href], link[href], img[src], script[src], source[src]")) {
      const raw = el.getAttribute("href") ?? el.getAttribute("src")!;
      if (/^(mailto|tel):/.test(raw)) continue;
      const url = new URL(raw, `${ORIGIN}${pageUrl}`);
      if (url.origin !== ORIGIN) continue;
      if (el.tagName === "LINK" && el.getAttribute("rel") === "canonical" && !url.pathname.startsWith(`${prefix}/`)) {
        broken.push(`${file}: canonical ${raw} lacks the prefix`);
        continue;
      }
      if (!url.pathname.startsWith(`${prefix}/`)) {
        broken.push(`${file}: ${raw} is outside the prefix ${prefix}/`);
        continue;
      }
      const target = fileFor(site, url.pathname.slice(prefix.length));
      if (!target) broken.push(`${file}: ${raw} leads nowhere`);
      else if (url.hash && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${file}: ${raw} names a missing id`);
    }
  }
  return broken;
}

describe("internal links", () => {
  it("every link, image, stylesheet and script of the example resolves", () => {
    const site = sharedExample();
    expect(filesIn(site).filter((f) => f.endsWith(".html")).length).toBeGreaterThan(50);
    expect(brokenLinks(site, "")).toEqual([]);
  });

  it("with a pathPrefix, every internal link carries it and resolves", () => {
    const site = buildExampleToDisk(["--pathprefix=/press/"]);
    expect(brokenLinks(site, "/press")).toEqual([]);
    const release = readFileSync(path.join(site, "ru/2025/12/turkestan-visit/index.html"), "utf8");
    expect(release).toContain('<link rel="canonical" href="https://press.example.kz/press/ru/2025/12/turkestan-visit/">');
    expect(readFileSync(path.join(site, "sitemap.xml"), "utf8")).toContain("<loc>https://press.example.kz/press/ru/2025/12/turkestan-visit/</loc>");
    expect(readFileSync(path.join(site, "ru/feed.xml"), "utf8")).toContain("https://press.example.kz/press/ru/2025/12/turkestan-visit/");
  });

  it("the checker itself catches a broken link", () => {
    // A copy: the shared folder is read-only.
    const site = mkdtempSync(path.join(os.tmpdir(), "newsroom-broken-"));
    cpSync(sharedExample(), site, { recursive: true });
    const page = path.join(site, "ru/index.html");
    const html = readFileSync(page, "utf8").replace("</main>", '<a href="/ru/no-such-page/">x</a><a href="#nowhere">y</a></main>');
    writeFileSync(page, html);
    expect(brokenLinks(site, "")).toEqual(["ru/index.html: /ru/no-such-page/ leads nowhere", "ru/index.html: #nowhere names a missing id"]);
  });
});
