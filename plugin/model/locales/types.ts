// The shape of a locale: every string the shipped layouts print, and the date patterns they use.

export interface LocaleStrings {
  skipToContent: string;
  siteNavigation: string;
  releases: string;
  allReleases: string;
  /** The last list page's link to the archive: `{period}` is the month of the next older release. */
  olderReleases: string;
  keyFigures: string;
  source: string;
  tags: string;
  published: string;
  updated: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  /** `{page}` and `{pages}` are replaced. */
  pageOf: string;
  noReleases: string;
  photo: string;
  home: string;
  people: string;
  organisations: string;
  places: string;
  archive: string;
  breadcrumbs: string;
  previousRelease: string;
  nextRelease: string;
  related: string;
  /** Plural forms of "press release", `|`-separated as `stat` units are. */
  releaseCount: string;
  months: string;
  partOf: string;
  includes: string;
  website: string;
  mentions: string;
  /** Label of the language switcher. */
  language: string;
  /** The language's own name for itself: Русский, Қазақша, English. */
  languageName: string;
  original: string;
  corrections: string;
  notFoundTitle: string;
  notFoundText: string;
  search: string;
  searchPlaceholder: string;
  /** Shown where search cannot run: the page offers the archive and indexes instead. */
  searchNoScript: string;
  /** Pagefind's own placeholders: [SEARCH_TERM], [COUNT]. */
  searchZero: string;
  searchMany: string;
  searchOne: string;
  searchMore: string;
  searchClear: string;
  searchSearching: string;
  /** Meta descriptions of the generated pages; `{site}`, `{name}`, `{title}` and `{count}` are replaced. */
  listDescription: string;
  termDescription: string;
  termsDescription: string;
  archiveDescription: string;
}

export type StringKey = keyof LocaleStrings;

export interface LocaleDictionary {
  /** Open Graph's `og:locale`, e.g. `ru_RU`; defaults to the locale's code. */
  ogLocale?: string;
  /** Luxon `toFormat` pattern for a long date, e.g. `d MMMM yyyy`. */
  dateFormat: string;
  dateTimeFormat: string;
  monthYearFormat: string;
  strings: LocaleStrings;
  /** Labels for registry kinds (`ministry`, `region` …); a kind without one is shown as written. */
  kinds?: Record<string, string>;
}

/** What a site may pass for a locale: any part of a dictionary; the rest comes from the built-in one. */
export interface LocaleOverride {
  ogLocale?: string;
  dateFormat?: string;
  dateTimeFormat?: string;
  monthYearFormat?: string;
  strings?: Partial<LocaleStrings>;
  kinds?: Record<string, string>;
}
