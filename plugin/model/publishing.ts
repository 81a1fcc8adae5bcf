// The publishing policy: which releases a build holds back (drafts, embargoes, schedules, and
// translations of any of those), and which URLs a release may not take.
import type { DateTime } from "luxon";
import { parseDate } from "./dates.ts";
import type { Problem } from "./errors.ts";
import type { ResolvedOptions } from "./options.ts";
import type { Release } from "./releases.ts";
import { OWN_KEYS, RELEASE_URL } from "./schema.ts";

export type Hold = "draft" | "embargo" | "scheduled";

/** Why a checked release is not published at `now`, or undefined when it is. */
export function holdOf(release: Pick<Release, "embargo" | "published">, now: DateTime): Hold | undefined {
  if (release.embargo !== undefined && Date.parse(release.embargo) > now.toMillis()) return "embargo";
  // A release dated after the clock is scheduled: the first build after its date publishes it.
  if (Date.parse(release.published) > now.toMillis()) return "scheduled";
  return undefined;
}

/** The same, for a release's front matter as written (an original that may not be checked yet). */
export function rawHoldOf(fm: Record<string, unknown>, now: DateTime, drafts: boolean, zone: string): Hold | undefined {
  if (fm.draft === true && !drafts) return "draft";
  const embargo = fm.embargo === undefined || fm.embargo === null ? undefined : parseDate(fm.embargo, zone);
  if (embargo && embargo > now) return "embargo";
  const date = parseDate(fm.date, zone);
  if (date && date > now) return "scheduled";
  return undefined;
}

/**
 * Every release's front matter as read, by file: a translation is held back with its original,
 * whose data Eleventy reads before any release is preprocessed, but in no particular order. Each
 * translation finds its original in an index by translation key and locale, made again only after a
 * file is read or dropped: a walk over every file for every translation cost a bilingual archive of
 * 20,000 releases 100 million comparisons a build.
 */
export class ReleaseFrontMatter extends Map<string, Record<string, unknown>> {
  private originals?: { defaultLocale: string; byKey: Map<string, Record<string, unknown>> };
  override set(file: string, fm: Record<string, unknown>): this {
    this.originals = undefined;
    return super.set(file, fm);
  }
  override delete(file: string): boolean {
    this.originals = undefined;
    return super.delete(file);
  }
  override clear(): void {
    this.originals = undefined;
    super.clear();
  }
  /** The first front matter, in the order read, with this translation key in this locale. */
  original(translationKey: string, locale: string, defaultLocale: string): Record<string, unknown> | undefined {
    if (this.originals?.defaultLocale !== defaultLocale) {
      const byKey = new Map<string, Record<string, unknown>>();
      for (const fm of this.values()) {
        const lang = fm.lang ?? defaultLocale;
        if (typeof fm.translationKey !== "string" || typeof lang !== "string") continue;
        const key = `${fm.translationKey}\0${lang}`;
        if (!byKey.has(key)) byKey.set(key, fm);
      }
      this.originals = { defaultLocale, byKey };
    }
    return this.originals.byKey.get(`${translationKey}\0${locale}`);
  }
}

/**
 * The front matter of the release a translation was made from: the one sharing its
 * `translationKey` in the `translatedFrom` locale. Undefined for an original, and for a translation
 * that sets its own `draft` or `embargo` (then its own word holds).
 */
export function originalOf(
  release: Pick<Release, "translationKey" | "translatedFrom">,
  data: Record<string, unknown>,
  frontMatter: ReleaseFrontMatter,
  defaultLocale: string,
): Record<string, unknown> | undefined {
  if (release.translatedFrom === undefined || release.translationKey === undefined) return undefined;
  const own = data[OWN_KEYS];
  if (Array.isArray(own) && (own.includes("draft") || own.includes("embargo"))) return undefined;
  return frontMatter.original(release.translationKey, release.translatedFrom, defaultLocale);
}

/**
 * A release's own `permalink`, if it has one, may not leave the output folder nor take a file the
 * plugin writes (`_headers`, the search index, a feed, a sitemap): the plugin's file would silently
 * replace the release, which would still be listed in feeds and sitemaps.
 */
export function checkPermalink(permalink: unknown, file: string, options: Pick<ResolvedOptions, "mount" | "files">): Problem[] {
  if (typeof permalink !== "string" || permalink === RELEASE_URL) return [];
  const bad = (message: string, fix = 'write a site path of its own that ends in "/", e.g. permalink: /ru/press/turkestan-visit/, or leave permalink out') => [
    { file, field: "permalink", message: `is ${JSON.stringify(permalink)}, which ${message}`, fix },
  ];
  if (/[{][{%]/.test(permalink)) return bad("is a template", "write the path itself, or leave permalink out for the release's own URL");
  if (/^[a-z][a-z0-9+.-]*:/i.test(permalink) || permalink.includes("\\")) return bad("is not a site path");
  const segments = permalink.split("/");
  if (segments.includes("..") || segments.includes(".")) return bad("leaves the output folder");
  const site = `/${permalink.replace(/^\/+/, "")}`;
  if (!(site.endsWith("/") || site.endsWith(".html"))) return bad("is not a page (a release's URL ends in / or .html)");
  const reserved = [
    "/_headers",
    "/_redirects",
    "/robots.txt",
    `${options.mount}newsroom/`,
    `${options.mount}pagefind/`,
    ...[options.files.notFound, options.files.sitemap].filter((f): f is string => typeof f === "string"),
  ];
  const taken = reserved.find((r) => (r.endsWith("/") ? site.startsWith(r) : site === r));
  if (taken !== undefined) return bad(`is the plugin's own ${taken}`);
  return [];
}

/**
 * Why a release is held back at `now`, or undefined when it is published: its own `draft`, its
 * embargo or date, or the hold of the original it translates (`draftsShown` as under --serve).
 */
export function holdOfRelease(
  release: Release,
  data: Record<string, unknown>,
  frontMatter: ReleaseFrontMatter,
  now: DateTime,
  draftsShown: boolean,
  options: Pick<ResolvedOptions, "defaultLocale" | "timeZone">,
): Hold | undefined {
  const original = originalOf(release, data, frontMatter, options.defaultLocale);
  return (data.draft === true ? "draft" : undefined) ?? holdOf(release, now) ?? (original ? rawHoldOf(original, now, draftsShown, options.timeZone) : undefined);
}
