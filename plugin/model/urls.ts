// Every URL shape the newsroom writes, in one place: releases, lists, archives, terms, feeds,
// search, sitemaps and assets. Every other module asks these functions; none builds a path itself.
import type { DateTime } from "luxon";
import type { ResolvedOptions } from "./options.ts";

/** The feed files of a list: `/ru/feed.xml`, `/ru/rss.xml`, `/ru/tags/eksport/feed.xml`. */
export const FEED_FILES = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" } as const;
export type FeedFormat = keyof typeof FEED_FILES;

/** The kinds of term, each a folder of its own: `/ru/people/`, `/ru/tags/`. */
export type TermKind = "people" | "organisations" | "places" | "tags";

/** Where a locale's pages live: `/ru/` under the mount, or the mount itself for a default locale at the root. */
export function localeBase(mount: string, locale: string, defaultLocale: string, atRoot: boolean): string {
  return atRoot && locale === defaultLocale ? mount : `${mount}${locale}/`;
}

const year4 = (year: number) => String(year).padStart(4, "0");
const month2 = (month: number) => String(month).padStart(2, "0");

/** `/ru/2025/12/turkestan-visit/`: the year always in four digits, the month in two. */
export function releaseUrl(base: string, at: DateTime, slug: string): string {
  return `${archiveUrl(base, at.year, at.month)}${slug}/`;
}

/** `/ru/2025/` or `/ru/2025/12/`. */
export function archiveUrl(base: string, year: number, month?: number): string {
  return month === undefined ? `${base}${year4(year)}/` : `${base}${year4(year)}/${month2(month)}/`;
}

/** The n-th page (from 0) of a paginated list whose first page is `first`: `first`, `first/page/2/` … */
export function pageUrl(first: string, index: number): string {
  return index === 0 ? first : `${first}page/${index + 1}/`;
}

/** `/ru/people/`: the index of one kind of term. */
export function termIndexUrl(base: string, kind: TermKind): string {
  return `${base}${kind}/`;
}

/** `/ru/people/aydar-abildabekov/`. */
export function termUrl(base: string, kind: TermKind, slug: string): string {
  return `${termIndexUrl(base, kind)}${slug}/`;
}

/** `/ru/feed.xml`: a list's feed in one format. */
export function feedUrl(listUrl: string, format: FeedFormat): string {
  return `${listUrl}${FEED_FILES[format]}`;
}

/** A list's feed in every format. */
export function feedUrls(listUrl: string): Record<FeedFormat, string> {
  return { atom: feedUrl(listUrl, "atom"), rss: feedUrl(listUrl, "rss"), json: feedUrl(listUrl, "json") };
}

export function searchUrl(base: string): string {
  return `${base}search/`;
}

/** `/ru/news-sitemap.xml`: a locale's Google News sitemap. */
export function newsSitemapUrl(base: string): string {
  return `${base}news-sitemap.xml`;
}

/** `/sitemap-2.xml` beside `/sitemap.xml`: the parts of a sitemap split under an index. */
export function sitemapPartUrl(sitemap: string, index: number): string {
  return sitemap.replace(/(\.xml)?$/, `-${index + 1}.xml`);
}

/** A content-hashed asset of the plugin's: `/newsroom/newsroom.1a2b3c4d5e.css`. */
export function assetUrl(mount: string, name: string, hash: string, ext: string): string {
  return `${assetFolder(mount)}${name}.${hash}${ext}`;
}

export function assetFolder(mount: string): string {
  return `${mount}newsroom/`;
}

export function searchIndexFolder(mount: string): string {
  return `${mount}pagefind/`;
}

/** The search index of earlier years' releases, inside the main one: a folder the site owns already. */
export function searchArchiveFolder(mount: string): string {
  return `${searchIndexFolder(mount)}archive/`;
}

/** The links of a locale's header and footer: its home, each kind of term, search. */
export function sectionUrls(base: string): Record<"home" | TermKind | "search", string> {
  return {
    home: base,
    people: termIndexUrl(base, "people"),
    organisations: termIndexUrl(base, "organisations"),
    places: termIndexUrl(base, "places"),
    tags: termIndexUrl(base, "tags"),
    search: searchUrl(base),
  };
}

/**
 * `/ru/2025/12/x/` → `ru`; under a mount, `/press/kk/` → `kk`; any other path → the default locale.
 * Read from the URL rather than set on every page as `page.lang`: a guest plugin leaves the site's
 * own pages' data alone (Eleventy's previous/next filters change course when `page.lang` is set).
 */
export function localeOfUrl(url: unknown, options: Pick<ResolvedOptions, "mount" | "locales" | "defaultLocale">): string {
  if (typeof url === "string" && url.startsWith(options.mount)) {
    const first = url.slice(options.mount.length).split("/")[0];
    if (first !== undefined && options.locales.includes(first)) return first;
  }
  return options.defaultLocale;
}

/** The locale a filter or shortcode speaks: the one it is given, else its page's, else the default. */
export function localeFor(url: unknown, explicit: unknown, options: Pick<ResolvedOptions, "mount" | "locales" | "defaultLocale" | "dictionaries">): string {
  const lang = typeof explicit === "string" && explicit !== "" ? explicit : localeOfUrl(url, options);
  return options.dictionaries[lang] ? lang : options.defaultLocale;
}
