// The term index: who, which organisation, where, what and when, built in one pass over the releases.
import { DateTime } from "luxon";
import type { Problem } from "./errors.ts";
import { remember } from "./memo.ts";
import { pluralForm } from "./numbers.ts";
import type { ResolvedOptions } from "./options.ts";
import { ancestorsOf, localize } from "./registries.ts";
import { suggest } from "./suggest.ts";
import type { Release } from "./releases.ts";
import type { Localized, Registries } from "./schema.ts";
import { SlugError, type Slugger } from "./slug.ts";
import { archiveUrl, pageUrl, termIndexUrl, termUrl } from "./urls.ts";

export type TermKind = "tags" | "people" | "organisations" | "places";
export const TERM_KINDS: TermKind[] = ["people", "organisations", "places", "tags"];

/** What the index needs of a collection item; the items themselves are handed back to templates. */
export interface Entry {
  inputPath: string;
  url: string;
  data: { release?: Release };
}

export interface TermRef {
  kind: TermKind;
  key: string;
  name: string;
  url: string;
  count: number;
}

/** A place in the index's hierarchy: a region with its districts. No cycles, so templates can recurse. */
export interface PlaceNode extends TermRef {
  children: PlaceNode[];
}

export interface Term<T extends Entry = Entry> extends TermRef {
  locale: string;
  slug: string;
  count: number;
  items: T[];
  /** People: role, photo, url. Organisations: kind, url. Places: kind. */
  role?: string;
  photo?: string;
  website?: string;
  kindLabel?: string;
  parent?: TermRef;
  children: TermRef[];
}

export interface Pager {
  /** 0-based. */
  pageNumber: number;
  hrefs: string[];
  previous?: string;
  next?: string;
}

export interface ListPage<T extends Entry = Entry> {
  url: string;
  /** Pages with the same key in other locales are this page's translations. */
  alternateKey?: string;
  locale: string;
  title: string;
  breadcrumbs: Crumb[];
  items: T[];
  pager: Pager;
}

export interface TermPage<T extends Entry = Entry> extends ListPage<T> {
  term: Term<T>;
}

export interface TermIndexPage<T extends Entry = Entry> {
  url: string;
  alternateKey: string;
  locale: string;
  kind: TermKind;
  title: string;
  breadcrumbs: Crumb[];
  terms: Term<T>[];
  /** Places only: the top of the hierarchy, each with its `children`. */
  roots?: PlaceNode[];
}

export interface ArchivePage<T extends Entry = Entry> extends ListPage<T> {
  year: number;
  month?: number;
  months: { month: number; name: string; url: string; count: number }[];
}

export interface Crumb {
  name: string;
  url?: string;
}

export interface ReleaseNav<T extends Entry = Entry> {
  self: T;
  previous?: T;
  next?: T;
  related: T[];
  people: TermRef[];
  organisations: TermRef[];
  places: TermRef[];
  tags: TermRef[];
  breadcrumbs: Crumb[];
}

export interface NewsroomIndex<T extends Entry = Entry> {
  /** Each locale's releases, newest first. */
  byLocale: Record<string, T[]>;
  byKind: Record<TermKind, Record<string, T[]>>;
  byYear: Record<string, T[]>;
  termPages: TermPage<T>[];
  termIndexes: TermIndexPage<T>[];
  archivePages: ArchivePage<T>[];
  nav: Map<string, ReleaseNav<T>>;
  /** alternateKey → locale → URL: the same page in each language that has it. */
  alternates: Map<string, Map<string, string>>;
  problems: Problem[];
}

const SINGULAR: Record<Exclude<TermKind, "tags">, string> = { people: "person", organisations: "organisation", places: "place" };

const capitalize = (s: string, locale: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);

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

function pagesOf<T extends Entry>(base: string, locale: string, title: string, crumbs: Crumb[], items: T[], perPage: number): ListPage<T>[] {
  const chunks = chunk(items, perPage);
  const hrefs = pageUrls(base, chunks.length);
  return chunks.map((slice, i) => ({
    url: hrefs[i]!,
    locale,
    title,
    breadcrumbs: [...crumbs, { name: title }],
    items: slice,
    pager: { pageNumber: i, hrefs, previous: hrefs[i - 1], next: hrefs[i + 1] },
  }));
}

export const monthName = remember(
  (year: number, month: number, locale: string, zone: string) => `${year}|${month}|${locale}|${zone}`,
  (year, month, locale, zone) => capitalize(DateTime.fromObject({ year, month }, { zone }).setLocale(locale).toFormat("LLLL"), locale),
);

/** Keys a release names that its registry lacks, each with the nearest known keys. */
export function unknownKeys(entries: Entry[], registries: Registries): Problem[] {
  const problems: Problem[] = [];
  for (const item of entries) {
    const r = item.data.release!;
    for (const kind of ["people", "organisations", "places"] as const) {
      for (const key of r[kind]) {
        if (!(key in registries[kind])) {
          problems.push({ file: item.inputPath, field: kind, message: `names "${key}", which is not in the ${kind} registry`, fix: suggest(key, Object.keys(registries[kind])) });
        }
      }
    }
  }
  return problems;
}

/**
 * Builds every term, archive and per-release link of the site in passes that each touch a release
 * a fixed number of times. `entries` must already be newest first: every list built here keeps that order.
 */
export function buildIndex<T extends Entry>(
  entries: T[],
  registries: Registries,
  options: ResolvedOptions,
  slug: Slugger,
): NewsroomIndex<T> {
  const problems: Problem[] = [];
  const { defaultLocale, timeZone, perPage } = options;
  // Maps with no prototype: a term named "constructor" or "__proto__" is a term like any other.
  const byKind: NewsroomIndex<T>["byKind"] = { tags: Object.create(null), people: Object.create(null), organisations: Object.create(null), places: Object.create(null) };
  const byYear: Record<string, T[]> = Object.create(null);
  // locale → kind → key → items
  const perLocale = new Map<string, Record<TermKind, Map<string, T[]>>>();
  const localeKinds = (locale: string) => {
    let k = perLocale.get(locale);
    if (!k) {
      k = { tags: new Map(), people: new Map(), organisations: new Map(), places: new Map() };
      perLocale.set(locale, k);
    }
    return k;
  };
  const push = <K>(map: Map<K, T[]>, key: K, item: T) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  const ancestors = new Map<string, string[]>();
  const placeKeysOf = (keys: string[]) => {
    const out = new Set<string>();
    for (const key of keys) {
      out.add(key);
      let up = ancestors.get(key);
      if (!up) ancestors.set(key, (up = ancestorsOf(registries.places, key)));
      for (const a of up) out.add(a);
    }
    return [...out];
  };

  // Pass 1: every release into its terms, its year and month, its locale's list; unknown keys reported.
  const byLocaleList = new Map<string, T[]>();
  const archive = new Map<string, Map<number, Map<number, T[]>>>();
  for (const item of entries) {
    const r = item.data.release!;
    const kinds = localeKinds(r.lang);
    for (const key of new Set(r.tags)) push(kinds.tags, key, item);
    for (const key of new Set(r.people)) push(kinds.people, key, item);
    for (const key of new Set(r.organisations)) push(kinds.organisations, key, item);
    for (const key of placeKeysOf(r.places.filter((k) => k in registries.places))) push(kinds.places, key, item);
    for (const key of new Set(r.tags)) (byKind.tags[key] ??= []).push(item);
    for (const key of new Set(r.people)) (byKind.people[key] ??= []).push(item);
    for (const key of new Set(r.organisations)) (byKind.organisations[key] ??= []).push(item);
    for (const key of placeKeysOf(r.places.filter((k) => k in registries.places))) (byKind.places[key] ??= []).push(item);

    const when = { year: r.year, month: r.month };
    (byYear[String(when.year)] ??= []).push(item);
    push(byLocaleList as Map<string, T[]>, r.lang, item);
    let years = archive.get(r.lang);
    if (!years) archive.set(r.lang, (years = new Map()));
    let months = years.get(when.year);
    if (!months) years.set(when.year, (months = new Map()));
    push(months, when.month, item);
  }

  // Pass 2: terms with names, slugs and URLs, per locale; two terms on one URL stop the build.
  const terms = new Map<string, Term<T>>(); // `${locale}|${kind}|${key}`
  const termIndexes: TermIndexPage<T>[] = [];
  const termPages: TermPage<T>[] = [];
  for (const locale of options.locales) {
    const base = options.base(locale);
    const kinds = perLocale.get(locale) ?? localeKinds(locale);
    const strings = options.dictionaries[locale]!;
    const collator = new Intl.Collator(locale);
    for (const kind of TERM_KINDS) {
      const bySlug = new Map<string, string>();
      const list: Term<T>[] = [];
      for (const [key, items] of kinds[kind]) {
        const name = kind === "tags" ? key : localize(registries[kind][key]?.name, locale, defaultLocale);
        let termSlug: string;
        try {
          termSlug = slug(name, locale);
        } catch (e) {
          if (!(e instanceof SlugError)) throw e;
          problems.push({ file: kind === "tags" ? items[0]!.inputPath : `registry/${kind}`, field: kind === "tags" ? "tags" : `${key}.name`, message: e.message.split(": ")[0]!, fix: e.message.split(": ").slice(1).join(": ") });
          continue;
        }
        if (termSlug === "") {
          problems.push({ file: kind === "tags" ? items[0]!.inputPath : `registry/${kind}`, field: kind === "tags" ? "tags" : `${key}.name`, message: `"${name}" makes an empty URL`, fix: "write it with letters or digits" });
          continue;
        }
        const clash = bySlug.get(termSlug);
        if (clash !== undefined) {
          const where = (k: string) => (kind === "tags" ? `tag "${k}" (${kinds.tags.get(k)![0]!.inputPath})` : `${SINGULAR[kind]} "${k}"`);
          problems.push({
            file: kind === "tags" ? items[0]!.inputPath : `registry/${kind}`,
            field: kind,
            message: `${where(clash)} and ${where(key)} would share the URL ${termUrl(base, kind, termSlug)}`,
            fix: kind === "tags" ? "write the tag the same way in every release, or make the two tags differ in letters" : "give one of them a distinct name",
          });
          continue;
        }
        bySlug.set(termSlug, key);
        const entry = (kind === "tags" ? undefined : registries[kind][key]) as
          | { role?: Localized; photo?: string; url?: string; kind?: string }
          | undefined;
        const term: Term<T> = {
          kind,
          key,
          locale,
          name,
          slug: termSlug,
          url: termUrl(base, kind, termSlug),
          count: items.length,
          items,
          children: [],
        };
        if (entry?.role !== undefined) term.role = localize(entry.role, locale, defaultLocale);
        if (entry?.photo !== undefined) term.photo = entry.photo;
        if (entry?.url !== undefined) term.website = entry.url;
        if (entry?.kind !== undefined) term.kindLabel = strings.kinds?.[entry.kind] ?? entry.kind;
        terms.set(`${locale}|${kind}|${key}`, term);
        list.push(term);
      }
      list.sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
      const title = strings.strings[kind];
      const home: Crumb = { name: strings.strings.home, url: base };
      const index: TermIndexPage<T> = { url: termIndexUrl(base, kind), alternateKey: `index:${kind}`, locale, kind, title, breadcrumbs: [home, { name: title }], terms: list };
      if (kind === "places") {
        const nodes = new Map(list.map((t) => [t.key, { ...ref(t), children: [] as PlaceNode[] }]));
        for (const term of list) {
          const parentKey = registries.places[term.key]?.parent;
          const parent = parentKey ? terms.get(`${locale}|places|${parentKey}`) : undefined;
          if (parent) {
            term.parent = ref(parent);
            parent.children.push(ref(term));
            nodes.get(parent.key)!.children.push(nodes.get(term.key)!);
          }
        }
        index.roots = list.filter((t) => !t.parent).map((t) => nodes.get(t.key)!);
      }
      termIndexes.push(index);
      for (const term of list) {
        for (const page of pagesOf(term.url, locale, term.name, [home, { name: title, url: index.url }], term.items, perPage)) {
          termPages.push({ ...page, alternateKey: `term:${kind}:${term.key}`, term });
        }
      }
    }
  }

  // Pass 3: archives by year and month, with the locale's month names.
  const archivePages: ArchivePage<T>[] = [];
  for (const locale of options.locales) {
    const base = options.base(locale);
    const years = archive.get(locale);
    if (!years) continue;
    const pattern = options.dictionaries[locale]!.monthYearFormat;
    for (const [year, months] of [...years].sort((a, b) => b[0] - a[0])) {
      const monthList = [...months].sort((a, b) => b[0] - a[0]).map(([month, items]) => ({
        month,
        name: monthName(year, month, locale, timeZone),
        url: archiveUrl(base, year, month),
        count: items.length,
      }));
      const yearItems = [...months].sort((a, b) => b[0] - a[0]).flatMap(([, items]) => items);
      const home: Crumb = { name: options.dictionaries[locale]!.strings.home, url: base };
      for (const page of pagesOf(archiveUrl(base, year), locale, String(year), [home], yearItems, perPage)) {
        archivePages.push({ ...page, alternateKey: `archive:${year}`, year, months: monthList });
      }
      for (const [month, items] of [...months].sort((a, b) => b[0] - a[0])) {
        const title = capitalize(DateTime.fromObject({ year, month }, { zone: timeZone }).setLocale(locale).toFormat(pattern), locale);
        const crumbs = [home, { name: String(year), url: archiveUrl(base, year) }];
        for (const page of pagesOf(archiveUrl(base, year, month), locale, title, crumbs, items, perPage)) {
          archivePages.push({ ...page, alternateKey: `archive:${year}:${month}`, year, month, months: monthList });
        }
      }
    }
  }

  // Pass 4: each release's neighbours, related releases, links and breadcrumbs.
  const nav = new Map<string, ReleaseNav<T>>();
  for (const [locale, list] of byLocaleList) {
    const base = options.base(locale);
    const kinds = perLocale.get(locale)!;
    const strings = options.dictionaries[locale]!;
    // Related releases are counted in a typed array indexed by position in the newest-first list:
    // the same ranking as a map of counts, at a fraction of the cost on a large archive.
    const position = new Map<T, number>(list.map((item, i) => [item, i]));
    const termPositions = new Map<Array<T>, Int32Array>();
    const positionsOf = (items: T[]) => {
      let p = termPositions.get(items);
      if (!p) termPositions.set(items, (p = Int32Array.from(items, (it) => position.get(it) ?? -1)));
      return p;
    };
    const score = new Int32Array(list.length);
    const touched: number[] = [];
    list.forEach((item, i) => {
      const r = item.data.release!;
      const refs = (kind: TermKind, keys: string[]) =>
        keys.flatMap((k) => {
          const t = terms.get(`${locale}|${kind}|${k}`);
          return t ? [ref(t)] : [];
        });
      // Related: releases sharing the most people, organisations, places and tags; ties go to the newer
      // (a lower position in the newest-first list).
      const count = (kind: TermKind, keys: string[]) => {
        for (const key of new Set(keys)) {
          const items = kinds[kind].get(key);
          if (!items) continue;
          for (const j of positionsOf(items)) {
            if (j < 0 || j === i) continue;
            if (score[j] === 0) touched.push(j);
            score[j]!++;
          }
        }
      };
      count("people", r.people);
      count("organisations", r.organisations);
      count("places", r.places);
      count("tags", r.tags);
      const best: number[] = [];
      for (const j of touched) {
        // Keep the three best in order; a candidate beats another on score, then on being newer.
        const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
        let k = best.length;
        while (k > 0 && better(j, best[k - 1]!)) k--;
        if (k < 3) {
          best.splice(k, 0, j);
          if (best.length > 3) best.pop();
        }
      }
      const related = best.map((j) => list[j]!);
      for (const j of touched) score[j] = 0;
      touched.length = 0;
      const when = { year: r.year, month: r.month };
      nav.set(item.inputPath, {
        self: item,
        next: list[i - 1],
        previous: list[i + 1],
        related,
        people: refs("people", r.people),
        organisations: refs("organisations", r.organisations),
        places: refs("places", r.places),
        tags: refs("tags", r.tags),
        breadcrumbs: [
          { name: strings.strings.home, url: base },
          { name: String(when.year), url: archiveUrl(base, when.year) },
          { name: monthName(when.year, when.month, locale, timeZone), url: archiveUrl(base, when.year, when.month) },
          { name: r.title },
        ],
      });
    });
  }

  // Pass 5: the same page in other languages. Only first pages are alternates of each other.
  const alternates = new Map<string, Map<string, string>>();
  const alternate = (key: string | undefined, locale: string, url: string, file?: string) => {
    if (!key) return;
    let byLocale = alternates.get(key);
    if (!byLocale) alternates.set(key, (byLocale = new Map()));
    const taken = byLocale.get(locale);
    if (taken !== undefined && file !== undefined) {
      problems.push({ file, field: "translationKey", message: `"${key.replace(/^release:/, "")}" is already the key of ${taken} in locale "${locale}"`, fix: "give each language one release per translationKey" });
      return;
    }
    byLocale.set(locale, url);
  };
  for (const locale of options.locales) alternate("home", locale, options.base(locale));
  for (const item of entries) alternate(item.data.release!.alternateKey, item.data.release!.lang, item.url, item.inputPath);
  for (const page of [...termPages, ...archivePages]) if (page.pager.pageNumber === 0) alternate(page.alternateKey, page.locale, page.url);
  for (const page of termIndexes) alternate(page.alternateKey, page.locale, page.url);

  const byLocale: Record<string, T[]> = Object.create(null);
  for (const locale of options.locales) byLocale[locale] = byLocaleList.get(locale) ?? [];
  return { byLocale, byKind, byYear, termPages, termIndexes, archivePages, nav, alternates, problems };
}

function ref(t: TermRef): TermRef {
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
