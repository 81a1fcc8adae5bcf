// The build cache's key: everything besides the releases that can change a page. A new key makes
// the next build a full one. Files are known by their bytes, but for large ones (images, archives),
// known by size and time: a changed time costs a full build, never a wrong page.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { FORMAT, posix, sha256 } from "./cache-store.ts";

const READ_LIMIT = 1024 * 1024;

/**
 * Every file below `dir`, in order, except those `skip` leaves out. Entries are told apart by their
 * directory entry, not a stat of each (20,000 release files); a link is followed. A folder in `seen`
 * is not walked again: the cache's key walks the project and the input inside it.
 */
export function walk(dir: string, skip: (full: string, name: string) => boolean, out: string[] = [], seen?: Set<string>): string[] {
  if (seen?.has(dir)) return out;
  seen?.add(dir);
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return out;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (skip(full, entry.name)) continue;
    let kind: { isDirectory(): boolean; isFile(): boolean } = entry;
    if (entry.isSymbolicLink()) {
      try {
        kind = statSync(full);
      } catch {
        continue;
      }
    }
    if (kind.isDirectory()) walk(full, skip, out, seen);
    else if (kind.isFile()) out.push(full);
  }
  return out;
}

/** Every release file below the releases folder: its Markdown files. */
export function releaseFilesIn(dir: string): string[] {
  return walk(dir, (_full, name) => name === "node_modules").filter((f) => f.endsWith(".md"));
}

const require = createRequire(import.meta.url);

/**
 * A dependency's version, from its package.json; looked up along Node's search paths for a package
 * whose exports leave its package.json out (Pagefind). "?" when it is not installed.
 */
export function packageVersion(name: string): string {
  const versionIn = (file: string) => (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  try {
    return versionIn(require.resolve(`${name}/package.json`));
  } catch {
    for (const dir of require.resolve.paths(name) ?? []) {
      const file = path.join(dir, name, "package.json");
      if (existsSync(file)) return versionIn(file);
    }
    return "?";
  }
}

/** The versions of what renders pages: a new one may write other bytes. */
function softwareVersions(): string {
  const names = ["@11ty/eleventy", "@11ty/eleventy-img", "@11ty/eleventy-plugin-rss", "markdown-it", "luxon", "slugify", "satori", "sharp", "@fontsource/noto-serif", "subset-font", "js-yaml", "zod"];
  return names.map((name) => `${name}@${packageVersion(name)}`).join(" ");
}

export interface KeyParts {
  /** The plugin's name and version. */
  software: string;
  /** The options as the site gave them. */
  userOptions: unknown;
  /** Settings of this run: path prefix, run mode, drafts. */
  run: string;
  /** Folders whose files count: the project, input, includes, data, the plugin's own code. */
  roots: string[];
  /** Files that do not count: the output, the releases themselves. */
  skip(full: string, name: string): boolean;
}

export function cacheKey(parts: KeyParts): string {
  const h = createHash("sha256");
  h.update(`${FORMAT}\n${parts.software} ${softwareVersions()}\n${process.version} ${process.versions.icu} ${process.versions.tz}\n`);
  h.update(JSON.stringify(parts.userOptions, (_k, v) => (typeof v === "function" ? String(v) : v)));
  h.update(`\n${parts.run}\n`);
  const root = process.cwd();
  const skip = (full: string, name: string) => name === "node_modules" || name === ".git" || name === ".cache" || parts.skip(full, name);
  const seen = new Set<string>();
  for (const r of [...new Set(parts.roots)]) {
    for (const file of walk(path.resolve(r), skip, [], seen)) {
      const stat = statSync(file);
      h.update(`${posix(path.relative(root, file))}\0`);
      h.update(stat.size > READ_LIMIT ? `${stat.size} ${stat.mtimeMs}` : sha256(readFileSync(file)));
      h.update("\n");
    }
  }
  return h.digest("hex");
}
