// sitemap.xml (an index of several past the protocol's limit), Google News sitemaps and robots.txt.
import { DateTime } from "luxon";
import type { BuiltIndex, PageItem } from "../model/types.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { absolute } from "./structured-data.ts";
import { chunk } from "../model/taxonomy.ts";
import { escapeXml } from "./xml.ts";
import { newsSitemapUrl, pageUrl, sitemapPartUrl } from "../model/urls.ts";
import { lastChange } from "../model/releases.ts";

export interface SitemapUrl {
  url: string;
  lastmod?: string;
}

export interface SitemapFile {
  /** Site path of the file. */
  url: string;
  kind: "urlset" | "index" | "news";
  urls: SitemapUrl[];
  locale?: string;
  news?: { url: string; title: string; published: string }[];
}

const NEWS_WINDOW_HOURS = 48;
const NEWS_LIMIT = 1000;


/** Every page a crawler should know, each with the date it last changed where that is known. */
function sitemapUrls(index: BuiltIndex, others: PageItem[], options: ResolvedOptions, home: string | false = "/"): SitemapUrl[] {
  const urls = new Map<string, string | undefined>();
  for (const item of index.releases) urls.set(item.url, item.data.release!.updated ?? item.data.release!.published);
  for (const locale of options.locales) {
    const items = index.byLocale[locale] ?? [];
    const pages = Math.max(1, Math.ceil(items.length / options.perPage));
    for (let i = 0; i < pages; i++) urls.set(pageUrl(options.base(locale), i), lastChange(items.slice(i * options.perPage, (i + 1) * options.perPage)));
  }
  if (home !== false && !urls.has(home)) urls.set(home, lastChange(index.byLocale[options.defaultLocale] ?? []));
  for (const page of [...index.termPages, ...index.archivePages]) urls.set(page.url, lastChange(page.items));
  for (const page of index.termIndexes) urls.set(page.url, lastChange(page.terms.flatMap((t) => t.items.slice(0, 1))));
  for (const item of others) {
    if (typeof item.url !== "string" || !(item.url.endsWith("/") || item.url.endsWith(".html")) || item.data.sitemap === false) continue;
    // A page's date is its file's creation time unless its data gives one: only a given date is a lastmod.
    urls.set(item.url, item.data.date !== undefined ? DateTime.fromJSDate(item.date, { zone: options.timeZone }).toISO({ suppressMilliseconds: true })! : undefined);
  }
  return [...urls].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([url, lastmod]) => ({ url, lastmod }));
}

/**
 * The sitemap (split into parts under an index past `sitemapSize` URLs, `sitemap-1.xml` … beside it)
 * and the news sitemaps. `sitemapUrl` false writes only the news sitemaps.
 */
export function sitemapFiles(
  index: BuiltIndex,
  others: PageItem[],
  options: ResolvedOptions,
  now: DateTime | undefined,
  sitemapUrl: string | false = "/sitemap.xml",
  home: string | false = "/",
): SitemapFile[] {
  const urls = sitemapUrls(index, others, options, home);
  const files: SitemapFile[] = [];
  if (sitemapUrl === false) {
    // No sitemap of the plugin's own.
  } else if (urls.length <= options.sitemapSize) {
    files.push({ url: sitemapUrl, kind: "urlset", urls });
  } else {
    const part = (i: number) => sitemapPartUrl(sitemapUrl, i);
    const parts = chunk(urls, options.sitemapSize);
    parts.forEach((urls, i) => files.push({ url: part(i), kind: "urlset", urls }));
    files.push({
      url: sitemapUrl,
      kind: "index",
      urls: parts.map((p, i) => ({ url: part(i), lastmod: p.reduce<string | undefined>((m, u) => (u.lastmod && (!m || Date.parse(u.lastmod) > Date.parse(m)) ? u.lastmod : m), undefined) })),
    });
  }
  if (now) {
    const from = now.minus({ hours: NEWS_WINDOW_HOURS }).toMillis();
    const to = now.toMillis();
    for (const locale of options.locales) {
      const news = (index.byLocale[locale] ?? [])
        .filter((item) => {
          const t = Date.parse(item.data.release!.published);
          return t > from && t <= to;
        })
        .slice(0, NEWS_LIMIT)
        .map((item) => ({ url: item.url, title: item.data.release!.title, published: item.data.release!.published }));
      if (news.length > 0) files.push({ url: newsSitemapUrl(options.base(locale)), kind: "news", locale, urls: [], news });
    }
  }
  return files;
}

export function renderSitemap(file: SitemapFile, options: ResolvedOptions): string {
  const abs = (p: string) => escapeXml(absolute(options, p));
  const lastmod = (u: SitemapUrl) => (u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : "");
  const head = `<?xml version="1.0" encoding="UTF-8"?>`;
  if (file.kind === "index") {
    return [head, `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, ...file.urls.map((u) => `<sitemap><loc>${abs(u.url)}</loc>${lastmod(u)}</sitemap>`), `</sitemapindex>`, ""].join("\n");
  }
  if (file.kind === "news") {
    return [
      head,
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`,
      ...file.news!.map(
        (n) =>
          `<url><loc>${abs(n.url)}</loc><news:news><news:publication><news:name>${escapeXml(options.identity(file.locale!).siteName)}</news:name><news:language>${escapeXml(file.locale)}</news:language></news:publication><news:publication_date>${escapeXml(n.published)}</news:publication_date><news:title>${escapeXml(n.title)}</news:title></news:news></url>`,
      ),
      `</urlset>`,
      "",
    ].join("\n");
  }
  return [head, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`, ...file.urls.map((u) => `<url><loc>${abs(u.url)}</loc>${lastmod(u)}</url>`), `</urlset>`, ""].join("\n");
}

/** The `Sitemap:` lines for the plugin's sitemap (or its index) and news sitemaps. */
export function sitemapLines(files: SitemapFile[], options: ResolvedOptions): string[] {
  const parts = new Set(files.filter((f) => f.kind === "index").flatMap((f) => f.urls.map((u) => u.url)));
  return files.filter((f) => !parts.has(f.url)).map((f) => `Sitemap: ${absolute(options, f.url)}`);
}

export function renderRobots(files: SitemapFile[], options: ResolvedOptions): string {
  return ["User-agent: *", "Allow: /", "", ...sitemapLines(files, options), ""].join("\n");
}
