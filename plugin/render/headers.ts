// The _headers file for a CDN: content-hashed assets cached for a year, everything else briefly.

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
