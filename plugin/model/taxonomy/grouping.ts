// Pass one of the term index: every release into its terms, its year and month, its locale's list.
import { ancestorsOf } from "../registries.ts";
import type { Release } from "../releases.ts";
import type { Registries } from "../schema.ts";
import { push } from "./shared.ts";
import type { Entry, TermKind } from "./types.ts";

export type KindMaps<T> = Record<TermKind, Map<string, T[]>>;

export interface Grouped<T extends Entry> {
  /** Across locales, each term key's releases, newest first (maps with no prototype). */
  byKind: Record<TermKind, Record<string, T[]>>;
  byYear: Record<string, T[]>;
  /** locale → kind → key → releases. */
  perLocale: Map<string, KindMaps<T>>;
  /** locale → releases, newest first. */
  byLocale: Map<string, T[]>;
  /** locale → year → month → releases. */
  archive: Map<string, Map<number, Map<number, T[]>>>;
}

const emptyKinds = <T>(): KindMaps<T> => ({ tags: new Map(), people: new Map(), organisations: new Map(), places: new Map() });

/**
 * Groups releases (already newest first; every list keeps that order). A place counts for the places
 * around it too: a district's release is its region's. Places not in the registry are left out here;
 * they are reported elsewhere.
 */
export function groupReleases<T extends Entry>(entries: T[], registries: Registries): Grouped<T> {
  // Maps with no prototype: a term named "constructor" or "__proto__" is a term like any other.
  const byKind: Grouped<T>["byKind"] = { tags: Object.create(null), people: Object.create(null), organisations: Object.create(null), places: Object.create(null) };
  const byYear: Record<string, T[]> = Object.create(null);
  const perLocale = new Map<string, KindMaps<T>>();
  const byLocale = new Map<string, T[]>();
  const archive = new Map<string, Map<number, Map<number, T[]>>>();
  const keysOf = termKeys(registries);

  for (const item of entries) {
    const r = item.data.release!;
    let kinds = perLocale.get(r.lang);
    if (!kinds) perLocale.set(r.lang, (kinds = emptyKinds<T>()));
    const keys = keysOf(r);
    for (const kind of ["tags", "people", "organisations", "places"] as const) {
      for (const key of keys[kind]) {
        push(kinds[kind], key, item);
        (byKind[kind][key] ??= []).push(item);
      }
    }
    (byYear[String(r.year)] ??= []).push(item);
    push(byLocale, r.lang, item);
    let years = archive.get(r.lang);
    if (!years) archive.set(r.lang, (years = new Map()));
    let months = years.get(r.year);
    if (!months) years.set(r.year, (months = new Map()));
    push(months, r.month, item);
  }
  return { byKind, byYear, perLocale, byLocale, archive };
}

export { emptyKinds };

/**
 * The terms a release is listed under, kind by kind: its own, each once, and for places the places
 * around them too (a district's release is its region's). Places not in the registry are left out.
 */
export function termKeys(registries: Registries): (release: Release) => Record<TermKind, string[]> {
  const ancestors = new Map<string, string[]>();
  const placeKeysOf = (keys: string[]) => {
    const out = new Set<string>();
    for (const key of keys.filter((k) => k in registries.places)) {
      out.add(key);
      let up = ancestors.get(key);
      if (!up) ancestors.set(key, (up = ancestorsOf(registries.places, key)));
      for (const a of up) out.add(a);
    }
    return [...out];
  };
  return (r) => ({ tags: [...new Set(r.tags)], people: [...new Set(r.people)], organisations: [...new Set(r.organisations)], places: placeKeysOf(r.places) });
}
