// Dates that carry their zone: front-matter values read in the site's zone, shown in the reader's language.
import { DateTime } from "luxon";
import { rememberEach } from "./memo.ts";

/**
 * Reads a front-matter date. A value with an offset keeps it; one without (`2025-12-16`,
 * `2025-12-16T10:00`) is wall-clock time in `zone`, never UTC. Returns undefined when unreadable.
 */
export function parseDate(value: unknown, zone: string): DateTime | undefined {
  if (typeof value === "string") return parseText(zone, value);
  let dt: DateTime | undefined;
  if (value instanceof Date) dt = DateTime.fromJSDate(value, { zone });
  else if (DateTime.isDateTime(value)) dt = value.setZone(zone);
  return dt?.isValid ? dt.setZone(zone) : undefined;
}

// Each release's date is read twice (Eleventy's page.date, then the release's own), and zone offsets
// cost Luxon an Intl call: texts are remembered, by zone and text. DateTimes are immutable, so
// sharing one is safe.
const parseText = rememberEach((zone: string, value: string): DateTime | undefined => {
  const text = value.trim();
  let read = DateTime.fromISO(text, { zone, setZone: true });
  if (!read.isValid) read = DateTime.fromSQL(text, { zone, setZone: true });
  return read.isValid ? read.setZone(zone) : undefined;
});

/** An instant as ISO 8601 with the zone's offset, e.g. `2025-12-16T00:00:00+05:00`. */
export function isoDate(value: DateTime): string {
  return value.toISO({ suppressMilliseconds: true })!;
}

/**
 * The same for an instant in `zone`, remembered as that text's reading: every page that shows a
 * release's date reads its `published` back, and Luxon would work out the zone's offset again
 * (5,000 readings at 5,000 releases). The text reads back as this very instant in this zone.
 */
export function isoDateIn(value: DateTime, zone: string): string {
  const zoned = value.setZone(zone);
  const iso = isoDate(zoned);
  parseText.seed(zoned, zone, iso);
  return iso;
}

/** A date as the locale writes it, in `zone`, through a Luxon pattern such as `d MMMM yyyy`. */
export function formatDate(value: DateTime, locale: string, zone: string, pattern: string): string {
  return value.setZone(zone).setLocale(locale).toFormat(pattern);
}

/**
 * `formatDate` for ISO strings, remembered: a release's date is printed on its page and again on every
 * list, term and archive page it appears in, and Luxon's formatting is not cheap.
 */
export function createDateFormatter(zone: string): (iso: string, locale: string, pattern: string) => string | undefined {
  // Remembered by pattern, then locale, then date: a few maps of many dates each.
  const text = rememberEach((pattern: string, locale: string, iso: string) => {
    const dt = parseDate(iso, zone);
    return dt ? formatDate(dt, locale, zone, pattern) : undefined;
  });
  return (iso, locale, pattern) => text(pattern, locale, iso);
}

/** Turns what a template hands a filter (Date, DateTime, ISO string) into a DateTime, or throws. */
export function toDateTime(value: unknown, zone: string, filter: string): DateTime {
  const dt = parseDate(value, zone);
  if (!dt) {
    throw new Error(`[newsroom] the "${filter}" filter got ${JSON.stringify(value)}, not a date: pass a Date or an ISO 8601 string`);
  }
  return dt;
}
