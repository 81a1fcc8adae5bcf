// One measured build in a process of its own: `node --import tsx bench/build-one.ts <newsroom|bare> <site> <out>`.
// Prints one JSON line: seconds, pages written, peak RSS.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import newsroom from "eleventy-plugin-newsroom";

const [mode, site, out] = process.argv.slice(2) as [string, string, string];

function bareConfig(eleventyConfig: any) {
  // Bare Eleventy: a minimal article layout, one page per tag, and shortcodes that do the least the
  // same content needs to render.
  eleventyConfig.addShortcode("stat", (value: number, unit: string, label = "") => `<span>${value} ${unit.split("|").at(-1)} ${label}</span>`);
  eleventyConfig.addPairedShortcode("keyFigures", (body: string) => `<section>${body}</section>`);
  eleventyConfig.addPairedShortcode("quote", (body: string, who: string) => `<blockquote>${body}<cite>${who}</cite></blockquote>`);
}

function writeBareTemplates() {
  mkdirSync(path.join(site, "_includes"), { recursive: true });
  writeFileSync(
    path.join(site, "_includes/article.njk"),
    '<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><h1>{{ title }}</h1><p>{{ lead }}</p>{{ content | safe }}</body></html>\n',
  );
  writeFileSync(path.join(site, "releases/releases.11tydata.json"), JSON.stringify({ layout: "article.njk" }));
  writeFileSync(
    path.join(site, "tags.njk"),
    '---\npagination: { data: collections, size: 1, alias: tag, filter: [all] }\npermalink: "/tags/{{ tag | slugify }}/"\n---\n<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>{{ tag }}</title></head><body><h1>{{ tag }}</h1><ul>{% for item in collections[tag] %}<li><a href="{{ item.url }}">{{ item.data.title }}</a></li>{% endfor %}</ul></body></html>\n',
  );
}

if (mode === "bare") writeBareTemplates();
const elev = new Eleventy(site, out, {
  quietMode: true,
  configPath: false as unknown as string,
  config(eleventyConfig: any) {
    if (mode === "bare") bareConfig(eleventyConfig);
    else
      eleventyConfig.addPlugin(newsroom, {
        siteName: "Бенчмарк",
        siteUrl: "https://bench.example.kz",
        timeZone: "Asia/Almaty",
        now: "2026-01-01T00:00:00+05:00",
        // `--no-search` in run.ts: the Eleventy build alone, without Pagefind's pass after it.
        search: process.env.NEWSROOM_BENCH_SEARCH !== "0",
      });
  },
});
elev.disableLogger();
const t0 = performance.now();
const [, templates] = (await elev.write()) as [unknown, unknown[]];
const seconds = (performance.now() - t0) / 1000;
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ mode, seconds: Number(seconds.toFixed(2)), pages: templates.length, maxRssMB })}\n`);
