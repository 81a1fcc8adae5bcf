// eleventy-plugin-newsroom: a folder of Markdown press releases in, a complete static news site out.
// This file only wires the concerns together; each lives in the module named after it.
import { readFileSync } from "node:fs";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { addReleases, releaseMatcher, ReleasesBy } from "./eleventy/collections.ts";
import type { EleventyConfig } from "./eleventy/config.ts";
import { PREFIX, ProblemLog } from "./model/errors.ts";
import { addCdnOutput } from "./eleventy/cdn.ts";
import { addFeeds, ownedFiles } from "./eleventy/feeds.ts";
import { feedUrls, sectionUrls } from "./model/urls.ts";
import { addFilters } from "./eleventy/filters.ts";
import { useZonedDates } from "./eleventy/frontmatter.ts";
import { ReleaseFrontMatter } from "./model/publishing.ts";
import { addLayouts, RELEASE_LAYOUT } from "./eleventy/layouts.ts";
import { createGuest } from "./eleventy/guest.ts";
import { createAfterBuild } from "./eleventy/after-build.ts";
import { addManifest } from "./eleventy/manifest.ts";
import { resolveOptions, type NewsroomOptions } from "./model/options.ts";
import { addIndexPages, addListPages } from "./eleventy/pages.ts";
import { createShortcodes } from "./render/shortcodes.ts";
import { useSiteMarkdown } from "./eleventy/markdown.ts";
import { addPhotos } from "./eleventy/photos.ts";
import { fontFaceCss, fontFiles, writeFonts } from "./eleventy/fonts.ts";
import { addShortcodes, createReleaseBodies } from "./eleventy/shortcodes.ts";
import { addShareCards, createFigureLog, ownCard } from "./eleventy/share-cards.ts";
import { createBuildCache } from "./eleventy/build-cache.ts";
import { fileURLToPath } from "node:url";
import { addSearch } from "./eleventy/search.ts";
import { addSitemaps } from "./eleventy/sitemaps.ts";
import { createSlugger } from "./model/slug.ts";
import { freezeRegistryFiles } from "./eleventy/registry-data.ts";
import { addStructuredData, createQuoteLog } from "./eleventy/structured-data.ts";
import { addTranslations } from "./eleventy/translations.ts";

export type { NewsroomOptions, PublisherOptions, ResolvedOptions } from "./model/options.ts";
export type { ReleaseData } from "./model/schema.ts";
export type { Release } from "./model/releases.ts";
export type { LocaleDictionary, LocaleOverride, LocaleStrings } from "./model/locales/index.ts";
export type { TransliterationTable } from "./model/slug.ts";
export { NewsroomError, type Problem } from "./model/errors.ts";
export { releaseSchema } from "./model/schema.ts";
export { createSlugger, RUSSIAN, KAZAKH } from "./model/slug.ts";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
  "11ty": { compatibility: string };
};

export default function newsroom(eleventyConfig: EleventyConfig, userOptions?: NewsroomOptions): void {
  try {
    eleventyConfig.versionCheck(pkg["11ty"].compatibility);
  } catch (e) {
    throw new Error(
      `${PREFIX} needs Eleventy ${pkg["11ty"].compatibility}: ${(e as Error).message} Install it with npm install @11ty/eleventy@3`,
    );
  }
  const options = resolveOptions(userOptions);
  // Read when URLs are made: `--pathprefix` reaches the config after plugins are added.
  options.pathPrefix = () => String((eleventyConfig as { pathPrefix?: string }).pathPrefix ?? "/").replace(/\/+$/, "");
  const slug = createSlugger(options.transliteration);

  const log = new ProblemLog();
  const isRelease = releaseMatcher(eleventyConfig, options);
  // Releases, and the pages the plugin generates, are the plugin's; the site's own pages are not.
  const fonts = fontFiles(options.mount);
  const layouts = addLayouts(eleventyConfig, options.mount, fontFaceCss(fonts));
  // After the build, in this order: the fonts, the manifest (stale files out), _headers, robots.txt, search.
  const after = createAfterBuild(eleventyConfig);
  const fontPaths = writeFonts(after, fonts, options.mount);
  const guest = createGuest(eleventyConfig, layouts.isLayout, after);
  const frontMatter = new ReleaseFrontMatter();
  useZonedDates(eleventyConfig, options, isRelease, RELEASE_LAYOUT, log, frontMatter);

  // Its `transformWithHtmlBase` filter gives feeds absolute URLs; later, `pathPrefix` support.
  eleventyConfig.addPlugin(HtmlBasePlugin);

  freezeRegistryFiles(eleventyConfig, options.registry);
  const cache = createBuildCache({
    eleventyConfig,
    options,
    userOptions,
    slug,
    frontMatter,
    software: `${pkg.name}@${pkg.version}`,
    ownCard: (published, now) => ownCard(options, published, now),
    pluginDir: fileURLToPath(new URL(".", import.meta.url)),
    index: () => index.current(),
  });
  // Release bodies whose only tags are the plugin's shortcodes skip Liquid (the shortcodes, added last, register with it).
  const bodies = createReleaseBodies(eleventyConfig);
  const index = addReleases(eleventyConfig, options, slug, log, isRelease, guest, frontMatter, cache, bodies);
  // First after the build: the pages restored from the cache are in place before anything reads the output.
  after.add((event) => cache.restore(event));
  eleventyConfig.addGlobalData("newsroom", {
    siteUrl: options.siteUrl,
    // The site's name, publisher and logo in each locale: `newsroom.identity[newsroomLang].siteName`.
    identity: Object.fromEntries(options.locales.map((l) => [l, options.identity(l)])),
    defaultLocale: options.defaultLocale,
    locales: options.locales,
    dateTimeFormats: Object.fromEntries(options.locales.map((l) => [l, options.dictionaries[l]!.dateTimeFormat])),
    bases: Object.fromEntries(options.locales.map((l) => [l, options.base(l)])),
    timeZone: options.timeZone,
    stylesheet: layouts.stylesheet.url,
    search: options.search,
    feeds: options.feeds,
    // Every URL a layout links to, by locale, from the one module that makes URLs.
    urls: Object.fromEntries(options.locales.map((l) => [l, { ...sectionUrls(options.base(l)), feeds: feedUrls(options.base(l)) }])),
    ogLocales: Object.fromEntries(options.locales.map((l) => [l, options.dictionaries[l]!.ogLocale ?? l])),
    releasesBy: new ReleasesBy(index),
  });
  addListPages(eleventyConfig, options, guest, index);
  addIndexPages(eleventyConfig, index, cache, layouts.ownTemplates);
  addTranslations(eleventyConfig, options, index);
  const quotes = createQuoteLog(eleventyConfig);
  const photos = addPhotos(eleventyConfig, options);
  const figures = createFigureLog(eleventyConfig);
  const cards = addShareCards(eleventyConfig, options, index, figures, after, () => cache.planned());
  addStructuredData(eleventyConfig, options, index, quotes, (inputPath) => photos.cropsOf(inputPath), cards);
  addFeeds(eleventyConfig, options, index, cache);
  addManifest(eleventyConfig, after, isRelease, () => {
    const owned = ownedFiles(index, options);
    return { files: [...owned.files, ...photos.files(), ...cards.files(), ...fontPaths, ...cache.files()], folders: owned.folders };
  });
  addSitemaps(eleventyConfig, options, index, guest, after);
  addCdnOutput(eleventyConfig, options, guest, isRelease, after);
  addSearch(eleventyConfig, options, layouts.searchScript, after, index, () => cache.active());
  addFilters(eleventyConfig, options, slug, layouts.siteCard);
  // Last: every file of this build is written, share cards included, when the cache records them.
  after.add((event) => cache.record(event, index.current()));

  const markdown = useSiteMarkdown(eleventyConfig);
  const shortcodes = createShortcodes({ options, renderMarkdown: markdown.render, onQuote: quotes.record, onStat: figures.record });
  addShortcodes(eleventyConfig, shortcodes, guest, bodies);
}

// Eleventy runs a unique plugin once, however often a config adds it.
Object.assign(newsroom, {
  eleventyPackage: pkg.name,
  eleventyPluginOptions: { unique: true },
});

// `require("eleventy-plugin-newsroom")` from a CommonJS config (Node 20.19+ loads ES modules with
// require) returns this export instead of the module's namespace: the plugin function itself.
export { newsroom as "module.exports" };
