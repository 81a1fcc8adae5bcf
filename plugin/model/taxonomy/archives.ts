// Pass three of the term index: archives by year and month, with the locale's month names.
import { DateTime } from "luxon";
import type { ResolvedOptions } from "../options.ts";
import { archiveUrl } from "../urls.ts";
import { capitalize, monthName, pagesOf } from "./shared.ts";
import type { ArchivePage, Crumb, Entry } from "./types.ts";

/** Each locale's year pages and month pages, newest first; `archive` is locale → year → month → releases. */
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
      const yearItems = newestFirst.flatMap(([, items]) => items);
      for (const page of pagesOf(archiveUrl(base, year), locale, String(year), [home], yearItems, options.perPage)) {
        pages.push({ ...page, alternateKey: `archive:${year}`, year, count: yearItems.length, months: monthList });
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
