// Releases: front matter checked and normalised once per build, and the `releases` collection.
import { DateTime } from "luxon";
import { parseDate, isoDate, isoDateIn } from "./dates.ts";
import type { Problem } from "./errors.ts";
import type { ResolvedOptions } from "./options.ts";
import { FIXES, OWN_KEYS, RELEASE_FIELDS, releaseSchema, type ParsedRelease } from "./schema.ts";
import { didYouMean } from "./suggest.ts";
import { implausible } from "./clock.ts";
import { SlugError, type Slugger } from "./slug.ts";
import { releaseUrl } from "./urls.ts";

/** A release as layouts, feeds and structured data read it: checked, defaulted, dates with offsets. */
export interface Release {
  title: string;
  lead: string;
  lang: string;
  dateline?: string;
  /** Who signs it, where a person does. */
  byline?: string;
  source?: { name: string; url?: string };
  tags: string[];
  people: string[];
  organisations: string[];
  places: string[];
  image?: ParsedRelease["image"];
  /** ISO 8601 with the site zone's offset. */
  published: string;
  /** The latest of `updated` and the corrections' dates. */
  updated?: string;
  embargo?: string;
  /** Corrections, oldest first. */
  updates: { date: string; note: string }[];
  draft: boolean;
  slug: string;
  translationKey?: string;
  translatedFrom?: string;
  /** Which pages in other languages are this one: releases sharing a translationKey. */
  alternateKey: string;
  /** Year and month of `published` in the site's zone, for archives. */
  year: number;
  month: number;
  /** Site-relative URL, e.g. `/ru/2025/12/turkestan-visit/`. */
  url: string;
}

interface PageLike {
  inputPath: string;
  fileSlug: string;
}

export interface Normalised {
  release?: Release;
  problems: Problem[];
}

function describe(value: unknown): string {
  if (value === undefined) return "missing";
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/**
 * Text NFC leaves as it is: Latin, Latin-1 and its extensions, Cyrillic with its supplement (but not
 * its combining marks, U+0483–U+0489), general punctuation (but not U+2000 and U+2001, which NFC
 * maps to other spaces), currency signs and №. No character here composes with its neighbour or
 * is reordered, so a text of these alone is already composed; the test checks every pair against
 * ICU. Anything else goes through `normalize`, which on Cyrillic text costs ICU's whole pass (0.1 s
 * of a 5,000-release build for text that was composed all along).
 */
export const COMPOSED = /^[\u0000-\u024f\u0400-\u0482\u048a-\u052f\u2002-\u2027\u2030-\u205e\u20a0-\u20bf\u2116]*$/;

/** A string in Unicode's composed form (NFC). */
export function nfc(text: string): string {
  return COMPOSED.test(text) ? text : text.normalize("NFC");
}

/** Every string in a value in Unicode's composed form (NFC); arrays and plain objects followed. */
export function toNfc<T>(value: T): T {
  if (typeof value === "string") return nfc(value) as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [nfc(k), toNfc(v)])) as T;
  }
  return value;
}

type Bad = (field: string, message: string, fix?: string) => void;

/**
 * A key the plugin does not know is a typo until the site declares it: `Embargo:` or `draf:` would
 * otherwise publish a release its author meant to hold back.
 */
function checkOwnKeys(data: Record<string, unknown>, options: ResolvedOptions, bad: Bad): void {
  const own = data[OWN_KEYS];
  if (!Array.isArray(own)) return;
  const known = [...RELEASE_FIELDS, ...options.fields];
  for (const key of own as string[]) {
    if (!known.includes(key)) bad(key, "is not a release field", didYouMean(key, RELEASE_FIELDS, `a field of the site's own? Declare it: addPlugin(newsroom, { fields: ["${key}"] })`));
  }
}

/** The schema's verdict, each issue as a problem with its field's fix. */
function parseFrontMatter(data: Record<string, unknown>, bad: Bad): ParsedRelease | undefined {
  const parsed = releaseSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".") || "front matter";
    let value: unknown = data;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    if (["people", "organisations", "places", "tags"].includes(field) && value !== null && typeof value === "object" && !Array.isArray(value)) {
      bad(field, "is an object, not a list of keys", `a global data file named "${field}" (such as _data/${field}.json) is merged into every page's "${field}"; keep registries under _data/registry/ instead`);
      continue;
    }
    bad(field, value === undefined ? "is missing" : issue.code === "custom" ? `is ${describe(value)}, which is ${issue.message}` : `is ${describe(value)}, which is not valid (${issue.message.toLowerCase()})`);
  }
  return undefined;
}

interface ReleaseDates {
  published?: DateTime;
  /** The latest of `updated` and the corrections. */
  latest?: string;
  embargo?: DateTime;
  updates: { date: string; note: string }[];
}

/**
 * Every date of a release, read in the site's zone: readable, in order (an update after the
 * release), and plausible (a date that cannot be meant, such as 9999-12-31, is refused, not shown).
 */
function checkDates(fm: ParsedRelease, options: ResolvedOptions, now: DateTime | undefined, bad: Bad): ReleaseDates {
  const read = (field: string, value: unknown, fix?: string): DateTime | undefined => {
    const d = parseDate(value, options.timeZone);
    if (!d) return void bad(field, `is ${describe(value)}, which is not a date`, fix);
    const why = now ? implausible(d, now) : undefined;
    if (why) return void bad(field, `(${isoDate(d)}) ${why}`, `${FIXES[field.split(".")[0]!] ?? ""}; check the year`);
    return d;
  };
  const published = read("date", fm.date);
  const after = (field: string, d: DateTime | undefined, what: string) => {
    if (d && published && d < published) {
      bad(field, `(${isoDate(d)}) is before "date" (${isoDate(published)})`, `${what} comes after the release; correct one of the two dates`);
      return undefined;
    }
    return d;
  };
  const updated = fm.updated === undefined ? undefined : after("updated", read("updated", fm.updated), "an update");
  const embargo = fm.embargo === undefined ? undefined : read("embargo", fm.embargo);
  const updates: ReleaseDates["updates"] = [];
  (fm.updates ?? []).forEach((u, i) => {
    const d = after(`updates.${i}.date`, read(`updates.${i}.date`, u.date, FIXES.updates), "a correction");
    if (d) updates.push({ date: isoDate(d), note: u.note });
  });
  updates.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const latest = [updated ? isoDate(updated) : undefined, updates.at(-1)?.date]
    .filter((d): d is string => d !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);
  return { published, latest, embargo, updates };
}

/** The release's language and translation, its limits, and the slug of its URL. */
function checkPlace(fm: ParsedRelease, page: PageLike, options: ResolvedOptions, slug: Slugger, bad: Bad): { lang: string; releaseSlug: string } {
  for (const kind of ["tags", "people", "organisations", "places"] as const) {
    const n = new Set(fm[kind]).size;
    const limit = options.limits[kind];
    if (n > limit) bad(kind, `names ${n}, more than the ${limit} one release may`, `keep the ${limit} that matter most, or raise the limit: limits: { ${kind}: ${n} }`);
  }
  const lang = fm.lang ?? options.defaultLocale;
  if (!options.locales.includes(lang)) bad("lang", `is "${lang}", which is not one of the site's locales (${options.locales.join(", ")})`);
  if (fm.translatedFrom !== undefined && (!options.locales.includes(fm.translatedFrom) || fm.translatedFrom === lang)) {
    bad("translatedFrom", `is "${fm.translatedFrom}", which is not another of the site's locales (${options.locales.join(", ")})`);
  }
  if (fm.translatedFrom !== undefined && fm.translationKey === undefined) {
    bad("translationKey", "is missing on a translation", "give the original and its translations the same translationKey");
  }
  let releaseSlug = "";
  try {
    releaseSlug = fm.slug ? slug(fm.slug, lang) : slug(page.fileSlug, lang);
    if (releaseSlug === "") bad(fm.slug ? "slug" : "file name", "makes an empty URL", "give the release a slug: in front matter, e.g. slug: turkestan-visit");
  } catch (e) {
    if (!(e instanceof SlugError)) throw e;
    bad(fm.slug ? "slug" : "file name", e.message.split(":")[0]!, e.message.split(": ").slice(1).join(": "));
  }
  return { lang, releaseSlug };
}

/** Checks one release's data. Pure: the same data, options and clock give the same answer. */
export function normaliseRelease(
  data: Record<string, unknown>,
  page: PageLike,
  options: ResolvedOptions,
  slug: Slugger,
  /** The build's clock; dates before 1991 or over a year after it are refused. */
  now?: DateTime,
): Normalised {
  const problems: Problem[] = [];
  const bad: Bad = (field, message, fix = FIXES[field] ?? FIXES[field.split(".")[0]!] ?? "") => problems.push({ file: page.inputPath, field, message, fix });
  checkOwnKeys(data, options, bad);
  const parsed = parseFrontMatter(data, bad);
  if (!parsed) return { problems };
  // One word typed two ways (NFC and NFD look the same) is one term, one slug, one match.
  const fm = toNfc(parsed);
  const { lang, releaseSlug } = checkPlace(fm, page, options, slug, bad);
  const dates = checkDates(fm, options, now, bad);
  if (problems.length > 0 || !dates.published) return { problems };

  const zoned = dates.published.setZone(options.timeZone);
  return {
    problems,
    release: {
      title: fm.title,
      lead: fm.lead,
      lang,
      dateline: fm.dateline,
      ...(fm.byline !== undefined ? { byline: fm.byline } : {}),
      source: fm.source,
      tags: fm.tags,
      people: fm.people,
      organisations: fm.organisations,
      places: fm.places,
      image: fm.image,
      published: isoDateIn(zoned, options.timeZone),
      updated: dates.latest,
      embargo: dates.embargo ? isoDate(dates.embargo) : undefined,
      updates: dates.updates,
      draft: fm.draft ?? false,
      slug: releaseSlug,
      year: zoned.year,
      month: zoned.month,
      translationKey: fm.translationKey,
      translatedFrom: fm.translatedFrom,
      alternateKey: fm.translationKey !== undefined ? `release:${fm.translationKey}` : `file:${page.inputPath}`,
      url: releaseUrl(options.base(lang), zoned, releaseSlug),
    },
  };
}

export interface CollectionItemLike {
  inputPath: string;
  data: Record<string, unknown>;
}

/** Newest first by instant; equal instants fall back to the file path so every build orders them alike. */
function compareReleases(a: { at: number; inputPath: string }, b: { at: number; inputPath: string }): number {
  if (a.at !== b.at) return b.at - a.at;
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

/**
 * Sorts release items newest first, after checking them all: every problem in every file is
 * reported in one error, so a press office fixes a batch in one pass.
 */
export function sortReleases<T extends CollectionItemLike>(items: T[], releaseOf: (item: T) => Release | undefined): T[] {
  // Each instant parsed once, not once per comparison.
  const keyed: { item: T; at: number; inputPath: string }[] = [];
  for (const item of items) {
    const release = releaseOf(item);
    if (release) keyed.push({ item, at: Date.parse(release.published), inputPath: item.inputPath });
  }
  keyed.sort(compareReleases);
  return keyed.map((k) => k.item);
}

/** The latest instant any of these releases was published or changed: a feed's `updated`, a page's `lastmod`. */
export function lastChange(items: { data: { release?: Release } }[]): string | undefined {
  let max: Release | undefined;
  let maxAt = -Infinity;
  for (const item of items) {
    const at = changedAt(item);
    if (max === undefined || at > maxAt) {
      max = item.data.release!;
      maxAt = at;
    }
  }
  return max && (max.updated ?? max.published);
}
/**
 * Each release's last change as a number, once, remembered by its item: sitemaps and feeds ask for
 * the latest of many overlapping lists (300,000 items at 20,000 releases), and an item is one object
 * to reach where its record is three.
 */
const changes = new WeakMap<object, number>();
function changedAt(item: { data: { release?: Release } }): number {
  let at = changes.get(item);
  if (at === undefined) {
    const r = item.data.release!;
    changes.set(item, (at = Date.parse(r.updated ?? r.published)));
  }
  return at;
}
