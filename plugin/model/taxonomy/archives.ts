// Pass three of the term index: archives by year and month, with the locale's month names.
import { DateTime } from "luxon";
import type { ResolvedOptions } from "../options.ts";
import { archiveUrl } from "../urls.ts";
import { capitalize, monthName, pagesOf } from "./shared.ts";
import type { ArchivePage, Crumb, Entry } from "./types.ts";

/** Each locale's year page and month pages, newest first; `archive` is locale → year → month → releases. */
export function buildArchives<T extends Entry>(archive: Map<string, Map<number, Map<number, T[]>>>, options: ResolvedOptions): ArchivePage<T>[] {
  const pages: ArchivePage<T>[] = [];
  for (const locale of options.locales) {
    const base = options.base(locale);
    const years = archive.get(locale);
    if (!years) continue;
    const pattern = options.dictionaries[locale]!.monthYearFormat;
    const home: Crumb = { name: options.dictionaries[locale]!.strings.home, url: base };
    for (const [year, months] of [...years].sort((a, b) => b[0] - a[0])) {
      const newestFirst = [...months].sort((a, b) => b[0] - a[0]);
      const monthList = newestFirst.map(([month, items]) => ({ month, name: monthName(year, month, locale, options.timeZone), url: archiveUrl(base, year, month), count: items.length }));
      // A year is one page: its months with their counts, and its newest releases. Every release of
      // the year is on its month's pages; the year's own pages, paged through the same releases,
      // were hundreds at 20,000 releases, and a publish rendered each of them again as the new
      // release pushed every other one down a place.
      const newest = newestFirst.flatMap(([, items]) => items.slice(0, options.perPage)).slice(0, options.perPage);
      const count = monthList.reduce((sum, m) => sum + m.count, 0);
      for (const page of pagesOf(archiveUrl(base, year), locale, String(year), [home], newest, options.perPage)) {
        pages.push({ ...page, alternateKey: `archive:${year}`, year, count, months: monthList });
      }
      for (const [month, items] of newestFirst) {
        const title = capitalize(DateTime.fromObject({ year, month }, { zone: options.timeZone }).setLocale(locale).toFormat(pattern), locale);
        const crumbs = [home, { name: String(year), url: archiveUrl(base, year) }];
        for (const page of pagesOf(archiveUrl(base, year, month), locale, title, crumbs, items, options.perPage)) {
          pages.push({ ...page, alternateKey: `archive:${year}:${month}`, year, month, count: items.length, months: monthList });
        }
      }
    }
  }
  return pages;
}
