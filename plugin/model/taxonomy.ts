// The term index: who, which organisation, where, what and when, built in five passes over the
// releases, each a module of its own under taxonomy/ and each tested as data in, data out.
import type { Problem } from "./errors.ts";
import type { ResolvedOptions } from "./options.ts";
import type { Registries } from "./schema.ts";
import type { Slugger } from "./slug.ts";
import { suggest } from "./suggest.ts";
import { buildAlternates } from "./taxonomy/alternates.ts";
import { buildArchives } from "./taxonomy/archives.ts";
import { groupReleases, termKeys } from "./taxonomy/grouping.ts";
import { buildNavigation, type RankingHint } from "./taxonomy/navigation.ts";
import { buildTerms } from "./taxonomy/terms.ts";
import type { Entry, NewsroomIndex, Term } from "./taxonomy/types.ts";

export * from "./taxonomy/types.ts";
export type { RankingHint } from "./taxonomy/navigation.ts";
export { chunk, countLabel, monthName, pageLinks, pageUrls, sameItems, type PageLink } from "./taxonomy/shared.ts";

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
 * Builds every term, archive and per-release link of the site. `entries` must already be newest
 * first: every list built here keeps that order.
 */
export function buildIndex<T extends Entry>(entries: T[], registries: Registries, options: ResolvedOptions, slug: Slugger, ranked?: RankingHint): NewsroomIndex<T> {
  const grouped = groupReleases(entries, registries);
  const terms = buildTerms(grouped.perLocale, registries, options, slug);
  const archivePages = buildArchives(grouped.archive, options);
  // The last build's ranking counts only under the registries it was made with.
  const hint = ranked && ranked.registries === registries ? { ...ranked, keysOf: termKeys(registries) } : undefined;
  const nav = buildNavigation(grouped.byLocale, grouped.perLocale, terms.byKey, options, hint);
  const { alternates, problems } = buildAlternates(entries, { termPages: terms.termPages, archivePages, termIndexes: terms.termIndexes }, options);
  const byLocale: Record<string, T[]> = Object.create(null);
  for (const locale of options.locales) byLocale[locale] = grouped.byLocale.get(locale) ?? [];
  return {
    byLocale,
    byKind: grouped.byKind,
    byYear: grouped.byYear,
    termPages: terms.termPages,
    termIndexes: terms.termIndexes,
    archivePages,
    nav,
    alternates,
    problems: [...terms.problems, ...problems],
  };
}

/**
 * The index with each release item replaced by its counterpart in `swap`, in place: the build cache's
 * plan works the index out from its own items, and the collections, holding the very same releases
 * as other objects, take it over rather than work it out again. Every part of the index that holds
 * items is named here; the test walks the whole index for an item left behind.
 */
export function swapItems<T extends Entry>(index: NewsroomIndex<T>, swap: Map<T, T>): NewsroomIndex<T> {
  const done = new Set<T[]>();
  const list = (items: T[]) => {
    if (done.has(items)) return;
    done.add(items);
    for (let i = 0; i < items.length; i++) items[i] = swap.get(items[i]!) ?? items[i]!;
  };
  const term = (t: Term<T>) => list(t.items);
  for (const items of Object.values(index.byLocale)) list(items);
  for (const byKey of Object.values(index.byKind)) for (const items of Object.values(byKey)) list(items);
  for (const items of Object.values(index.byYear)) list(items);
  for (const page of index.termPages) {
    list(page.items);
    term(page.term);
  }
  for (const page of index.termIndexes) page.terms.forEach(term);
  for (const page of index.archivePages) list(page.items);
  for (const nav of index.nav.values()) {
    nav.self = swap.get(nav.self) ?? nav.self;
    if (nav.previous) nav.previous = swap.get(nav.previous) ?? nav.previous;
    if (nav.next) nav.next = swap.get(nav.next) ?? nav.next;
    list(nav.related);
  }
  return index;
}
