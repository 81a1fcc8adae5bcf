// Each pass of the term index as data in, data out, without an Eleventy build: grouping, terms,
// archives, navigation and alternates.
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../plugin/model/options.ts";
import type { Release } from "../plugin/model/releases.ts";
import type { Registries } from "../plugin/model/schema.ts";
import { createSlugger } from "../plugin/model/slug.ts";
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
