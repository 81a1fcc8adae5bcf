// Pass four of the term index: each release's neighbours, related releases, term links and breadcrumbs.
import type { ResolvedOptions } from "../options.ts";
import { archiveUrl } from "../urls.ts";
import type { KindMaps } from "./grouping.ts";
import { monthName, ref } from "./shared.ts";
import { termKey } from "./terms.ts";
import type { Entry, ReleaseNav, Term, TermKind, TermRef } from "./types.ts";

const RELATED = 3;

/**
 * For each release of one locale (newest first), the positions of the `RELATED` releases sharing the
 * most people, organisations, places and tags, the newer first on a tie. Counted in a typed array
 * indexed by position: the same ranking as a map of counts, at a fraction of the cost.
 */
export function relatedPositions<T extends Entry>(list: T[], kinds: KindMaps<T>): number[][] {
  const position = new Map<T, number>(list.map((item, i) => [item, i]));
  const cache = new Map<T[], Int32Array>();
  const positionsOf = (items: T[]) => {
    let p = cache.get(items);
    if (!p) cache.set(items, (p = Int32Array.from(items, (it) => position.get(it) ?? -1)));
    return p;
  };
  const score = new Int32Array(list.length);
  const touched: number[] = [];
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && a < b);
  return list.map((item, i) => {
    const r = item.data.release!;
    for (const [kind, keys] of [["people", r.people], ["organisations", r.organisations], ["places", r.places], ["tags", r.tags]] as const) {
      for (const key of new Set(keys)) {
        const items = kinds[kind].get(key);
        if (!items) continue;
        for (const j of positionsOf(items)) {
          if (j < 0 || j === i) continue;
          if (score[j] === 0) touched.push(j);
          score[j]!++;
        }
      }
    }
    const best: number[] = [];
    for (const j of touched) {
      let k = best.length;
      while (k > 0 && better(j, best[k - 1]!)) k--;
      if (k < RELATED) {
        best.splice(k, 0, j);
        if (best.length > RELATED) best.pop();
      }
    }
    for (const j of touched) score[j] = 0;
    touched.length = 0;
    return best;
  });
}

/** Every release's navigation, by input path. */
export function buildNavigation<T extends Entry>(byLocale: Map<string, T[]>, perLocale: Map<string, KindMaps<T>>, terms: Map<string, Term<T>>, options: ResolvedOptions): Map<string, ReleaseNav<T>> {
  const nav = new Map<string, ReleaseNav<T>>();
  for (const [locale, list] of byLocale) {
    const base = options.base(locale);
    const strings = options.dictionaries[locale]!.strings;
    const related = relatedPositions(list, perLocale.get(locale)!);
    const refs = (kind: TermKind, keys: string[]): TermRef[] =>
      keys.flatMap((k) => {
        const t = terms.get(termKey(locale, kind, k));
        return t ? [ref(t)] : [];
      });
    list.forEach((item, i) => {
      const r = item.data.release!;
      nav.set(item.inputPath, {
        self: item,
        next: list[i - 1],
        previous: list[i + 1],
        related: related[i]!.map((j) => list[j]!),
        people: refs("people", r.people),
        organisations: refs("organisations", r.organisations),
        places: refs("places", r.places),
        tags: refs("tags", r.tags),
        breadcrumbs: [
          { name: strings.home, url: base },
          { name: String(r.year), url: archiveUrl(base, r.year) },
          { name: monthName(r.year, r.month, locale, options.timeZone), url: archiveUrl(base, r.year, r.month) },
          { name: r.title },
        ],
      });
    });
  }
  return nav;
}
