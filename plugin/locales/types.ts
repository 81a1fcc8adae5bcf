// The shape of a locale: every string the shipped layouts print, and the date patterns they use.

export interface LocaleStrings {
  skipToContent: string;
  siteNavigation: string;
  releases: string;
  allReleases: string;
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
}

export type StringKey = keyof LocaleStrings;

export interface LocaleDictionary {
  /** Luxon `toFormat` pattern for a long date, e.g. `d MMMM yyyy`. */
  dateFormat: string;
  dateTimeFormat: string;
  monthYearFormat: string;
  strings: LocaleStrings;
}

/** What a site may pass for a locale: any part of a dictionary; the rest comes from the built-in one. */
export interface LocaleOverride {
  dateFormat?: string;
  dateTimeFormat?: string;
  monthYearFormat?: string;
  strings?: Partial<LocaleStrings>;
}
