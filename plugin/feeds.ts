// Atom, RSS 2.0 and JSON Feed 1.1 for each locale and each tag: full content, absolute URLs, zoned dates.
import { dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import type { IndexAccess } from "./collections.ts";
import { remember } from "./memo.ts";
import type { CollectionItem, EleventyConfig } from "./eleventy.ts";
import type { ResolvedOptions } from "./options.ts";
import type { Release } from "./releases.ts";
import { absolute } from "./structured-data.ts";
import { escapeXml } from "./xml.ts";
import { escapeHtml } from "./escape.ts";
import { indexPages, VIRTUAL } from "./guest.ts";
import { fileOfUrl } from "./manifest.ts";

export const FEED_FILES = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" } as const;
export type FeedFormat = keyof typeof FEED_FILES;

export interface Feed {
  locale: string;
  /** Site path of the page the feed follows: `/ru/` or `/ru/tags/eksport/`. */
  base: string;
  title: string;
  description: string;
  items: CollectionItem[];
  /** ISO instant of the newest change in the feed; the newest release when empty. */
  updated: string;
}

export interface FeedEntry {
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: string;
  updated: string;
  tags: string[];
  lang: string;
  image?: { url: string; alt: string };
}

// The same release sits in many feeds; the RSS plugin's formatter builds an Intl formatter each call.
const rfc822Of = remember(
  (iso: string, zone: string) => `${iso}|${zone}`,
  (iso, zone) => dateToRfc822(iso, zone),
);

const newest = (items: CollectionItem[]) =>
  items.reduce<string | undefined>((max, item) => {
    const r = item.data.release!;
    const t = r.updated ?? r.published;
    return max === undefined || Date.parse(t) > Date.parse(max) ? t : max;
  }, undefined);

/** The site's feed in each locale, and one for each tag with releases. */
export function feedsOf(index: NonNullable<ReturnType<IndexAccess["current"]>>, options: ResolvedOptions): Feed[] {
  const feeds: Feed[] = [];
  const fallback = newest(index.releases) ?? "1970-01-01T00:00:00Z";
  for (const locale of options.locales) {
    const strings = options.dictionaries[locale]!.strings;
    const items = (index.byLocale[locale] ?? []).slice(0, options.feedLength);
    feeds.push({ locale, base: options.base(locale), title: `${options.siteName}: ${strings.releases}`, description: strings.allReleases, items, updated: newest(items) ?? fallback });
  }
  for (const page of index.termPages) {
    if (page.term.kind !== "tags" || page.pager.pageNumber !== 0) continue;
    const strings = options.dictionaries[page.locale]!.strings;
    const items = page.term.items.slice(0, options.feedLength);
    feeds.push({ locale: page.locale, base: page.term.url, title: `${options.siteName}: ${page.term.name}`, description: `${strings.tags}: ${page.term.name}`, items, updated: newest(items) ?? fallback });
  }
  return feeds;
}

export function entryOf(item: CollectionItem, contentHtml: string, options: ResolvedOptions): FeedEntry {
  const r = item.data.release as Release;
  return {
    url: absolute(options, item.url),
    title: r.title,
    summary: r.lead,
    contentHtml,
    published: r.published,
    updated: r.updated ?? r.published,
    tags: r.tags,
    lang: r.lang,
    image: r.image ? { url: absolute(options, r.image.src), alt: r.image.alt } : undefined,
  };
}

// A release's escaped body is the same in every Atom and RSS feed it is in.
const escapedBody = remember((html: string) => html, escapeXml, 50_000);

/**
 * Feed readers read RSS 2.0's text elements (titles, descriptions, categories) as HTML, and many
 * read Atom's titles the same whatever their type says; so that text is escaped for HTML, then for
 * XML (and Atom's is declared `type="html"`): a topic named `<img onerror=…>` stays words.
 */
const rssText = (value: string) => escapeXml(escapeHtml(value));

export function atomFeed(feed: Feed, entries: FeedEntry[], options: ResolvedOptions): string {
  const self = absolute(options, `${feed.base}${FEED_FILES.atom}`);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.locale)}">`,
    `<id>${escapeXml(self)}</id>`,
    `<title type="html">${rssText(feed.title)}</title>`,
    `<subtitle type="html">${rssText(feed.description)}</subtitle>`,
    `<updated>${escapeXml(feed.updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absolute(options, feed.base))}"/>`,
    `<author><name>${escapeXml(options.publisher.name)}</name><uri>${escapeXml(options.publisher.url)}</uri></author>`,
  ];
  for (const e of entries) {
    lines.push(
      `<entry>`,
      `<id>${escapeXml(e.url)}</id>`,
      `<title type="html">${rssText(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `<published>${escapeXml(e.published)}</published>`,
      `<updated>${escapeXml(e.updated)}</updated>`,
      `<summary type="html">${rssText(e.summary)}</summary>`,
      `<content type="html">${escapedBody(e.contentHtml)}</content>`,
      ...e.tags.map((t) => `<category term="${escapeXml(t)}"/>`),
      `</entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}


export function rssFeed(feed: Feed, entries: FeedEntry[], options: ResolvedOptions): string {
  const self = absolute(options, `${feed.base}${FEED_FILES.rss}`);
  // The RSS plugin's RFC 822 filter, given the site's zone: "Tue, 16 Dec 2025 00:00:00 +0500".
  const rfc822 = (iso: string) => rfc822Of(iso, options.timeZone);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">`,
    `<channel>`,
    `<title>${rssText(feed.title)}</title>`,
    `<link>${escapeXml(absolute(options, feed.base))}</link>`,
    `<description>${rssText(feed.description)}</description>`,
    `<language>${escapeXml(feed.locale)}</language>`,
    `<lastBuildDate>${escapeXml(rfc822(feed.updated))}</lastBuildDate>`,
    `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
  ];
  for (const e of entries) {
    lines.push(
      `<item>`,
      `<title>${rssText(e.title)}</title>`,
      `<link>${escapeXml(e.url)}</link>`,
      `<guid isPermaLink="true">${escapeXml(e.url)}</guid>`,
      `<pubDate>${escapeXml(rfc822(e.published))}</pubDate>`,
      `<description>${rssText(e.summary)}</description>`,
      `<content:encoded>${escapedBody(e.contentHtml)}</content:encoded>`,
      ...e.tags.map((t) => `<category>${rssText(t)}</category>`),
      `</item>`,
    );
  }
  lines.push(`</channel>`, `</rss>`, "");
  return lines.join("\n");
}

export function jsonFeed(feed: Feed, entries: FeedEntry[], options: ResolvedOptions): string {
  const doc = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: absolute(options, feed.base),
    feed_url: absolute(options, `${feed.base}${FEED_FILES.json}`),
    description: feed.description,
    language: feed.locale,
    authors: [{ name: options.publisher.name, url: options.publisher.url }],
    items: entries.map((e) => ({
      id: e.url,
      url: e.url,
      // Plain text: JSON Feed titles are not HTML, so nothing here is entity-escaped.
      title: e.title,
      summary: e.summary,
      content_html: e.contentHtml,
      date_published: e.published,
      date_modified: e.updated,
      ...(e.tags.length ? { tags: e.tags } : {}),
      language: e.lang,
      ...(e.image ? { image: e.image.url } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const RENDER: Record<FeedFormat, typeof atomFeed> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

export function addFeeds(eleventyConfig: EleventyConfig, options: ResolvedOptions, index: IndexAccess): void {
  if (!options.feeds) return;
  const feeds = () => index.changes.pagesToRender("feed", feedsOf(index.current()!, options));

  // A release sits in several feeds; make its absolute-URL content once per build.
  let absoluteContent = new Map<string, Promise<string>>();
  eleventyConfig.on("eleventy.before", () => {
    absoluteContent = new Map();
  });

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    eleventyConfig.addTemplate(`${VIRTUAL}feed-${format}.11ty.js`, {
      data: indexPages("feed", feeds, { permalink: (data: { feed: Feed }) => `${data.feed.base}${FEED_FILES[format]}` }),
      async render(this: { transformWithHtmlBase(html: string, base: string, pageUrl: string): Promise<string> }, data: { feed: Feed }) {
        const entries = await Promise.all(
          data.feed.items.map(async (item) => {
            let html = absoluteContent.get(item.inputPath);
            if (!html) {
              // Eleventy's HTML base plugin makes every URL in the body absolute, as feed readers need.
              html = this.transformWithHtmlBase(String((item as unknown as { content: string }).content ?? ""), `${options.siteUrl}/`, item.url);
              // (The filter adds Eleventy's pathPrefix itself.)
              absoluteContent.set(item.inputPath, html);
            }
            return entryOf(item, await html, options);
          }),
        );
        return RENDER[format](data.feed, entries, options);
      },
    });
  }
}

/**
 * Every file of the plugin's pages that a rebuild under --serve may leave unrendered (term, index
 * and archive pages, feeds), and the search folder: what the manifest keeps besides what Eleventy
 * lists as written.
 */
export function ownedFiles(index: IndexAccess, options: ResolvedOptions): { files: string[]; folders: string[] } {
  const built = index.current();
  const files: string[] = [];
  if (built) {
    for (const page of [...built.termPages, ...built.termIndexes, ...built.archivePages]) files.push(fileOfUrl(page.url));
    if (options.feeds) for (const feed of feedsOf(built, options)) for (const name of Object.values(FEED_FILES)) files.push(fileOfUrl(`${feed.base}${name}`));
  }
  return { files, folders: options.search ? [`${options.mount.slice(1)}pagefind/`] : [] };
}
