// Bare Eleventy for the benchmark: a minimal article layout, one page per tag, and shortcodes that do
// the least the same content needs to render.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The shortcodes as source, so that a config file can carry them too (bench/rebuild.ts). */
export const BARE_SHORTCODES = `
  eleventyConfig.addShortcode("stat", (value, unit, label = "") => \`<span>\${value} \${unit.split("|").at(-1)} \${label}</span>\`);
  eleventyConfig.addPairedShortcode("keyFigures", (body) => \`<section>\${body}</section>\`);
  eleventyConfig.addPairedShortcode("quote", (body, who) => \`<blockquote>\${body}<cite>\${who}</cite></blockquote>\`);
`;

export function bareConfig(eleventyConfig: unknown): void {
  new Function("eleventyConfig", BARE_SHORTCODES)(eleventyConfig);
  // Bare Eleventy uses none of the registries the newsroom reads; loaded, Eleventy would copy their
  // 900 entries into every page's data, and the comparison would charge bare for the newsroom's data.
  (eleventyConfig as { setDataDirectory(dir: string): void }).setDataDirectory("_bare-data");
}

export function writeBareTemplates(site: string): void {
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

/** The newsroom's options in the benchmark: every feature on, a fixed clock. */
export const NEWSROOM_OPTIONS = {
  siteName: "Бенчмарк",
  siteUrl: "https://bench.example.kz",
  timeZone: "Asia/Almaty",
  now: "2026-01-01T00:00:00+05:00",
};
