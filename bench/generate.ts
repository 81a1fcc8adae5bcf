// Deterministic releases for the benchmark: N Russian releases of about 3.5 KB with a quote and
// figures, 3 tags of 200, 1–2 people of 300, 1–3 organisations of 500, one place of 20 regions with
// districts, dates spread over five years. The same N always writes the same files.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: a small seeded generator, so every run writes the same site. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "развитие регион предприятие экспорт производство министерство проект инвестиции рабочие места " +
  "программа поддержка бизнес сотрудничество модернизация инфраструктура строительство технологии " +
  "сельское хозяйство переработка продукция рынок торговля интеграция встреча совещание визит"
).split(" ");
const FIRST = ["Айдар", "Асель", "Ерлан", "Динара", "Марат", "Жанна", "Нурлан", "Сауле", "Бауыржан", "Гульнара"];
const LAST = ["Абилдабеков", "Сейтказы", "Жумабаев", "Оспанова", "Кенжебеков", "Искакова", "Турсынов", "Байжанова", "Омаров", "Султанова"];

export interface Generated {
  dir: string;
  releases: number;
  tags: string[];
  /** Writes one more release, the newest, as a newsroom publishes one: release-<n>.md. */
  publish(): void;
}

export function generate(dir: string, n: number, seed = 20251216): Generated {
  rmSync(dir, { recursive: true, force: true });
  const rnd = random(seed + n);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const sample = <T>(list: T[], k: number) => {
    const out = new Set<T>();
    while (out.size < k) out.add(pick(list));
    return [...out];
  };
  const sentence = (words: number) => {
    const w = Array.from({ length: words }, () => pick(WORDS));
    return `${w.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };

  const tags = Array.from({ length: 200 }, (_, i) => `тема ${i + 1}`);
  const people = Object.fromEntries(
    Array.from({ length: 300 }, (_, i) => [`p${i}`, { name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`, role: "вице-министр" }]),
  );
  const organisations = Object.fromEntries(
    Array.from({ length: 500 }, (_, i) => [`o${i}`, { name: `ТОО «Компания ${i}»`, kind: i % 10 === 0 ? "ministry" : "company" }]),
  );
  const places: Record<string, { name: string; kind: string; parent?: string }> = {};
  for (let r = 0; r < 20; r++) {
    places[`r${r}`] = { name: `Область ${r + 1}`, kind: "region" };
    for (let d = 0; d < 5; d++) places[`r${r}d${d}`] = { name: `Район ${r + 1}-${d + 1}`, kind: "district", parent: `r${r}` };
  }
  const placeKeys = Object.keys(places);

  mkdirSync(path.join(dir, "_data/registry"), { recursive: true });
  mkdirSync(path.join(dir, "releases"), { recursive: true });
  writeFileSync(path.join(dir, "_data/registry/people.json"), JSON.stringify(people));
  writeFileSync(path.join(dir, "_data/registry/organisations.json"), JSON.stringify(organisations));
  writeFileSync(path.join(dir, "_data/registry/places.json"), JSON.stringify(places));

  const start = Date.UTC(2021, 0, 1);
  const span = 5 * 365 * 24 * 3600 * 1000;
  const write = (i: number, date: string) => {
    const paragraphs = Array.from({ length: 7 }, () => Array.from({ length: 4 }, () => sentence(9)).join(" "));
    const who = sample(Object.keys(people), 1 + Math.floor(rnd() * 2));
    const body = [
      "{% keyFigures %}",
      `{% stat ${1000 + Math.floor(rnd() * 90000)}, "гектар|гектара|гектаров", "орошаемых земель" %}`,
      `{% stat ${10 + Math.floor(rnd() * 900)}, "рабочее место|рабочих места|рабочих мест", "постоянных", "более" %}`,
      "{% endkeyFigures %}",
      "",
      ...paragraphs.slice(0, 3).flatMap((p) => [p, ""]),
      `{% quote "${people[who[0]!]!.name}", "вице-министр" %}`,
      sentence(20),
      "{% endquote %}",
      "",
      ...paragraphs.slice(3).flatMap((p) => [p, ""]),
    ].join("\n");
    const frontMatter = [
      "---",
      `title: ${sentence(8).slice(0, -1)} ${i}`,
      `date: ${date}`,
      `lead: ${sentence(25)}`,
      `dateline: ${places[pick(placeKeys)]!.name}`,
      `tags: [${sample(tags, 3).map((t) => `"${t}"`).join(", ")}]`,
      `people: [${who.join(", ")}]`,
      `organisations: [${sample(Object.keys(organisations), 1 + Math.floor(rnd() * 3)).join(", ")}]`,
      `places: [${pick(placeKeys)}]`,
      "source: { name: BAQ.KZ, url: \"https://baq.kz/\" }",
      "---",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "releases", `release-${String(i).padStart(5, "0")}.md`), frontMatter + body);
  };
  for (let i = 0; i < n; i++) write(i, new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 16));
  return { dir, releases: n, tags, publish: () => write(n, "2025-12-31T10:00") };
}
