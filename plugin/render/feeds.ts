// Atom, RSS 2.0 and JSON Feed 1.1 for each locale and each tag: full content, absolute URLs, zoned dates.
import { dateToRfc822 } from "@11ty/eleventy-plugin-rss";
import type { BuiltIndex, PageItem } from "../model/types.ts";
import { remember } from "../model/memo.ts";
import type { ResolvedOptions } from "../model/options.ts";
import type { Release } from "../model/releases.ts";
import { absolute } from "./structured-data.ts";
import { escapeXml } from "./xml.ts";
import { escapeHtml } from "./escape.ts";
import { feedUrl, type FeedFormat } from "../model/urls.ts";
import { lastChange } from "../model/releases.ts";
import { topicName } from "../model/registries.ts";
import type { Registries } from "../model/schema.ts";

export { FEED_FILES, type FeedFormat } from "../model/urls.ts";

export interface Feed {
  locale: string;
  /** Site path of the page the feed follows: `/ru/` or `/ru/tags/eksport/`. */
  base: string;
  title: string;
  description: string;
  items: PageItem[];
  /** ISO instant of the newest change in the feed; the newest release when empty. */
  updated: string;
  /** The formats it is written in. */
  formats: readonly FeedFormat[];
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
  /** Who signs it: the release's byline, or the publisher. */
  author: string;
}

// The same release sits in many feeds; the RSS plugin's formatter builds an Intl formatter each call.
const rfc822Of = remember(
  (iso: string, zone: string) => `${iso}|${zone}`,
  (iso, zone) => dateToRfc822(iso, zone),
);


/** The site-wide feed of a locale, in each format: a reader or aggregator takes the one it reads best. */
export const SITE_FEED_FORMATS: readonly FeedFormat[] = ["atom", "rss", "json"];
/**
 * A tag's feed, in Atom only: every feed reader reads Atom, and a tag page links its feed for
 * discovery. Three formats of 200 tags' full-text feeds were a third of the output's bytes at 5,000
 * releases (90 of 302 MB) and 400 pages of the build, for no reader.
 */
export const TAG_FEED_FORMATS: readonly FeedFormat[] = ["atom"];

/** The site's feed in each locale, and one for each tag with releases. */
export function feedsOf(index: BuiltIndex, options: ResolvedOptions): Feed[] {
  const feeds: Feed[] = [];
  const fallback = lastChange(index.releases) ?? "1970-01-01T00:00:00Z";
  for (const locale of options.locales) {
    const strings = options.dictionaries[locale]!.strings;
    const items = (index.byLocale[locale] ?? []).slice(0, options.feedLength);
    feeds.push({ locale, base: options.base(locale), title: `${options.identity(locale).siteName}: ${strings.releases}`, description: strings.allReleases, items, updated: lastChange(items) ?? fallback, formats: SITE_FEED_FORMATS });
  }
  for (const page of index.termPages) {
    if (page.term.kind !== "tags" || page.pager.pageNumber !== 0) continue;
    const strings = options.dictionaries[page.locale]!.strings;
    const items = page.term.items.slice(0, options.feedLength);
    feeds.push({ locale: page.locale, base: page.term.url, title: `${options.identity(page.locale).siteName}: ${page.term.name}`, description: `${strings.tags}: ${page.term.name}`, items, updated: lastChange(items) ?? fallback, formats: TAG_FEED_FORMATS });
  }
  return feeds;
}

export function entryOf(item: PageItem, contentHtml: string, options: ResolvedOptions, registries?: Registries): FeedEntry {
  const r = item.data.release as Release;
  return {
    url: absolute(options, item.url),
    title: r.title,
    summary: r.lead,
    contentHtml,
    published: r.published,
    updated: r.updated ?? r.published,
    // A listed topic by its name in the release's language.
    tags: registries ? r.tags.map((k) => topicName(registries, k, r.lang, options.defaultLocale)) : r.tags,
    lang: r.lang,
    image: r.image ? { url: absolute(options, r.image.src), alt: r.image.alt } : undefined,
    // The release's own byline where it has one; otherwise the publisher signs it.
    author: r.byline ?? options.identity(r.lang).publisher.name,
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

function atomFeed(feed: Feed, entries: FeedEntry[], options: ResolvedOptions): string {
  const self = absolute(options, feedUrl(feed.base, "atom"));
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.locale)}">`,
    `<id>${escapeXml(self)}</id>`,
    `<title type="html">${rssText(feed.title)}</title>`,
    `<subtitle type="html">${rssText(feed.description)}</subtitle>`,
    `<updated>${escapeXml(feed.updated)}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(absolute(options, feed.base))}"/>`,
    `<author><name>${escapeXml(options.identity(feed.locale).publisher.name)}</name><uri>${escapeXml(options.identity(feed.locale).publisher.url)}</uri></author>`,
  ];
  for (const e of entries) {
    lines.push(
      `<entry>`,
      `<id>${escapeXml(e.url)}</id>`,
      `<title type="html">${rssText(e.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `<published>${escapeXml(e.published)}</published>`,
      `<updated>${escapeXml(e.updated)}</updated>`,
      `<author><name>${escapeXml(e.author)}</name></author>`,
      `<summary type="html">${rssText(e.summary)}</summary>`,
      `<content type="html">${escapedBody(e.contentHtml)}</content>`,
      ...e.tags.map((t) => `<category term="${escapeXml(t)}"/>`),
      `</entry>`,
    );
  }
  lines.push(`</feed>`, "");
  return lines.join("\n");
}


function rssFeed(feed: Feed, entries: FeedEntry[], options: ResolvedOptions): string {
  const self = absolute(options, feedUrl(feed.base, "rss"));
  // The RSS plugin's RFC 822 filter, given the site's zone: "Tue, 16 Dec 2025 00:00:00 +0500".
  const rfc822 = (iso: string) => rfc822Of(iso, options.timeZone);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
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
      // RSS's own <author> wants an e-mail address; Dublin Core's creator takes a name.
      `<dc:creator>${rssText(e.author)}</dc:creator>`,
      `<description>${rssText(e.summary)}</description>`,
      `<content:encoded>${escapedBody(e.contentHtml)}</content:encoded>`,
      ...e.tags.map((t) => `<category>${rssText(t)}</category>`),
      `</item>`,
    );
  }
  lines.push(`</channel>`, `</rss>`, "");
  return lines.join("\n");
}

function jsonFeed(feed: Feed, entries: FeedEntry[], options: ResolvedOptions): string {
  const { publisher } = options.identity(feed.locale);
  const doc = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: absolute(options, feed.base),
    feed_url: absolute(options, feedUrl(feed.base, "json")),
    description: feed.description,
    language: feed.locale,
    authors: [{ name: publisher.name, url: publisher.url }],
    // The publisher's logo stands for the feed in readers' lists.
    ...(publisher.logo ? { icon: absolute(options, publisher.logo), favicon: absolute(options, publisher.logo) } : {}),
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
      authors: [{ name: e.author }],
      ...(e.image ? { image: e.image.url } : {}),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export const RENDER: Record<FeedFormat, typeof atomFeed> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };
