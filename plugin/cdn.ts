// Output for a CDN: a localised 404 page and a _headers file that caches hashed assets for a year.
import path from "node:path";
import type { EleventyConfig } from "./eleventy.ts";
import { ownPage, VIRTUAL, type Guest } from "./guest.ts";
import { NOT_FOUND_LAYOUT } from "./layouts.ts";
import type { AfterBuild } from "./after-build.ts";
import { MANIFEST } from "./manifest.ts";
import type { ResolvedOptions } from "./options.ts";

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const SHORT = "public, max-age=300, must-revalidate";

/**
 * The first folder or file of each file the plugin wrote (paths relative to the output folder),
 * as site paths: `/ru` (a folder), `/sitemap.xml`; and the mount folder itself when it holds an
 * `index.html` of the plugin's.
 */
export function topLevel(files: Iterable<string>, mount: string): { name: string; dir: boolean }[] {
  const entries = new Map<string, boolean>();
  for (const file of files) {
    const site = `/${file}`;
    const base = site.startsWith(mount) ? mount : "/";
    const rest = site.slice(base.length);
    const slash = rest.indexOf("/");
    entries.set(base + (slash === -1 ? rest : rest.slice(0, slash)), slash !== -1);
    if (rest === "index.html") entries.set(base, false);
  }
  return [...entries].map(([name, dir]) => ({ name, dir }));
}

/**
 * `_headers` rules that never overlap: Netlify and Cloudflare Pages merge the values of every rule a
 * path matches, so a catch-all `/*` would spoil the assets' immutable caching. One rule per top-level
 * entry the plugin wrote: `newsroom/*` (content-hashed, immutable), everything else short. The
 * site's own files get no rule from the plugin.
 */
export function headersFile(entries: { name: string; dir: boolean }[], prefix: string, mount = "/"): string {
  const rules: [string, string][] = [];
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.dir) rules.push([`${prefix}${entry.name}/*`, entry.name === `${mount}newsroom` ? IMMUTABLE : SHORT]);
    else rules.push([`${prefix}${entry.name}`, SHORT]);
  }
  return `# Written by eleventy-plugin-newsroom for its own files. Content-hashed assets: a year; pages, feeds, sitemaps: five minutes.\n${rules.map(([p, v]) => `${p}\n  Cache-Control: ${v}\n`).join("")}`;
}

export function addCdnOutput(eleventyConfig: EleventyConfig, options: ResolvedOptions, guest: Guest, isRelease: (inputPath: unknown) => boolean, after: AfterBuild): void {
  const notFound = options.files.notFound;
  if (notFound !== false) {
    eleventyConfig.addTemplate(`${VIRTUAL}not-found.11ty.js`, {
      data: ownPage({
        layout: NOT_FOUND_LAYOUT,
        newsroomNotFound: true,
        // Worked out after the site's own pages, so a 404 page of the site's own wins.
        eleventyImport: { collections: ["releases"] },
        permalink: () => {
          if (!guest.siteOwns(notFound)) return notFound;
          guest.yielded(`the site's own ${notFound} stays its 404 page`);
          return false;
        },
      }),
      render: () => "",
    });
  }

  if (!options.headers) return;
  // Kept across rebuilds under --serve, which render only some pages.
  const ours = new Set<string>();
  after.add(({ directories, runMode, results }) => {
    if (runMode === undefined || runMode === "build") ours.clear();
    const out = directories.output;
    for (const page of results ?? []) {
      if (typeof page.outputPath === "string" && (page.inputPath.includes(VIRTUAL) || isRelease(page.inputPath))) {
        ours.add(path.relative(out, page.outputPath).split(path.sep).join("/"));
      }
    }
    // The search index is written by its own handler, perhaps still; the manifest beside the site.
    if (options.search) ours.add(`${options.mount.slice(1)}pagefind/pagefind.js`);
    ours.add(MANIFEST);
    // `directories`, not the deprecated `dir`: only it follows --output.
    guest.writeOrMerge(out, "_headers", headersFile(topLevel(ours, options.mount), options.pathPrefix(), options.mount));
  });
}
