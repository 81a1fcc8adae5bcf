// Output for a CDN: a localised 404 page and a _headers file that caches hashed assets for a year.
import { readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./eleventy.ts";
import { NOT_FOUND_LAYOUT } from "./layouts.ts";
import type { ResolvedOptions } from "./options.ts";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const SHORT = "public, max-age=300, must-revalidate";

/**
 * `_headers` rules that never overlap: Netlify and Cloudflare Pages merge the values of every rule a
 * path matches, so a catch-all `/*` would spoil the assets' immutable caching. One rule per top-level
 * entry of the output instead: `/newsroom/*` (content-hashed, immutable), everything else short.
 */
export function headersFile(topLevel: { name: string; dir: boolean }[], prefix: string): string {
  const rules: [string, string][] = [[`${prefix}/`, SHORT]];
  for (const entry of [...topLevel].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === "_headers" || entry.name === "_redirects") continue;
    if (entry.dir) rules.push([`${prefix}/${entry.name}/*`, entry.name === "newsroom" ? IMMUTABLE : SHORT]);
    else rules.push([`${prefix}/${entry.name}`, SHORT]);
  }
  return `# Written by eleventy-plugin-newsroom. Content-hashed assets: a year; pages, feeds, sitemaps: five minutes.\n${rules.map(([p, v]) => `${p}\n  Cache-Control: ${v}\n`).join("")}`;
}

export function addCdnOutput(eleventyConfig: EleventyConfig, options: ResolvedOptions): void {
  eleventyConfig.addTemplate("newsroom-virtual/not-found.11ty.js", {
    data: { layout: NOT_FOUND_LAYOUT, permalink: "/404.html", eleventyExcludeFromCollections: true, newsroomNotFound: true },
    render: () => "",
  });

  if (!options.headers) return;
  eleventyConfig.on("eleventy.after", ({ directories, outputMode }: { directories: { output: string }; outputMode?: string }) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    // `directories`, not the deprecated `dir`: only it follows --output.
    const out = directories.output;
    const top = readdirSync(out).map((name) => ({ name, dir: statSync(path.join(out, name)).isDirectory() }));
    // The search index may still be being written by its own handler; its folder gets a rule either way.
    if (options.search && !top.some((e) => e.name === "pagefind")) top.push({ name: "pagefind", dir: true });
    writeFileSync(path.join(out, "_headers"), headersFile(top, options.pathPrefix()));
  });
}
