// The release front matter: one schema that validates it and from which its TypeScript type comes.
import { z } from "zod";

const text = z.string().trim().min(1);

/** http(s) only: a `javascript:` or `data:` address in a release is refused, never printed. */
function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}
/** A site path (`/img/a.jpg`, `img/a.jpg`) or an http(s) address. */
function isPathOrHttpUrl(value: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(value.replace(/[\u0000-\u0020\u007f]/g, "")) || isHttpUrl(value);
}
const keyList = z
  .union([text, z.array(text)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .default([]);
/** A date as written in front matter; a string without an offset is read in the `timeZone` option. */
const dateValue = z.union([text, z.date()]);

export const sourceSchema = z.object({
  /** The outlet or body the text comes from, e.g. `BAQ.KZ`. */
  name: text,
  /** Its page for this release (http or https). */
  url: text.refine(isHttpUrl, "not an http(s) address").optional(),
});

export const imageSchema = z.object({
  src: text.refine(isPathOrHttpUrl, "not a site path or an http(s) address"),
  /** Required: a screen-reader user gets the picture through it. */
  alt: text,
  caption: text.optional(),
  credit: text.optional(),
});

export const releaseSchema = z.looseObject({
  title: text,
  date: dateValue,
  /** One of the site's locales; defaults to `defaultLocale`. */
  lang: text.optional(),
  /** The standfirst: one or two sentences; also the meta description. */
  lead: text,
  /** Where the news comes from, e.g. `Туркестанская область`. */
  dateline: text.optional(),
  /** Who wrote it, when a person signs it rather than the press office; feeds name them as its author. */
  byline: text.optional(),
  source: sourceSchema.optional(),
  tags: keyList,
  people: keyList,
  organisations: keyList,
  places: keyList,
  image: imageSchema.optional(),
  updated: dateValue.optional(),
  /** Not before this instant: until the build's clock passes it, the release is absent from every output. */
  embargo: dateValue.optional(),
  /** Corrections, each dated, shown on the article as a log. */
  updates: z.array(z.object({ date: dateValue, note: text })).optional(),
  draft: z.boolean().optional(),
  /** Links translations of one release: the same value in each language's file. */
  translationKey: text.optional(),
  /** The locale of the original, on a translation; the page links to it. */
  translatedFrom: text.optional(),
  /** Overrides the slug made from the file name. */
  slug: text.optional(),
});

/** A release without a `permalink` of its own: the preprocessor puts the release's URL here. */
export const RELEASE_URL = "newsroom:release-url";

/** Where the keys of a release's own front matter wait, for the check of unknown fields. */
export const OWN_KEYS = "newsroomOwnKeys";

/** Keys Eleventy itself reads, which a release may also set. */
const ELEVENTY_KEYS = [
  "layout",
  "permalink",
  "eleventyExcludeFromCollections",
  "eleventyComputed",
  "eleventyNavigation",
  "eleventyImport",
  "templateEngineOverride",
  "dynamicPermalink",
  "permalinkBypassOutputDir",
] as const;

/** Every key a release's front matter may hold, but for the site's own (the `fields` option). */
export const RELEASE_FIELDS: readonly string[] = [...Object.keys(releaseSchema.shape), ...ELEVENTY_KEYS];

/** The front matter of a release, as an author writes it. */
export type ReleaseData = z.input<typeof releaseSchema>;
export type ParsedRelease = z.output<typeof releaseSchema>;

/** What to write instead, by field: the second half of every validation message. */
export const FIXES: Record<string, string> = {
  title: 'write the headline, e.g. title: "Вице-министр посетил Туркестанскую область"',
  date: "write an ISO 8601 date such as date: 2025-12-16 or date: 2025-12-16T10:00:00+05:00",
  updated: "write an ISO 8601 date such as updated: 2025-12-17T09:30:00+05:00",
  lang: "write one of the site's locales, e.g. lang: ru",
  lead: "write the standfirst in one or two sentences; it is also the page's meta description",
  dateline: "write the place the news comes from, e.g. dateline: Туркестан",
  byline: 'write who wrote it, e.g. byline: "Айгерим Сагындыкова, пресс-секретарь"',
  source: 'write source: { name: "BAQ.KZ", url: "https://baq.kz/..." }',
  "source.name": 'write source: { name: "BAQ.KZ", url: "https://baq.kz/..." }',
  "source.url": "write an http(s) address, e.g. url: https://baq.kz/",
  tags: "write a list of keys, e.g. tags: [export, industry]",
  people: "write a list of keys, e.g. people: [abildabekov]",
  organisations: "write a list of keys, e.g. organisations: [sez-turan]",
  places: "write a list of keys, e.g. places: [turkestan-region]",
  image: 'write image: { src: "/img/visit.jpg", alt: "What the photo shows" }',
  "image.src": 'write the picture\'s path, e.g. src: "/img/visit.jpg"',
  "image.alt": "describe what the photo shows, for readers who cannot see it",
  draft: "write draft: true or draft: false",
  embargo: "write the instant the release may appear, with its offset, e.g. embargo: 2025-12-16T10:00:00+05:00",
  updates: 'write a list of corrections, e.g. updates: [{ date: 2025-12-17T09:30:00+05:00, note: "Исправлена должность" }]',
  translationKey: "write the same key in the original and in each translation, e.g. translationKey: turkestan-visit-2025",
  translatedFrom: "write the locale of the original, e.g. translatedFrom: ru",
  slug: "write the URL's last part in Latin letters, e.g. slug: turkestan-visit",
};

/** A name in one language for all locales, or one per locale: `{ ru: "…", kk: "…", en: "…" }`. */
const localized = z.union([text, z.record(z.string(), text)]);
const optionalHttpUrl = text.refine(isHttpUrl, "not an http(s) address").optional();

export const personSchema = z.looseObject({
  name: localized,
  /** Current role, e.g. `вице-министр торговли и интеграции Республики Казахстан`. */
  role: localized.optional(),
  photo: text.refine(isPathOrHttpUrl, "not a site path or an http(s) address").optional(),
  url: optionalHttpUrl,
});

export const organisationSchema = z.looseObject({
  name: localized,
  /** `ministry`, `government`, `agency`, `akimat`, `company`, `special-economic-zone`, … */
  kind: text,
  url: optionalHttpUrl,
});

export const placeSchema = z.looseObject({
  name: localized,
  /** `country`, `region`, `district`, `city`, … */
  kind: text,
  /** Key of the place this one lies in: a district's region. */
  parent: text.optional(),
});

/** A topic listed so that it has a name in each language: a release's tag is then its key. */
export const topicSchema = z.looseObject({
  name: localized,
});

export const registrySchemas = {
  people: z.record(z.string(), personSchema),
  organisations: z.record(z.string(), organisationSchema),
  places: z.record(z.string(), placeSchema),
  topics: z.record(z.string(), topicSchema),
};

export type Localized = z.output<typeof localized>;
export type Person = z.output<typeof personSchema>;
export type Organisation = z.output<typeof organisationSchema>;
export type Place = z.output<typeof placeSchema>;
export type Topic = z.output<typeof topicSchema>;
export interface Registries {
  people: Record<string, Person>;
  organisations: Record<string, Organisation>;
  places: Record<string, Place>;
  /** Optional: tags not listed here are topics named as written. */
  topics: Record<string, Topic>;
}

export const REGISTRY_FIXES: Record<string, string> = {
  name: 'give the name readers see, e.g. name: "Айдар Абилдабеков" or name: { ru: "…", kk: "…", en: "…" }',
  role: 'write the current role, e.g. role: "вице-министр торговли и интеграции"',
  kind: 'write what it is, e.g. kind: "ministry", "company", "region" or "district"',
  url: "write an http(s) address",
  photo: 'write the photo\'s path, e.g. photo: "/img/people/abildabekov.jpg"',
  parent: "write the key of the place it lies in, e.g. parent: turkestan-region",
};
