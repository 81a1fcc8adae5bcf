// Pages the plugin generates: lists of releases, the front page, term pages and archives.
import type { IndexAccess } from "./collections.ts";
import type { EleventyConfig, CollectionItem } from "./config.ts";
import { indexPages, ownPage, VIRTUAL, type Guest } from "./guest.ts";
import { ARCHIVE_LAYOUT, LIST_LAYOUT, TERM_LAYOUT, TERMS_LAYOUT } from "./layouts.ts";
import type { ResolvedOptions } from "../model/options.ts";
import type { Release } from "../model/releases.ts";
import type { ArchivePage, TermPage, TermRef } from "../model/taxonomy.ts";
import { archiveUrl, pageUrl } from "../model/urls.ts";
import type { BuildCache } from "./build-cache.ts";
import { fileOfUrl } from "./manifest.ts";

const inLocale = (locale: string) => (items: CollectionItem[]) =>
  items.filter((item) => (item.data.release as Release | undefined)?.lang === locale);

export function addListPages(eleventyConfig: EleventyConfig, options: ResolvedOptions, guest: Guest, index: IndexAccess): void {
  // The list holds the newest `listPages` pages of a language; the rest are in the archives.
  const listed = (locale: string) => (items: CollectionItem[]) => inLocale(locale)(items).slice(0, options.listPages * options.perPage);
  // `{% set older = newsroomLang | newsroomOlderArchive %}`: the month archive of the newest release
  // the list no longer shows, for its last page to link to; undefined when the list shows them all.
  eleventyConfig.addFilter("newsroomOlderArchive", (locale: unknown) => {
    const built = index.current();
    const next = built ? inLocale(String(locale))(built.releases)[options.listPages * options.perPage] : undefined;
    const r = next?.data.release as Release | undefined;
    if (!built || !r) return undefined;
    const url = archiveUrl(options.base(r.lang), r.year, r.month);
    return built.archivePages.find((page) => page.url === url);
  });
  // `{% if (newsroomLang | newsroomListPages) > 1 %}`: how many pages a locale's list has. The front
  // page shows only the first, and links on to the second where there is one.
  eleventyConfig.addFilter("newsroomListPages", (locale: unknown) => {
    const releases = index.current()?.byLocale[String(locale)];
    const listedCount = Array.isArray(releases) ? Math.min(releases.length, options.listPages * options.perPage) : 0;
    return Math.max(1, Math.ceil(listedCount / options.perPage));
  });
  for (const locale of options.locales) {
    eleventyConfig.addTemplate(`${VIRTUAL}list-${locale}.11ty.js`, {
      data: ownPage({
        layout: LIST_LAYOUT,
        newsroomLocale: locale,
        pagination: { data: "collections.releases", size: options.perPage, alias: "releases", before: listed(locale), generatePageOnEmptyData: true },
        permalink: (data: { pagination: { pageNumber: number } }) => pageUrl(options.base(locale), data.pagination.pageNumber),
      }),
      render: () => "",
    });
  }

  // The front page shows the default locale's newest releases; its canonical URL is that locale's list.
  const home = options.files.home;
  if (home === false || home === options.base(options.defaultLocale)) return;
  // One page: Eleventy renders a page whose permalink is false, so the list's other pages, made
  // here only to be dropped, each cost a list page's rendering.
  const firstPage = (items: CollectionItem[]) => listed(options.defaultLocale)(items).slice(0, options.perPage);
  eleventyConfig.addTemplate(`${VIRTUAL}front-page.11ty.js`, {
    data: ownPage({
      layout: LIST_LAYOUT,
      newsroomLocale: options.defaultLocale,
      newsroomCanonical: options.base(options.defaultLocale),
      pagination: { data: "collections.releases", size: options.perPage, alias: "releases", before: firstPage, generatePageOnEmptyData: true },
      // Worked out after the site's own pages (it paginates over a collection): a site with a home
      // page of its own keeps it.
      permalink: () => {
        if (guest.siteOwns(home)) {
          guest.yielded(`the site's own ${home} stays its home page (the newsroom's is ${options.base(options.defaultLocale)})`);
          return false;
        }
        return home;
      },
    }),
    render: () => "",
  });
}

/** Term pages, the index of each kind of term, and the archives: one virtual template each, over the index. */
export function addIndexPages(eleventyConfig: EleventyConfig, index: IndexAccess, cache: BuildCache, ownTemplates: () => boolean): void {
  const built = () => index.current()!;
  // Under --serve, what a saved release changed; in a cached build, what differs from the cache.
  const toRender = <T extends { url: string }>(kind: string, pages: T[], shown?: (page: T) => object) =>
    cache.pagesToRender(kind, index.changes.pagesToRender(kind, pages), (page) => [fileOfUrl(page.url)], ownTemplates() ? shown : undefined);
  const generated = [
    ["terms", "termPage", TERM_LAYOUT, () => toRender("term", built().termPages, shownOfTerm)],
    ["term-indexes", "termIndex", TERMS_LAYOUT, () => toRender("terms", built().termIndexes)],
    ["archives", "archivePage", ARCHIVE_LAYOUT, () => toRender("archive", built().archivePages, shownOfArchive)],
  ] as const;
  for (const [name, alias, layout, read] of generated) {
    eleventyConfig.addTemplate(`${VIRTUAL}${name}.11ty.js`, {
      data: indexPages<{ url: string }>(alias, read, {
        layout,
        permalink: (data: Record<string, { url: string }>) => data[alias]!.url,
      }),
      render: () => "",
    });
  }
}

// What the plugin's own layouts show of a page, where it has data they do not show. A page's
// signature covers only this, so that a publish does not render again pages that come out the same:
// a district's pages carry its region's count, which they do not show, and a month's pages the
// year's months with their counts, which only the year's pages show (at 20,000 releases, 225 of a
// publish's 655 pages came out byte-identical). A site with a layout or partial of its own may
// show anything: its pages are signed whole.
const linkOf = (ref: TermRef) => ({ kind: ref.kind, key: ref.key, name: ref.name, url: ref.url });
// Each term's part made once, not once a page: the signature's encoder then writes it once a build
// (8,885 term pages at 20,000 releases, a region's with every district).
const shownTerms = new WeakMap<TermPage["term"], object>();
function shownOfTerm(page: TermPage): object {
  const { term } = page;
  let shown = shownTerms.get(term);
  if (!shown) shownTerms.set(term, (shown = { ...term, parent: term.parent && linkOf(term.parent), children: term.children.map(linkOf) }));
  return { ...page, term: shown };
}
function shownOfArchive(page: ArchivePage): object {
  return page.month === undefined ? page : { ...page, months: undefined };
}
