// Pass four of the term index: each release's neighbours, related releases, term links and breadcrumbs.
import type { ResolvedOptions } from "../options.ts";
import { archiveUrl } from "../urls.ts";
import type { Release } from "../releases.ts";
import type { Registries } from "../schema.ts";
import type { KindMaps } from "./grouping.ts";
import { monthName, ref, sameItems } from "./shared.ts";
import { termKey } from "./terms.ts";
import type { Entry, ReleaseNav, Term, TermKind, TermRef } from "./types.ts";

const RELATED = 3;

/**
 * The last build's ranking, for a build that changes a few releases of many (a publish): a release
 * whose terms share nothing with any release added, removed or changed keeps its related releases,
 * as every release that could rank for it is unchanged and in the same order. Valid only with the
 * registries it was made under: they decide which releases a place lists.
 */
export interface RankingHint {
  registries: Registries;
  /** Each release ranked last time: its record then, and its related releases by input path. */
  previous: Map<string, { release: Release; related: string[] }>;
}

/** The hint as the ranking reads it: with the terms a release is listed under, by the same registries. */
export type Reranking = Pick<RankingHint, "previous"> & { keysOf(release: Release): Record<TermKind, string[]> };

/**
 * For each release of one locale (newest first), the positions of the `RELATED` releases sharing the
 * most people, organisations, places and tags; on a tie, the nearer in time, then the newer. Counted in a typed array
 * indexed by position: the same ranking as a map of counts, at a fraction of the cost.
 */
export function relatedPositions<T extends Entry>(list: T[], kinds: KindMaps<T>, hint?: Reranking): number[][] {
  const position = new Map<T, number>(list.map((item, i) => [item, i]));
  // A build with the cache ranks the same releases twice, once to plan and once for the collections,
  // with other objects for the same releases: the ranking depends only on each release's term keys
  // and each term's positions, compared with the last call's before ranking again.
  const terms = list.map((item) => {
    const r = item.data.release!;
    return [r.people, r.organisations, r.places, r.tags];
  });
  const members = {} as Record<(typeof KINDS)[number], Map<string, Int32Array>>;
  for (const kind of KINDS) {
    const byKey = (members[kind] = new Map<string, Int32Array>());
    for (const [key, items] of kinds[kind]) {
      const p = new Int32Array(items.length);
      for (let i = 0; i < items.length; i++) p[i] = position.get(items[i]!) ?? -1;
      byKey.set(key, p);
    }
  }
  if (last && sameRanking(last, terms, members)) return last.positions;
  const positions = hint ? rankAgain(list, members, hint) : rank(list, members);
  last = { terms, members, positions };
  return positions;
}
const KINDS = ["people", "organisations", "places", "tags"] as const;
type Ranking = { terms: string[][][]; members: Record<(typeof KINDS)[number], Map<string, Int32Array>>; positions: number[][] };
let last: Ranking | undefined;

function sameRanking(was: Ranking, terms: string[][][], members: Ranking["members"]): boolean {
  if (was.terms.length !== terms.length) return false;
  for (let i = 0; i < terms.length; i++) for (let k = 0; k < 4; k++) if (!sameItems(terms[i]![k]!, was.terms[i]![k])) return false;
  for (const kind of KINDS) {
    const a = was.members[kind];
    const b = members[kind];
    if (a.size !== b.size) return false;
    for (const [key, p] of b) if (!sameItems(p, a.get(key))) return false;
  }
  return true;
}

/** Only the releases a change can reach ranked again; the others keep last build's, by position now. */
function rankAgain<T extends Entry>(list: T[], members: Ranking["members"], hint: Reranking): number[][] {
  if (list.length === 0) return [];
  const { previous, keysOf } = hint;
  const at = new Map<string, number>(list.map((item, i) => [item.inputPath, i]));
  // Every term that lists, or listed, a release added or changed. A release gone from the list
  // matters only where it was ranked, and there its position is missing below.
  const reached = { people: new Set<string>(), organisations: new Set<string>(), places: new Set<string>(), tags: new Set<string>() };
  const reach = (r: Release) => {
    const keys = keysOf(r);
    for (const kind of KINDS) for (const key of keys[kind]) reached[kind].add(key);
  };
  // Plain loops: they run over every release of the archive.
  const changed = new Uint8Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const r = item.data.release!;
    const was = previous.get(item.inputPath);
    const w = was?.release;
    if (w && w.lang === r.lang && w.published === r.published && sameItems(w.people, r.people) && sameItems(w.organisations, r.organisations) && sameItems(w.places, r.places) && sameItems(w.tags, r.tags)) continue;
    changed[i] = 1;
    reach(r);
    if (w) reach(w);
  }
  const reaches = (r: Release) => {
    for (const kind of KINDS) for (const key of r[kind]) if (reached[kind].has(key)) return true;
    return false;
  };
  const positions: number[][] = new Array(list.length);
  const again: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (!changed[i] && !reaches(item.data.release!)) {
      const paths = previous.get(item.inputPath)!.related;
      const kept: number[] = [];
      for (const p of paths) {
        const j = at.get(p);
        if (j === undefined) break;
        kept.push(j);
      }
      if (kept.length === paths.length) {
        positions[i] = kept;
        continue;
      }
    }
    again.push(i);
  }
  const ranked = rank(list, members, again);
  again.forEach((i, n) => (positions[i] = ranked[n]!));
  return positions;
}

/** The ranking itself, from each term's members as positions in `list`: of every release, or those at `only`. */
function rank<T extends Entry>(list: T[], members: Ranking["members"], only?: number[]): number[][] {
  const score = new Int32Array(list.length);
  const touched: number[] = [];
  // On a tie, the release nearer in time to this one: an archived release keeps its related list
  // when news is published, rather than each new release on one of its topics taking the place of
  // the oldest (45 release pages of a publish into 2,000 rendered again for it; now 3).
  // Read only for the releases a ranking meets: a publish ranks a few of many again.
  const time = new Float64Array(list.length).fill(NaN);
  const timeOf = (j: number) => {
    let t = time[j]!;
    if (Number.isNaN(t)) time[j] = t = Date.parse(list[j]!.data.release!.published) || 0;
    return t;
  };
  let at = 0;
  const apart = (j: number) => Math.abs(timeOf(j) - at);
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && (apart(a) < apart(b) || (apart(a) === apart(b) && a < b)));
  return (only ?? list.map((_, i) => i)).map((i) => {
    const r = list[i]!.data.release!;
    at = timeOf(i);
    for (const [kind, keys] of [["people", r.people], ["organisations", r.organisations], ["places", r.places], ["tags", r.tags]] as const) {
      for (const key of new Set(keys)) {
        const positions = members[kind].get(key);
        if (!positions) continue;
        for (const j of positions) {
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
export function buildNavigation<T extends Entry>(
  byLocale: Map<string, T[]>,
  perLocale: Map<string, KindMaps<T>>,
  terms: Map<string, Term<T>>,
  options: ResolvedOptions,
  hint?: Reranking,
): Map<string, ReleaseNav<T>> {
  const nav = new Map<string, ReleaseNav<T>>();
  for (const [locale, list] of byLocale) {
    const base = options.base(locale);
    const strings = options.dictionaries[locale]!.strings;
    const related = relatedPositions(list, perLocale.get(locale)!, hint);
    // Each term's link made once and shared, each month's name looked up once: 20,000 releases name
    // eight terms each.
    const links = { people: new Map<string, TermRef | null>(), organisations: new Map<string, TermRef | null>(), places: new Map<string, TermRef | null>(), tags: new Map<string, TermRef | null>() };
    const refs = (kind: TermKind, keys: string[]): TermRef[] => {
      const out: TermRef[] = [];
      for (const k of keys) {
        let link = links[kind].get(k);
        if (link === undefined) {
          const t = terms.get(termKey(locale, kind, k));
          links[kind].set(k, (link = t ? ref(t) : null));
        }
        if (link) out.push(link);
      }
      return out;
    };
    const months = new Map<number, string>();
    const month = (year: number, m: number) => {
      let name = months.get(year * 100 + m);
      if (name === undefined) months.set(year * 100 + m, (name = monthName(year, m, locale, options.timeZone)));
      return name;
    };
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
          { name: month(r.year, r.month), url: archiveUrl(base, r.year, r.month) },
          { name: r.title },
        ],
      });
    });
  }
  return nav;
}
