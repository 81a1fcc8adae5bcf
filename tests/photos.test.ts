// Release photos through eleventy-img: a <picture> of AVIF, WebP and JPEG at several widths with
// their size, and the NewsArticle's image in the three shapes Google asks for, each file on disk.
import { existsSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import sharp from "sharp";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedExample } from "./helpers/site.ts";

const page = (site: string, url: string) => parse(readFileSync(path.join(site, url, "index.html"), "utf8"));

describe("release photos", () => {
  it("are a picture in three formats and three widths, with width, height, sizes and a credit", () => {
    const site = sharedExample();
    const html = page(site, "en/2025/12/turkistan-visit/");
    const picture = html.querySelector("figure.newsroom-image picture")!;
    expect(picture.querySelectorAll("source").map((s) => s.getAttribute("type"))).toEqual(["image/avif", "image/webp"]);
    const img = picture.querySelector("img")!;
    expect(img.getAttribute("alt")).toMatch(/^A drawn map of Turkistan Region/);
    expect([img.getAttribute("width"), img.getAttribute("height")]).toEqual(["1200", "750"]);
    expect(img.getAttribute("sizes")).toBeTruthy();
    const candidates = [...picture.querySelectorAll("source"), img].flatMap((el) => el.getAttribute("srcset")!.split(", ").map((c) => c.split(" ")));
    expect(candidates.map(([, w]) => w).sort()).toEqual(["1200w", "1200w", "1200w", "480w", "480w", "480w", "800w", "800w", "800w"]);
    for (const [url] of candidates) expect(existsSync(path.join(site, url!)), url).toBe(true);
    expect(html.querySelector("figure.newsroom-image figcaption .newsroom-image__credit")?.textContent).toContain("drawn for this example site");
  });

  it("give the NewsArticle its image at 16×9, 4×3 and 1×1, each 1200 pixels wide", async () => {
    const site = sharedExample();
    const graph = JSON.parse(page(site, "en/2025/12/turkistan-visit/").querySelector('script[type="application/ld+json"]')!.textContent)["@graph"][0];
    // The photo's three crops, then the release's share card.
    expect(graph.image.map((i: any) => [i.width, i.height])).toEqual([[1200, 675], [1200, 900], [1200, 1200], [1200, 630]]);
    for (const image of graph.image.slice(0, 3)) {
      const file = path.join(site, new URL(image.url).pathname);
      const meta = await sharp(file).metadata();
      expect([meta.width, meta.height, meta.format]).toEqual([image.width, image.height, "jpeg"]);
    }
  });
});
