// The plugin as a guest in the site: which URLs the site writes itself, so the plugin's own site-wide
// files (home, 404, sitemap, robots.txt, _headers) yield to the site's or are merged into them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./config.ts";
import { PREFIX } from "../model/errors.ts";
import type { AfterBuild } from "./after-build.ts";
import { passthroughCopiesOf, SharedData, urlOfPage } from "./internals.ts";

/** Virtual templates the plugin registers live under this folder of the input. */
export const VIRTUAL = "newsroom-virtual/";

const BEGIN = "# --- eleventy-plugin-newsroom: begin ---";
const END = "# --- eleventy-plugin-newsroom: end ---";

export interface Guest {
  /**
   * Preprocessor hook for each of the site's own templates: remembers it, changes nothing. False
   * for the plugin's virtual layouts, which Eleventy would otherwise also build as pages.
   */
  notePage(data: { page?: { inputPath?: unknown; url?: unknown } }): false | undefined;
  /** Whether the site writes this URL itself (a template seen so far, or a passthrough copy). */
  siteOwns(url: string): boolean;
  /** Notes what the plugin did instead of writing a file of its own, for the build's one log line. */
  yielded(what: string): void;
  /**
   * Puts the plugin's lines into a text file at the output's root: the whole file when the site has
   * none, else a marked block at its end (replacing the block an earlier build added).
   */
  writeOrMerge(outputDir: string, name: string, ours: string): void;
}

const GLOB = /[*?{}[\]!]/;

/**
 * Where a passthrough copy puts `url`'s file, if it does: `{ "./public/": "/" }` copies
 * `public/robots.txt` to `/robots.txt`. Globs are not followed; a site that copies its robots.txt
 * by a glob gets the plugin's lines added after the build all the same (see `writeOrMerge`).
 */
export function passthroughSource(url: string, input: string, copies: Record<string, { outputPath: string | true }>): string | undefined {
  for (const [source, { outputPath }] of Object.entries(copies)) {
    if (GLOB.test(source)) continue;
    const target = outputPath === true ? `/${path.relative(input, source).split(path.sep).join("/")}` : `/${String(outputPath).replace(/^\.?\/+/, "")}`;
    const dir = target.endsWith("/") ? target : `${target}/`;
    if (url === target && existsSync(source)) return source;
    if (url.startsWith(dir)) {
      const file = path.join(source, url.slice(dir.length));
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

export function createGuest(eleventyConfig: EleventyConfig, isLayout: (inputPath: unknown) => boolean, after: AfterBuild): Guest {
  let pages: { page?: { inputPath?: unknown; url?: unknown } }[] = [];
  let notes: string[] = [];
  eleventyConfig.on("eleventy.before", () => {
    pages = [];
    notes = [];
  });
  after.add(() => {
    if (notes.length > 0) console.log(`${PREFIX} a guest in this site: ${notes.join("; ")}.`);
  });

  return {
    notePage(data) {
      const inputPath = String(data.page?.inputPath ?? "");
      if (isLayout(inputPath)) return false;
      if (!inputPath.includes(VIRTUAL)) pages.push(data);
      return undefined;
    },
    siteOwns(url) {
      // A template's data holds its URL once Eleventy has worked it out: the plugin asks only after
      // the site's pages that paginate over nothing have been (see the callers' `eleventyImport`).
      if (pages.some((data) => urlOfPage(data) === url)) return true;
      const input = eleventyConfig.directories.input;
      return passthroughSource(url, input, passthroughCopiesOf(eleventyConfig)) !== undefined;
    },
    yielded(what) {
      if (!notes.includes(what)) notes.push(what);
    },
    writeOrMerge(outputDir, name, ours) {
      const file = path.join(outputDir, name);
      const block = `${BEGIN}\n${ours.trimEnd()}\n${END}\n`;
      let theirs = existsSync(file) ? readFileSync(file, "utf8") : "";
      // A file that is only an earlier block of the plugin's is the plugin's own.
      const start = theirs.indexOf(BEGIN);
      if (start !== -1) {
        const end = theirs.indexOf(END, start);
        theirs = theirs.slice(0, start) + (end === -1 ? "" : theirs.slice(end + END.length).replace(/^\n/, ""));
      }
      theirs = theirs.trimEnd();
      writeFileSync(file, theirs === "" ? block : `${theirs}\n\n${block}`);
    },
  };
}

/**
 * What a generated page paginates over, read only when Eleventy gets to that page: after the
 * `releases` collection, which builds the index, since each such page imports it. A class, so that
 * Eleventy passes it by reference rather than copying it into the page's data; and not a collection,
 * so that a site listing `collections` (as tag pages do) sees none of the plugin's internals.
 */
export class Deferred<T> extends SharedData {
  readonly #read: () => T[];
  constructor(read: () => T[]) {
    super();
    this.#read = read;
  }
  get items(): T[] {
    return this.#read();
  }
}

/**
 * Data every page the plugin generates starts from. `layout: false` and the exclusion keep the
 * site's folder-wide data (a default layout for everything in `content/`) off the plugin's pages,
 * and the plugin's pages out of the site's collections.
 */
export function ownPage(data: Record<string, unknown>): Record<string, unknown> {
  return { layout: false, eleventyExcludeFromCollections: true, ...data };
}

/** Data of a generated page that paginates over the index: one page per item of `read()`. */
export function indexPages<T>(alias: string, read: () => T[], data: Record<string, unknown> = {}): Record<string, unknown> {
  return ownPage({
    newsroomPages: new Deferred(read),
    eleventyImport: { collections: ["releases"] },
    pagination: { data: "newsroomPages.items", size: 1, alias },
    ...data,
  });
}
