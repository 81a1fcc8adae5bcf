// Each pass of the term index as data in, data out, without an Eleventy build: grouping, terms,
// archives, navigation and alternates.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../plugin/model/options.ts";
import { sortReleases, type Release } from "../plugin/model/releases.ts";
import type { Registries } from "../plugin/model/schema.ts";
import { createSlugger } from "../plugin/model/slug.ts";
import { buildIndex, swapItems } from "../plugin/model/taxonomy.ts";
import { buildAlternates } from "../plugin/model/taxonomy/alternates.ts";
import { buildArchives } from "../plugin/model/taxonomy/archives.ts";
import { groupReleases } from "../plugin/model/taxonomy/grouping.ts";
import { buildNavigation, relatedPositions } from "../plugin/model/taxonomy/navigation.ts";
import { buildTerms } from "../plugin/model/taxonomy/terms.ts";

const options = resolveOptions({ siteName: "P", siteUrl: "https://p.kz", locales: ["ru", "kk"], timeZone: "Asia/Almaty", perPage: 2 });
const slug = createSlugger();
const registries = {
  people: Object.assign(Object.create(null), { ivanov: { name: "Иван Иванов" } }),
  organisations: Object.create(null),
  places: Object.assign(Object.create(null), { region: { name: "Туркестанская область", kind: "region" }, district: { name: "Отырарский район", kind: "district", parent: "region" } }),
  topics: Object.create(null),
} as Registries;

let n = 0;
/** A release item as the index reads one; the list is given newest first. */
const item = (r: Partial<Release> & { title: string }) => {
  n++;
  const release = { lang: "ru", tags: [], people: [], organisations: [], places: [], year: 2025, month: 12, alternateKey: `release:${n}`, ...r } as Release;
  return { inputPath: `./releases/${n}.md`, url: `/${release.lang}/${release.year}/${String(release.month).padStart(2, "0")}/r${n}/`, data: { release } };
};

const a = item({ title: "A", tags: ["экспорт", "экспорт"], people: ["ivanov"], places: ["district"] });
const b = item({ title: "B", tags: ["экспорт"], month: 11 });
const c = item({ title: "C", people: ["ivanov"], places: ["district"], year: 2024, month: 3 });
const k = item({ title: "K", lang: "kk", tags: ["экспорт"], alternateKey: a.data.release.alternateKey });
const entries = [a, b, c, k];

describe("grouping", () => {
  const g = groupReleases(entries, registries);
  it("puts each release once under each of its terms, a district's under its region too", () => {
    expect(g.perLocale.get("ru")!.tags.get("экспорт")!.map((i) => i.data.release!.title)).toEqual(["A", "B"]);
    expect(g.perLocale.get("ru")!.places.get("region")!.map((i) => i.data.release!.title)).toEqual(["A", "C"]);
    expect(g.byKind.tags["экспорт"]!.map((i) => i.data.release!.title)).toEqual(["A", "B", "K"]);
  });
  it("files releases by locale, year and month, newest first", () => {
    expect(g.byLocale.get("ru")!.map((i) => i.data.release!.title)).toEqual(["A", "B", "C"]);
    expect([...g.archive.get("ru")!.get(2025)!.keys()]).toEqual([12, 11]);
    expect(g.byYear["2024"]!.map((i) => i.data.release!.title)).toEqual(["C"]);
  });
});

describe("terms", () => {
  const g = groupReleases(entries, registries);
  const t = buildTerms(g.perLocale, registries, options, slug);
  it("name, slug and URL each term in its locale, and build its pages and its kind's index", () => {
    const tag = t.byKey.get("ru|tags|экспорт")!;
    expect([tag.url, tag.count]).toEqual(["/ru/tags/eksport/", 2]);
    expect(t.byKey.get("ru|people|ivanov")!.url).toBe("/ru/people/ivan-ivanov/");
    expect(t.termPages.map((p) => p.url)).toContain("/kk/tags/eksport/");
    expect(t.termIndexes.find((i) => i.locale === "ru" && i.kind === "places")!.roots!.map((r) => [r.key, r.children.map((c) => c.key)])).toEqual([["region", ["district"]]]);
    expect(t.problems).toEqual([]);
  });
  it("report two terms on one URL, naming both", () => {
    const clash = groupReleases([item({ title: "X", tags: ["Экспорт", "экспорт"] })], registries);
    expect(buildTerms(clash.perLocale, registries, options, slug).problems[0]!.message).toMatch(/tag "Экспорт" .* and tag "экспорт" .* would share the URL \/ru\/tags\/eksport\//);
  });
});

describe("archives", () => {
  it("give each year and month its pages, in the locale's words", () => {
    const pages = buildArchives(groupReleases(entries, registries).archive, options);
    expect(pages.filter((p) => p.locale === "ru").map((p) => [p.url, p.title])).toEqual([
      ["/ru/2025/", "2025"],
      ["/ru/2025/12/", "Декабрь 2025"],
      ["/ru/2025/11/", "Ноябрь 2025"],
      ["/ru/2024/", "2024"],
      ["/ru/2024/03/", "Март 2024"],
    ]);
    expect(pages[0]!.months.map((m) => m.name)).toEqual(["Декабрь", "Ноябрь"]);
  });
});

describe("navigation", () => {
  const g = groupReleases(entries, registries);
  const t = buildTerms(g.perLocale, registries, options, slug);
  it("ranks related releases by shared terms, the newer first on a tie", () => {
    // A shares a tag with B, and a person and two places with C.
    expect(relatedPositions(g.byLocale.get("ru")!, g.perLocale.get("ru")!)).toEqual([[2, 1], [0], [0]]);
  });
  it("on a tie, ranks the release nearer in time first, then the newer", () => {
    // T shares one tag with each of the others. N is the newest and the furthest from T; O, older
    // than T, is nearer; E and L are each three days from T, E the later.
    const at = (day: string) => `2025-${day}T10:00:00+05:00`;
    const list = [
      item({ title: "N", tags: ["t"], published: at("12-20") }),
      item({ title: "E", tags: ["t"], published: at("06-13") }),
      item({ title: "T", tags: ["t"], published: at("06-10") }),
      item({ title: "L", tags: ["t"], published: at("06-07") }),
      item({ title: "O", tags: ["t"], published: at("06-01") }),
    ];
    const g = groupReleases(list, registries);
    const titles = relatedPositions(g.byLocale.get("ru")!, g.perLocale.get("ru")!).map((p) => p.map((j) => list[j]!.data.release.title));
    expect(titles[2]).toEqual(["E", "L", "O"]);
    // N's nearest are E, then T, then L: not the newest, which it is itself.
    expect(titles[0]).toEqual(["E", "T", "L"]);
  });
  it("ranks again when a term's members change though no release's keys do (a place moved under another region)", () => {
    const list = g.byLocale.get("ru")!;
    const kinds = g.perLocale.get("ru")!;
    const first = relatedPositions(list, kinds);
    // The same releases, with B now sharing a place with A: the last call's ranking no longer holds.
    const places = new Map([...kinds.places].map(([key, items]) => [key, items.includes(list[0]!) ? [...new Set([...items, list[1]!])] : items]));
    const moved = relatedPositions(list, { ...kinds, places });
    expect(moved).not.toEqual(first);
    expect(moved[1]).toEqual([0]);
    expect(moved[0]![0]).toBe(1);
  });
  describe("ranked again after a publish, from the last build's ranking", () => {
    // A seeded archive of many terms, each release in a few: most releases share nothing with a
    // change, as in a real archive, and places sit in regions.
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const one = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const some = <T,>(xs: T[], most: number) => [...new Set(Array.from({ length: Math.floor(rnd() * (most + 1)) }, () => one(xs)))];
    const places = Object.create(null) as Registries["places"];
    for (let r = 0; r < 8; r++) {
      places[`r${r}`] = { name: `Область ${r}`, kind: "region" } as Registries["places"][string];
      for (let d = 0; d < 5; d++) places[`r${r}d${d}`] = { name: `Район ${r}-${d}`, kind: "district", parent: `r${r}` } as Registries["places"][string];
    }
    const people = Object.assign(Object.create(null), Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, { name: `Человек ${i}` }])));
    const regs = { ...registries, people, places } as Registries;
    const tags = Array.from({ length: 60 }, (_, i) => `t${i}`);
    type Item = { inputPath: string; url: string; data: { release: Release } };
    const release = (i: number, over: Partial<Release> = {}): Item => {
      const r = { title: `R${i}`, lang: rnd() < 0.85 ? "ru" : "kk", tags: some(tags, 2), people: some(Object.keys(people), 1), organisations: [], places: some(Object.keys(places), 1), year: 2025, month: 1 + (i % 12), alternateKey: `release:x${i}`, published: new Date(Date.UTC(2025, 0, 1) + Math.floor(rnd() * 200) * 86400000).toISOString(), ...over } as Release;
      return { inputPath: `./releases/x${String(i).padStart(3, "0")}.md`, url: `/${r.lang}/x${i}/`, data: { release: r } };
    };
    const sorted = (list: Item[]) => sortReleases(list, (x) => x.data.release);
    const relatedOf = (list: Item[], hint?: Parameters<typeof buildIndex>[4]) => {
      // The index remembers its last ranking: another list in between makes each call rank for itself.
      buildIndex(sorted([release(999)]), regs, options, slug);
      return new Map([...buildIndex(list, regs, options, slug, hint).nav].map(([p, nav]) => [p, nav.related.map((r) => r.inputPath)]));
    };
    const before = sorted(Array.from({ length: 400 }, (_, i) => release(i)));
    const ranked = relatedOf(before);
    const previous = new Map(before.map((x) => [x.inputPath, { release: x.data.release, related: ranked.get(x.inputPath)! }]));
    const withRelease = (x: Item, over: Partial<Release>): Item => ({ ...x, data: { release: { ...x.data.release, ...over } } });
    /** One change of the kinds a newsroom makes, to the release at `at`. */
    const changes: [string, (list: Item[], at: number) => Item[]][] = [
      ["a release published", (list) => [...list, release(500 + list.length)]],
      ["a release deleted", (list, at) => list.filter((_, i) => i !== at)],
      ["a release moved to a district of another region", (list, at) => list.map((x, i) => (i === at ? withRelease(x, { places: [`r${(Number(x.data.release.places[0]?.[1] ?? 0) + 1) % 8}d0`] }) : x))],
      ["a release retagged", (list, at) => list.map((x, i) => (i === at ? withRelease(x, { tags: [one(tags)] }) : x))],
      ["a release redated", (list, at) => list.map((x, i) => (i === at ? withRelease(x, { published: "2025-04-01T00:00:00.000Z" }) : x))],
      ["a release's locale changed", (list, at) => list.map((x, i) => (i === at ? withRelease(x, { lang: x.data.release.lang === "ru" ? "kk" : "ru" }) : x))],
    ];

    for (const [name, change] of changes) {
      it(`after ${name}, gives every release what a ranking from scratch gives it`, () => {
        for (let trial = 0; trial < 12; trial++) {
          const after = sorted(change(before, Math.floor(rnd() * before.length)));
          expect(relatedOf(after, { registries: regs, previous })).toEqual(relatedOf(after));
        }
      });
    }
    it("keeps the last ranking where no change reaches, and ignores it under other registries", () => {
      // A planted list shows through where nothing changed; under a changed registry it is not read.
      const planted = new Map(previous);
      const quiet = before.find((x) => x.data.release.tags.length + x.data.release.people.length + x.data.release.places.length === 0)!;
      planted.set(quiet.inputPath, { release: quiet.data.release, related: [before[0]!.inputPath] });
      expect(relatedOf(before, { registries: regs, previous: planted }).get(quiet.inputPath)).toEqual([before[0]!.inputPath]);
      expect(relatedOf(before, { registries: { ...regs }, previous: planted }).get(quiet.inputPath)).toEqual([]);
    });
  });

  it("gives each release its neighbours, links and breadcrumbs", () => {
    const nav = buildNavigation(g.byLocale, g.perLocale, t.byKey, options).get(b.inputPath)!;
    expect([nav.next?.data.release!.title, nav.previous?.data.release!.title]).toEqual(["A", "C"]);
    expect(nav.tags.map((r) => r.url)).toEqual(["/ru/tags/eksport/"]);
    expect(nav.breadcrumbs.map((c) => c.url)).toEqual(["/ru/", "/ru/2025/", "/ru/2025/11/", undefined]);
  });
});

describe("alternates", () => {
  it("join a release and its translation, and the first pages of terms across locales", () => {
    const g = groupReleases(entries, registries);
    const t = buildTerms(g.perLocale, registries, options, slug);
    const { alternates, problems } = buildAlternates(entries, { termPages: t.termPages, archivePages: buildArchives(g.archive, options), termIndexes: t.termIndexes }, options);
    expect(Object.fromEntries(alternates.get(a.data.release.alternateKey)!)).toEqual({ ru: a.url, kk: k.url });
    expect(Object.fromEntries(alternates.get("index:tags")!)).toEqual({ ru: "/ru/tags/", kk: "/kk/tags/" });
    expect(problems).toEqual([]);
  });
  it("refuse two releases of one locale with one translationKey", () => {
    const twin = item({ title: "Twin", alternateKey: a.data.release.alternateKey });
    const { problems } = buildAlternates([a, twin], { termPages: [], archivePages: [], termIndexes: [] }, options);
    expect(problems[0]!.field).toBe("translationKey");
  });
});

describe("the index taken over by other items", () => {
  // More releases than a page holds, so that lists, pagers and related releases all have several.
  const many = Array.from({ length: 7 }, (_, i) =>
    item({ title: `M${i}`, tags: ["экспорт", i % 2 ? "импорт" : "торговля"], people: i % 3 ? ["ivanov"] : [], places: i % 2 ? ["district"] : [], month: 12 - (i % 3) }),
  );
  const list = sortReleases([...entries, ...many], (i) => i.data.release);
  const twin = (i: (typeof list)[number]) => ({ ...i, data: { ...i.data } });

  /** Every object the index reaches, items excepted, walked as a template could walk it. */
  function itemsReached(index: object, isItem: (v: object) => boolean): Set<object> {
    const found = new Set<object>();
    const seen = new Set<object>();
    const walk = (v: unknown) => {
      if (typeof v !== "object" || v === null || seen.has(v)) return;
      seen.add(v);
      if (isItem(v)) return void found.add(v);
      const values = v instanceof Map ? [...v.values()] : Array.isArray(v) ? v : Object.values(v);
      values.forEach(walk);
    };
    walk(index);
    return found;
  }

  it("holds only the new items wherever it held the old, and equals the index built from the new", () => {
    const planned = buildIndex(list, registries, options, slug);
    const theirs = list.map(twin);
    const fresh = buildIndex(theirs, registries, options, slug);
    const swapped = swapItems(planned, new Map(list.map((i, n) => [i, theirs[n]!])));
    const olds = new Set<object>(list);
    const news = new Set<object>(theirs);
    const reached = itemsReached(swapped, (v) => olds.has(v) || news.has(v));
    expect([...reached].filter((v) => olds.has(v))).toEqual([]);
    expect(reached.size).toBe(theirs.length);
    // The same index, item for item, as one worked out from the new items.
    const named = (index: object) => JSON.stringify(index, (_k, v) => (news.has(v) ? `item ${v.inputPath}` : v instanceof Map ? [...v] : v));
    expect(named(swapped)).toBe(named(fresh));
  });
});
