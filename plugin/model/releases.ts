// Releases: front matter checked and normalised once per build, and the `releases` collection.
import { DateTime } from "luxon";
import { parseDate, isoDate } from "./dates.ts";
import { NewsroomError, type Problem } from "./errors.ts";
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

/** Every string in a value in Unicode's composed form (NFC); arrays and plain objects followed. */
export function toNfc<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize("NFC"), toNfc(v)])) as T;
  }
  return value;
}

/** Checks one release's data. Pure: the same data and options give the same answer. */
export function normaliseRelease(
  data: Record<string, unknown>,
  page: PageLike,
  options: ResolvedOptions,
  slug: Slugger,
  /** The build's clock; dates before 1991 or over a year after it are refused. */
  now?: DateTime,
): Normalised {
  const file = page.inputPath;
  const problems: Problem[] = [];
  const bad = (field: string, message: string, fix = FIXES[field] ?? FIXES[field.split(".")[0]!] ?? "") =>
    problems.push({ file, field, message, fix });

  // A key the plugin does not know is a typo until the site declares it: `Embargo:` or `draf:` would
  // otherwise publish a release its author meant to hold back.
  const own = data[OWN_KEYS];
  if (Array.isArray(own)) {
    const known = [...RELEASE_FIELDS, ...options.fields];
    for (const key of own as string[]) {
      if (!known.includes(key)) {
        bad(key, "is not a release field", didYouMean(key, RELEASE_FIELDS, `a field of the site's own? Declare it: addPlugin(newsroom, { fields: ["${key}"] })`));
      }
    }
  }

  const parsed = releaseSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.join(".") || "front matter";
      let value: unknown = data;
      for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
      if (["people", "organisations", "places", "tags"].includes(field) && value !== null && typeof value === "object" && !Array.isArray(value)) {
        bad(field, "is an object, not a list of keys", `a global data file named "${field}" (such as _data/${field}.json) is merged into every page's "${field}"; keep registries under _data/registry/ instead`);
        continue;
      }
      const message =
        value === undefined
          ? "is missing"
          : issue.code === "custom"
            ? `is ${describe(value)}, which is ${issue.message}`
            : `is ${describe(value)}, which is not valid (${issue.message.toLowerCase()})`;
      bad(field, message);
    }
    return { problems };
  }
  // One word typed two ways (NFC and NFD look the same) is one term, one slug, one match.
  const fm = toNfc(parsed.data);

  for (const kind of ["tags", "people", "organisations", "places"] as const) {
    const n = new Set(fm[kind]).size;
    const limit = options.limits[kind];
    if (n > limit) bad(kind, `names ${n}, more than the ${limit} one release may`, `keep the ${limit} that matter most, or raise the limit: limits: { ${kind}: ${n} }`);
  }

  const lang = fm.lang ?? options.defaultLocale;
  if (!options.locales.includes(lang)) {
    bad("lang", `is "${lang}", which is not one of the site's locales (${options.locales.join(", ")})`);
  }

  // A date that cannot be meant (9999-12-31 would top every list for ever) is refused, not shown.
  const plausible = (field: string, value: DateTime | undefined) => {
    const why = value && now ? implausible(value, now) : undefined;
    if (why) bad(field, `(${isoDate(value!)}) ${why}`, `${FIXES[field.split(".")[0]!] ?? ""}; check the year`);
    return why === undefined ? value : undefined;
  };
  const published = plausible("date", parseDate(fm.date, options.timeZone));
  if (!published && !problems.some((p) => p.field === "date")) bad("date", `is ${describe(fm.date)}, which is not a date`);
  let updated: DateTime | undefined;
  if (fm.updated !== undefined) {
    updated = parseDate(fm.updated, options.timeZone);
    if (!updated) bad("updated", `is ${describe(fm.updated)}, which is not a date`);
    else if (!(updated = plausible("updated", updated))) {
      // Refused above.
    } else if (published && updated < published) bad("updated", `(${isoDate(updated)}) is before "date" (${isoDate(published)})`, "an update comes after the release; correct one of the two dates");
  }

  let embargo: DateTime | undefined;
  if (fm.embargo !== undefined) {
    embargo = parseDate(fm.embargo, options.timeZone);
    if (!embargo) bad("embargo", `is ${describe(fm.embargo)}, which is not a date`);
    else embargo = plausible("embargo", embargo);
  }
  const updates: { date: string; note: string }[] = [];
  (fm.updates ?? []).forEach((u, i) => {
    const d = plausible(`updates.${i}.date`, parseDate(u.date, options.timeZone));
    if (!d) {
      if (!problems.some((p) => p.field === `updates.${i}.date`)) bad(`updates.${i}.date`, `is ${describe(u.date)}, which is not a date`, FIXES.updates);
    } else if (published && d < published) bad(`updates.${i}.date`, `(${isoDate(d)}) is before "date" (${isoDate(published)})`, "a correction comes after the release; correct one of the two dates");
    else updates.push({ date: isoDate(d), note: u.note });
  });
  updates.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const latest = [updated ? isoDate(updated) : undefined, updates.at(-1)?.date]
    .filter((d): d is string => d !== undefined)
    .sort((a, b) => Date.parse(a) - Date.parse(b))
    .at(-1);

  let releaseSlug = "";
  try {
    releaseSlug = fm.slug ? slug(fm.slug, lang) : slug(page.fileSlug, lang);
    if (releaseSlug === "") bad(fm.slug ? "slug" : "file name", "makes an empty URL", "give the release a slug: in front matter, e.g. slug: turkestan-visit");
  } catch (e) {
    if (!(e instanceof SlugError)) throw e;
    bad(fm.slug ? "slug" : "file name", e.message.split(":")[0]!, e.message.split(": ").slice(1).join(": "));
  }

  if (fm.translatedFrom !== undefined && (!options.locales.includes(fm.translatedFrom) || fm.translatedFrom === lang)) {
    bad("translatedFrom", `is "${fm.translatedFrom}", which is not another of the site's locales (${options.locales.join(", ")})`);
  }
  if (fm.translatedFrom !== undefined && fm.translationKey === undefined) {
    bad("translationKey", "is missing on a translation", "give the original and its translations the same translationKey");
  }

  if (problems.length > 0 || !published) return { problems };

  const zoned = published.setZone(options.timeZone);
  return {
    problems,
    release: {
      title: fm.title,
      lead: fm.lead,
      lang,
      dateline: fm.dateline,
      source: fm.source,
      tags: fm.tags,
      people: fm.people,
      organisations: fm.organisations,
      places: fm.places,
      image: fm.image,
      published: isoDate(zoned),
      updated: latest,
      embargo: embargo ? isoDate(embargo) : undefined,
      updates,
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
export function compareReleases(a: Release & { inputPath: string }, b: Release & { inputPath: string }): number {
  const ta = Date.parse(a.published);
  const tb = Date.parse(b.published);
  if (ta !== tb) return tb - ta;
  return a.inputPath < b.inputPath ? -1 : a.inputPath > b.inputPath ? 1 : 0;
}

/**
 * Sorts release items newest first, after checking them all: every problem in every file is
 * reported in one error, so a press office fixes a batch in one pass.
 */
export function sortReleases<T extends CollectionItemLike>(items: T[], normalise: (item: T) => Normalised): T[] {
  const problems: Problem[] = [];
  const keyed: { item: T; key: Release & { inputPath: string } }[] = [];
  for (const item of items) {
    const result = normalise(item);
    problems.push(...result.problems);
    if (result.release) keyed.push({ item, key: { ...result.release, inputPath: item.inputPath } });
  }
  if (problems.length > 0) throw new NewsroomError(problems);
  keyed.sort((a, b) => compareReleases(a.key, b.key));
  return keyed.map((k) => k.item);
}
