// Helpers every part of the term index shares: pagination, month names, term references, counts.
import { DateTime } from "luxon";
import { remember } from "../memo.ts";
import { pluralForm } from "../numbers.ts";
import { pageUrl } from "../urls.ts";
import type { Crumb, Entry, ListPage, TermKind, TermRef } from "./types.ts";

export const SINGULAR: Record<Exclude<TermKind, "tags">, string> = { people: "person", organisations: "organisation", places: "place" };

export const capitalize = (s: string, locale: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);

export function chunk<T>(items: T[], size: number): T[][] {
  if (items.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `/ru/tags/eksport/`, `/ru/tags/eksport/page/2/` … */
export function pageUrls(base: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => pageUrl(base, i));
}

/** One link of a pager: a page (its number from 1), or a gap standing for the pages left out. */
export type PageLink = { number: number; href: string; current: boolean } | { gap: true };

/**
 * The links a pager shows: the first and last pages, and two either side of the current one, with
 * a gap for each run left out (a gap never stands for one page: that page is shown instead). A year
 * of a large archive has hundreds of pages, and a pager listing all of them on every page was
 * hundreds of links to scroll past on a phone, written out on every page of the list.
 */
export function pageLinks(pageNumber: number, hrefs: readonly string[], around = 2): PageLink[] {
  const last = hrefs.length - 1;
  const shown = (i: number) => i === 0 || i === last || Math.abs(i - pageNumber) <= around;
  const links: PageLink[] = [];
  for (let i = 0; i <= last; i++) {
    if (shown(i) || (shown(i - 1) && shown(i + 1))) links.push({ number: i + 1, href: hrefs[i]!, current: i === pageNumber });
    else {
      links.push({ gap: true });
      // On to the next page that is shown.
      while (i + 1 <= last && !shown(i + 1)) i++;
    }
  }
  return links;
}

/** A list cut into pages of `perPage`, each knowing the URLs of all. */
export function pagesOf<T extends Entry>(base: string, locale: string, title: string, crumbs: Crumb[], items: T[], perPage: number): ListPage<T>[] {
  const chunks = chunk(items, perPage);
  const hrefs = pageUrls(base, chunks.length);
  // One trail for all the list's pages, as one list of URLs: what they share is one object.
  const breadcrumbs = [...crumbs, { name: title }];
  return chunks.map((slice, i) => ({
    url: hrefs[i]!,
    locale,
    title,
    breadcrumbs,
    items: slice,
    pager: { pageNumber: i, hrefs, previous: hrefs[i - 1], next: hrefs[i + 1] },
  }));
}

export const monthName = remember(
  (year: number, month: number, locale: string, zone: string) => `${year}|${month}|${locale}|${zone}`,
  (year, month, locale, zone) => capitalize(DateTime.fromObject({ year, month }, { zone }).setLocale(locale).toFormat("LLLL"), locale),
);

/** A term's reference without its list of releases, for links. */
export function ref(t: TermRef): TermRef {
  return { kind: t.kind, key: t.key, name: t.name, url: t.url, count: t.count };
}

const integerFormat = remember(
  (locale: string) => locale,
  (locale) => new Intl.NumberFormat(locale),
);
/** "3 пресс-релиза", "1 press release". */
export function countLabel(count: number, forms: string, locale: string): string {
  return `${integerFormat(locale).format(count)} ${pluralForm(forms, count, locale)}`;
}

/** Appends to the list under `key`, making it on first use. */
export function push<K, T>(map: Map<K, T[]>, key: K, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** Whether two lists hold the same values in the same order. */
export function sameItems(a: ArrayLike<unknown>, b: ArrayLike<unknown> | undefined): boolean {
  if (a === b) return true;
  if (!b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
