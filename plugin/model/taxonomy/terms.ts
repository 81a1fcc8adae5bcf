// Pass two of the term index: terms with names, slugs and URLs per locale; their pages and indexes.
import type { Problem } from "../errors.ts";
import type { ResolvedOptions } from "../options.ts";
import { localize, topicName } from "../registries.ts";
import type { Localized, Registries } from "../schema.ts";
import { SlugError, type Slugger } from "../slug.ts";
import { termIndexUrl, termUrl } from "../urls.ts";
import { emptyKinds, type KindMaps } from "./grouping.ts";
import { pagesOf, ref, SINGULAR } from "./shared.ts";
import { TERM_KINDS, type Crumb, type Entry, type PlaceNode, type Term, type TermIndexPage, type TermKind, type TermPage } from "./types.ts";

export interface Terms<T extends Entry> {
  /** `${locale}|${kind}|${key}` → term. */
  byKey: Map<string, Term<T>>;
  termIndexes: TermIndexPage<T>[];
  termPages: TermPage<T>[];
  problems: Problem[];
}

export const termKey = (locale: string, kind: TermKind, key: string) => `${locale}|${kind}|${key}`;

/** Why a term cannot have a URL of its own: a letter no table spells, an empty slug. */
function slugOf(name: string, locale: string, slug: Slugger): { slug: string } | { problem: string; fix: string } {
  try {
    const s = slug(name, locale);
    return s === "" ? { problem: `"${name}" makes an empty URL`, fix: "write it with letters or digits" } : { slug: s };
  } catch (e) {
    if (!(e instanceof SlugError)) throw e;
    return { problem: e.message.split(": ")[0]!, fix: e.message.split(": ").slice(1).join(": ") };
  }
}

/** One term of a locale: its name from the registry (a tag is its own name), and the registry's details. */
function termOf<T extends Entry>(kind: TermKind, key: string, items: T[], name: string, termSlug: string, locale: string, base: string, registries: Registries, options: ResolvedOptions): Term<T> {
  const entry = (kind === "tags" ? undefined : registries[kind][key]) as { role?: Localized; photo?: string; url?: string; kind?: string } | undefined;
  const term: Term<T> = { kind, key, locale, name, slug: termSlug, url: termUrl(base, kind, termSlug), count: items.length, items, children: [] };
  if (entry?.role !== undefined) term.role = localize(entry.role, locale, options.defaultLocale);
  if (entry?.photo !== undefined) term.photo = entry.photo;
  if (entry?.url !== undefined) term.website = entry.url;
  if (entry?.kind !== undefined) term.kindLabel = options.dictionaries[locale]!.kinds?.[entry.kind] ?? entry.kind;
  return term;
}

/** The places of a locale as a tree: each term gets its parent and children, the index its roots. */
function placeTree<T extends Entry>(list: Term<T>[], locale: string, byKey: Map<string, Term<T>>, registries: Registries): PlaceNode[] {
  const nodes = new Map(list.map((t) => [t.key, { ...ref(t), children: [] as PlaceNode[] }]));
  for (const term of list) {
    const parentKey = registries.places[term.key]?.parent;
    const parent = parentKey ? byKey.get(termKey(locale, "places", parentKey)) : undefined;
    if (parent) {
      term.parent = ref(parent);
      parent.children.push(ref(term));
      nodes.get(parent.key)!.children.push(nodes.get(term.key)!);
    }
  }
  return list.filter((t) => !t.parent).map((t) => nodes.get(t.key)!);
}

/** The terms of one kind in one locale, sorted by name; two on one URL is a problem naming both. */
function termsOfKind<T extends Entry>(kind: TermKind, grouped: KindMaps<T>, locale: string, registries: Registries, options: ResolvedOptions, slug: Slugger, problems: Problem[]): Term<T>[] {
  const base = options.base(locale);
  const bySlug = new Map<string, string>();
  const list: Term<T>[] = [];
  const fileOf = (items: T[]) => (kind === "tags" ? items[0]!.inputPath : `registry/${kind}`);
  for (const [key, items] of grouped[kind]) {
    const name = kind === "tags" ? topicName(registries, key, locale, options.defaultLocale) : localize(registries[kind][key]?.name, locale, options.defaultLocale);
    const made = slugOf(name, locale, slug);
    if ("problem" in made) {
      problems.push({ file: fileOf(items), field: kind === "tags" ? "tags" : `${key}.name`, message: made.problem, fix: made.fix });
      continue;
    }
    const clash = bySlug.get(made.slug);
    if (clash !== undefined) {
      const where = (k: string) => (kind === "tags" ? `tag "${k}" (${grouped.tags.get(k)![0]!.inputPath})` : `${SINGULAR[kind]} "${k}"`);
      problems.push({
        file: fileOf(items),
        field: kind,
        message: `${where(clash)} and ${where(key)} would share the URL ${termUrl(base, kind, made.slug)}`,
        fix: kind === "tags" ? "write the tag the same way in every release, or make the two tags differ in letters" : "give one of them a distinct name",
      });
      continue;
    }
    bySlug.set(made.slug, key);
    list.push(termOf(kind, key, items, name, made.slug, locale, base, registries, options));
  }
  const collator = new Intl.Collator(locale);
  return list.sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
}

/** Every term of every locale, with its pages and the index of its kind. */
export function buildTerms<T extends Entry>(perLocale: Map<string, KindMaps<T>>, registries: Registries, options: ResolvedOptions, slug: Slugger): Terms<T> {
  const out: Terms<T> = { byKey: new Map(), termIndexes: [], termPages: [], problems: [] };
  for (const locale of options.locales) {
    const base = options.base(locale);
    const grouped = perLocale.get(locale) ?? emptyKinds<T>();
    const strings = options.dictionaries[locale]!.strings;
    for (const kind of TERM_KINDS) {
      const list = termsOfKind(kind, grouped, locale, registries, options, slug, out.problems);
      for (const term of list) out.byKey.set(termKey(locale, kind, term.key), term);
      const title = strings[kind];
      const home: Crumb = { name: strings.home, url: base };
      const index: TermIndexPage<T> = { url: termIndexUrl(base, kind), alternateKey: `index:${kind}`, locale, kind, title, breadcrumbs: [home, { name: title }], terms: list };
      if (kind === "places") index.roots = placeTree(list, locale, out.byKey, registries);
      out.termIndexes.push(index);
      for (const term of list) {
        for (const page of pagesOf(term.url, locale, term.name, [home, { name: title, url: index.url }], term.items, options.perPage)) {
          out.termPages.push({ ...page, alternateKey: `term:${kind}:${term.key}`, term });
        }
      }
    }
  }
  return out;
}
