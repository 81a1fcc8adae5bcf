// The README's installation guide, run for real: pack the plugin, install the tarball into a fresh
// Eleventy site (plain JavaScript config, default folders, a Liquid page), build it, read the output.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { text } from "./helpers/build.ts";
import { installPlugin, packPlugin, readmeBlocks } from "./helpers/package.ts";
import { parseXml } from "./helpers/xml.ts";


let site: string;
beforeAll(() => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "newsroom-install-"));
  const tarball = packPlugin(tmp);
  site = path.join(tmp, "fresh-news");
  mkdirSync(site);
  writeFileSync(path.join(site, "package.json"), JSON.stringify({ name: "fresh-news", private: true, type: "module" }, null, 2));
  installPlugin(site, tarball);
  const files = readmeBlocks("file");
  expect(Object.keys(files).sort()).toEqual(["_data/registry/people.json", "eleventy.config.js", "releases/2025-12-16-turkestan-visit.md"]);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
    writeFileSync(path.join(site, name), content);
  }
  // The site's own page, in Liquid, using the plugin's layout and collection.
  writeFileSync(path.join(site, "about.liquid"), "---\nlayout: newsroom/base.njk\ntitle: О пресс-службе\npermalink: /ru/about/\n---\n<h1>{{ title }}</h1>\n<p id=\"count\">{{ collections.releases | size }}</p>\n");
  execFileSync("npx", ["@11ty/eleventy", "--quiet"], { cwd: site, stdio: "ignore" });
}, 300_000);

const read = (file: string) => readFileSync(path.join(site, "_site", file), "utf8");

describe("a fresh site with the packed plugin", () => {
  it("installed the plugin from the tarball, compiled, with no TypeScript source", () => {
    const installed = path.join(site, "node_modules/eleventy-plugin-newsroom");
    expect(existsSync(path.join(installed, "dist/index.js"))).toBe(true);
    expect(existsSync(path.join(installed, "plugin/index.ts"))).toBe(false);
  });

  it("builds the release page with its quote and key figures", () => {
    const html = parse(read("ru/2025/12/turkestan-visit/index.html"));
    expect(text(html.querySelector("h1"))).toBe("Вице-министр посетил Туркестанскую область");
    expect(text(html.querySelector("figure.newsroom-quote cite"))).toBe("Айдар Абилдабеков");
    expect(text(html.querySelector(".newsroom-stat__figure"))).toBe("60 тыс. гектаров");
    expect(html.querySelector("time")?.getAttribute("datetime")).toBe("2025-12-16T10:00:00+05:00");
  });

  it("builds the person's term page and the tag's", () => {
    const person = parse(read("ru/people/aydar-abildabekov/index.html"));
    expect(text(person.querySelector("h1"))).toBe("Айдар Абилдабеков");
    expect(person.querySelector(".newsroom-card__title a")?.getAttribute("href")).toBe("/ru/2025/12/turkestan-visit/");
    expect(existsSync(path.join(site, "_site/ru/tags/eksport/index.html"))).toBe(true);
  });

  it("builds the feeds", () => {
    const feed = parseXml(read("ru/feed.xml")).feed;
    expect(feed.entry.map((e: any) => e.id)).toEqual(["https://press.example.kz/ru/2025/12/turkestan-visit/"]);
    expect(JSON.parse(read("ru/feed.json")).items).toHaveLength(1);
  });

  it("renders the site's own Liquid page in the plugin's layout", () => {
    const about = parse(read("ru/about/index.html"));
    expect(text(about.querySelector("#count"))).toBe("1");
    expect(about.querySelector("link[rel=stylesheet]")?.getAttribute("href")).toMatch(/^\/newsroom\/newsroom\.[0-9a-f]{10}\.css$/);
  });
});
