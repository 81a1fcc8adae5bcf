// Filters for templates: localised dates and numbers, slugs, the layouts' strings and absolute URLs.
// Every name carries the `newsroom` prefix: a plugin's filter would silently replace a site's own.
import { createDateFormatter, formatDate, isoDate, toDateTime } from "../model/dates.ts";
import type { EleventyConfig } from "./config.ts";
import { interpolate, type StringKey } from "../model/locales/index.ts";
import { formatNumber, type Notation } from "../model/numbers.ts";
import type { ResolvedOptions } from "../model/options.ts";
import type { Slugger } from "../model/slug.ts";
import { countLabel, pageLinks, type PageLink } from "../model/taxonomy.ts";
import { absolute } from "../render/structured-data.ts";
import { FEED_FILES, feedUrl, localeFor, localeOfUrl, type FeedFormat } from "../model/urls.ts";
import { rememberEach } from "../model/memo.ts";
import { escapeHtml } from "../render/escape.ts";
import { typeset } from "../render/typography.ts";

interface FilterThis {
  page?: { url?: unknown; inputPath?: string };
}

function createFilters(options: ResolvedOptions, slug: Slugger, siteCard: () => boolean, cards: () => Map<string, string>) {
  // A page's locale, read from its URL once: a list page calls these filters for each of its releases.
  const localeOfPage = rememberEach((url: string) => localeFor(url, undefined, options));
  const localeOf = (self: FilterThis | undefined, explicit?: unknown) => {
    if (typeof explicit === "string" && explicit !== "") return localeFor(undefined, explicit, options);
    const url = self?.page?.url;
    return typeof url === "string" ? localeOfPage(url) : localeFor(url, undefined, options);
  };
  const dictionary = (self: FilterThis | undefined, explicit?: unknown) => options.dictionaries[localeOf(self, explicit)]!;
  const dateText = createDateFormatter(options.timeZone);
  // A lead is set once, not on every list, term page and feed that shows it (1.4 s at 5,000 releases),
  // and found again by the lead's own string, not by a key joined and hashed on each call.
  const typesetText = rememberEach((locale: string, text: string) => typeset(escapeHtml(text), locale));
  /** Where a release's card is remembered for this page's language; none for a site's own card. */
  const cardKey = (self: FilterThis | undefined, item: unknown): string | undefined => {
    const url = (item as { url?: unknown } | undefined)?.url;
    return !siteCard() && typeof url === "string" ? `${localeOf(self)} ${url}` : undefined;
  };
  /** The release's card as this build remembers it for the page's language. */
  const cardOf = (self: FilterThis | undefined, item: unknown): string | undefined => {
    const key = cardKey(self, item);
    return key === undefined ? undefined : cards().get(key);
  };

  return {
    /** `16 декабря 2025`, `2025 жылғы 16 желтоқсан`, `16 December 2025`, in the site's zone. */
    newsroomDate(this: FilterThis | undefined, value: unknown, locale?: string, pattern?: string): string {
      const d = dictionary(this, locale);
      const how = pattern ?? d.dateFormat;
      if (typeof value === "string") {
        const text = dateText(value, localeOf(this, locale), how);
        if (text !== undefined) return text;
      }
      return formatDate(toDateTime(value, options.timeZone, "newsroomDate"), localeOf(this, locale), options.timeZone, how);
    },
    /** ISO 8601 with the zone's offset: `2025-12-16T00:00:00+05:00`. */
    newsroomIsoDate(value: unknown): string {
      return isoDate(toDateTime(value, options.timeZone, "newsroomIsoDate"));
    },
    newsroomNumber(this: FilterThis | undefined, value: unknown, notation: Notation = "full", locale?: string): string {
      const n = typeof value === "number" ? value : Number(value);
      if (!Number.isFinite(n)) throw new Error(`[newsroom] the "newsroomNumber" filter got ${JSON.stringify(value)}, not a number`);
      return formatNumber(n, localeOf(this, locale), notation).text;
    },
    newsroomSlug(this: FilterThis | undefined, value: unknown, locale?: string): string {
      return slug(value, localeOf(this, locale));
    },
    /** A string of the layouts' dictionary in the page's locale: `{{ "keyFigures" | newsroomT }}`. */
    newsroomT(this: FilterThis | undefined, key: StringKey, values?: Record<string, string | number>, locale?: string): string {
      const text = dictionary(this, locale).strings[key];
      if (typeof text !== "string") {
        throw new Error(`[newsroom] no string "${key}" for locale "${localeOf(this, locale)}": add it under strings: { ${localeOf(this, locale)}: { strings: { ${key}: "…" } } }`);
      }
      return values ? interpolate(text, values) : text;
    },
    /** "3 пресс-релиза", "1 press release": a count of releases in the page's language. */
    newsroomCount(this: FilterThis | undefined, count: unknown, locale?: string): string {
      const n = Number(count);
      return countLabel(n, dictionary(this, locale).strings.releaseCount, localeOf(this, locale));
    },
    /**
     * Text escaped for HTML, then set in its locale's typography; print it with `safe`:
     * `{{ release.lead | newsroomTypeset(release.lang) | safe }}`. Attributes and JSON-LD keep the author's text.
     */
    newsroomTypeset(this: FilterThis | undefined, value: unknown, locale?: string): string {
      const lang = localeOf(this, locale);
      return typeof value === "string" ? typesetText(lang, value) : typeset(escapeHtml(value), lang);
    },
    /**
     * A release's card, rendered once per build and language and reused on every list that shows it:
     * a release sits on a dozen lists (its tags, people, organisations, place, month, year, related),
     * and at 5,000 releases the same cards rendered 75,000 times took 0.7 s. The plugin's card shows
     * the release alone; a site's own `release-card.njk` may show the page it is on, so it is
     * rendered on each list, as an include is. `{% set card = item | newsroomCardOf %}` gives the
     * card remembered for this page's language, or "".
     */
    newsroomCardOf(this: FilterThis | undefined, item: unknown): string {
      return cardOf(this, item) ?? "";
    },
    /**
     * A list's items as the list partial writes them, each in its `<li>`, when every card is
     * remembered already; otherwise "" and the partial renders them one by one. Most lists show
     * releases whose cards an earlier list rendered: Nunjucks spent 4 µs an item looking each one
     * up (75,000 at 5,000 releases).
     */
    newsroomCardList(this: FilterThis | undefined, items: unknown): string {
      if (!Array.isArray(items)) return "";
      let out = "";
      for (const item of items) {
        const card = cardOf(this, item);
        if (!card) return "";
        out += `\n<li class="newsroom-list__item">\n${card}\n</li>`;
      }
      return out;
    },
    /** `{{ html | newsroomKeepCard(item) }}` remembers the card just rendered, and returns it. */
    newsroomKeepCard(this: FilterThis | undefined, html: unknown, item: unknown): unknown {
      const key = cardKey(this, item);
      if (key && typeof html === "string") cards().set(key, html);
      return html;
    },
    /**
     * The links a pager shows: `{% for link in pager | newsroomPageLinks %}`, each `{ number, href,
     * current }` or `{ gap: true }`: the first and last pages and two either side of the current one.
     */
    newsroomPageLinks(pager: unknown): PageLink[] {
      const p = pager as { pageNumber?: unknown; hrefs?: unknown } | undefined;
      if (!p || !Array.isArray(p.hrefs) || typeof p.pageNumber !== "number") return [];
      return pageLinks(p.pageNumber, p.hrefs as string[]);
    },
    /** A list's feed URL: `{{ termPage.term.url | newsroomFeedUrl("atom") }}`. */
    newsroomFeedUrl(listUrl: unknown, format: unknown = "atom"): string {
      if (typeof format !== "string" || !(format in FEED_FILES)) throw new Error(`[newsroom] the "newsroomFeedUrl" filter got the format ${JSON.stringify(format)}: write "atom", "rss" or "json"`);
      return feedUrl(String(listUrl ?? ""), format as FeedFormat);
    },
    /** The locale of a site path, for layouts: `{% set newsroomLang = page.url | newsroomLocale %}`. */
    newsroomLocale(value: unknown): string {
      return localeOfUrl(value, options);
    },
    /** `/ru/…` → `https://press.example.kz/ru/…`, for canonical links, feeds and structured data. */
    newsroomAbsoluteUrl(value: unknown): string {
      // siteUrl may carry a path of its own (https://gov.kz/press), so join rather than resolve.
      return absolute(options, String(value ?? "/"));
    },
  };
}

export function addFilters(eleventyConfig: EleventyConfig, options: ResolvedOptions, slug: Slugger, siteCard: () => boolean): void {
  // The release cards of one build: a release's card changes with it between builds under --serve.
  let cards = new Map<string, string>();
  eleventyConfig.on("eleventy.before", () => {
    cards = new Map();
  });
  for (const [name, fn] of Object.entries(createFilters(options, slug, siteCard, () => cards))) eleventyConfig.addFilter(name, fn);
}
