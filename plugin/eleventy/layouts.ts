// The layouts, partials and stylesheet the plugin ships, each overridable by a file of the same name.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { walk } from "./cache-key.ts";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "./config.ts";
import { VIRTUAL } from "./guest.ts";
import { assetUrl } from "../model/urls.ts";
import { addFallbackNunjucksLoader, virtualLayoutKey } from "./internals.ts";

// `plugin/eleventy/*.ts` in the repository and `dist/eleventy/*.js` in the package both sit two
// levels below the package root, so this one path finds the shipped templates from either.
const TEMPLATES_DIR = fileURLToPath(new URL("../../plugin/templates/", import.meta.url));

const BASE_LAYOUT = "newsroom/base.njk";
export const RELEASE_LAYOUT = "newsroom/release.njk";
export const LIST_LAYOUT = "newsroom/list.njk";
export const TERM_LAYOUT = "newsroom/term.njk";
export const TERMS_LAYOUT = "newsroom/terms.njk";
export const ARCHIVE_LAYOUT = "newsroom/archive.njk";
export const NOT_FOUND_LAYOUT = "newsroom/404.njk";
export const SEARCH_LAYOUT = "newsroom/search.njk";
export const LAYOUTS = [BASE_LAYOUT, RELEASE_LAYOUT, LIST_LAYOUT, TERM_LAYOUT, TERMS_LAYOUT, ARCHIVE_LAYOUT, NOT_FOUND_LAYOUT, SEARCH_LAYOUT];

export interface Stylesheet {
  /** Site path with a content hash, so a CDN may cache it for a year. */
  url: string;
  css: string;
}

/** A shipped asset, named by its content's hash so a CDN may cache it for a year. */
function readAsset(file: string, mount = "/", before = ""): Stylesheet {
  const css = before + readFileSync(path.join(TEMPLATES_DIR, file), "utf8");
  const hash = createHash("sha256").update(css).digest("hex").slice(0, 10);
  const ext = path.extname(file);
  return { url: assetUrl(mount, path.basename(file, ext), hash, ext), css };
}


export interface Layouts {
  stylesheet: Stylesheet;
  searchScript: Stylesheet;
  /**
   * Eleventy also takes each virtual layout for a page of its own; the preprocessor drops those.
   * (A `permalink: false` in the layout would reach every page that uses it.)
   */
  isLayout(inputPath: unknown): boolean;
  /** Whether the site has a `release-card.njk` of its own: it may show the page it is on. */
  siteCard(): boolean;
  /** Whether every layout and partial of the plugin's pages is the plugin's own: the site overrides none. */
  ownTemplates(): boolean;
}

export function addLayouts(eleventyConfig: EleventyConfig, mount: string, fontCss = ""): Layouts {
  const { input, includes, layouts } = eleventyConfig.directories;
  // `setLayoutsDirectory` moves layouts out of `_includes`; partials stay there.
  const layoutsDir = layouts ?? includes;

  // The site's own layouts and partials, looked at once a build (under --serve a site may add one):
  // every file under newsroom/ in its layouts and includes folders, and which of the plugin's
  // partials it has where Nunjucks looks first (the includes folder, then the project's folder).
  // The layouts read the latter to include the site's partial instead of their own copy.
  let own = new Set<string>();
  const sitePartials = new SitePartials();
  const look = () => {
    own = new Set([layoutsDir, includes].flatMap((dir) => walk(path.join(dir, "newsroom"), () => false).map((f) => path.resolve(f))));
    for (const name of PARTIALS) sitePartials[name] = own.has(path.resolve(includes, name)) || existsSync(name);
  };
  look();
  eleventyConfig.on("eleventy.before", look);
  eleventyConfig.addNunjucksGlobal(SITE_PARTIALS, sitePartials);

  // A virtual layout would win over the site's file of the same name, so register only the missing ones.
  const registered = new Set<string>();
  for (const name of LAYOUTS) {
    if (existsSync(path.join(layoutsDir, name))) continue;
    const key = virtualLayoutKey(input, layoutsDir, name);
    eleventyConfig.addTemplate(key, inlinePartials(readFileSync(path.join(TEMPLATES_DIR, name), "utf8")));
    registered.add(path.resolve(key));
    registered.add(path.resolve(input, key));
  }

  // Nunjucks `include` cannot see virtual templates, so partials come from a loader that Nunjucks
  // asks last: the site's `_includes` is searched first and its file of the same name wins.
  addFallbackNunjucksLoader(eleventyConfig, TEMPLATES_DIR);

  const stylesheet = readAsset("newsroom.css", mount, fontCss ? `${fontCss}\n` : "");
  const searchScript = readAsset("newsroom-search.js", mount);
  for (const [name, asset] of [["stylesheet", stylesheet], ["search-script", searchScript]] as const) {
    eleventyConfig.addTemplate(`${VIRTUAL}${name}.11ty.js`, {
      data: { permalink: asset.url, layout: false, eleventyExcludeFromCollections: true },
      render: () => asset.css,
    });
  }
  const isLayout = (inputPath: unknown) => typeof inputPath === "string" && registered.has(path.resolve(inputPath));
  return { stylesheet, searchScript, isLayout, siteCard: () => sitePartials[CARD] === true, ownTemplates: () => own.size === 0 && !PARTIALS.some((name) => sitePartials[name]) };
}

/**
 * The Nunjucks global that says, by name, which partials are the site's own. An instance of a class,
 * because Eleventy copies a plain object it is given, and the copy would not follow a later build.
 */
const SITE_PARTIALS = "newsroomSitePartials";
class SitePartials {
  [name: string]: boolean;
}
const CARD = "newsroom/partials/release-card.njk";
const PARTIALS = readdirSync(path.join(TEMPLATES_DIR, "newsroom/partials")).map((f) => `newsroom/partials/${f}`);
const INCLUDE = /\{%(-?)\s*include\s+"(newsroom\/partials\/[\w-]+\.njk)"\s*(-?)%\}/g;

/**
 * A layout with the plugin's partials written into it, each behind a check that the site has no
 * partial of that name, in which case the layout includes the site's. Each `include` cost Nunjucks
 * a lookup and a fresh copy of the page's context: 11 a page, 94,000 at 5,000 releases, 0.4 s of
 * the build. A written-in partial sees what an included one sees; what it sets (`newsroom…`
 * variables, loop variables, the `termLinks` macro) the layout around it never reads.
 */
function inlinePartials(source: string): string {
  return source.replace(INCLUDE, (_tag, before: string, name: string, after: string) => {
    const own = inlinePartials(readFileSync(path.join(TEMPLATES_DIR, name), "utf8"));
    // The partial right after a tag: its own leading `{%-` or `{#-` then trims nothing of the layout's.
    return `{%${before} if ${SITE_PARTIALS}["${name}"] %}{% include "${name}" %}{% else %}${own}{% endif ${after}%}`;
  });
}
