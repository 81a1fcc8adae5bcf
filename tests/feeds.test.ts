// Atom, RSS 2.0 and JSON Feed, site-wide and per tag, checked with an XML parser and the JSON Feed schema.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import formats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, fixture, type Built } from "./helpers/build.ts";
import { feedText, parseXml } from "./helpers/xml.ts";

let site: Built;
beforeAll(async () => {
  site = await buildFixture("discovery", { now: "2025-12-17T11:00:00+05:00" });
});

const OFFSET_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+05:00$/;
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0500$/;
const NEWEST_FIRST = ['Визит в СЭЗ "Turan" & Отырар', "Yesterday's release", "Older release", "Closing </script><!-- tag and \u2028 line separator"];
const text = feedText;

describe("Atom", () => {
  it("has the elements RFC 4287 requires, newest first, with offsets", () => {
    const { feed } = parseXml(site.page("/ru/feed.xml").content);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.id).toBe("https://press.example.kz/ru/feed.xml");
    expect(text(feed.title)).toBe("Test Press Office: Пресс-релизы");
    expect(feed.updated).toBe("2025-12-17T09:30:00+05:00");
    expect(feed.author.name).toBe("Test Press Office");
    expect(feed.link.find((l: any) => l["@rel"] === "self")["@href"]).toBe("https://press.example.kz/ru/feed.xml");
    expect(feed.entry.map((e: any) => text(e.title))).toEqual(NEWEST_FIRST);
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^https:\/\/press\.example\.kz\/ru\/2025\/12\/[a-z-]+\/$/);
      expect(e.updated).toMatch(OFFSET_3339);
      expect(e.published).toMatch(OFFSET_3339);
      expect(e.content["@type"]).toBe("html");
    }
  });

  it("carries the full content with absolute URLs", () => {
    const { feed } = parseXml(site.page("/ru/feed.xml").content);
    const visit = feed.entry.find((e: any) => e.id.endsWith("/visit/"));
    const html = visit.content["#text"] as string;
    expect(html).toContain('href="https://press.example.kz/ru/tags/eksport/"');
    expect(html).toContain('src="https://press.example.kz/ru/2025/12/visit/chart.png"');
    expect(html).toContain("<figure class=\"newsroom-quote\">");
    expect(html).not.toMatch(/(href|src)="\//);
    expect(visit.category.map((c: any) => c["@term"])).toEqual(["экспорт", "промышленность"]);
  });
});

describe("RSS 2.0", () => {
  it("has channel and item elements, the content namespace declared, RFC 822 dates in the site's zone", () => {
    const { rss } = parseXml(site.page("/ru/rss.xml").content);
    expect(rss["@version"]).toBe("2.0");
    expect(rss["@xmlns:content"]).toBe("http://purl.org/rss/1.0/modules/content/");
    const ch = rss.channel;
    expect(text(ch.title)).toBe("Test Press Office: Пресс-релизы");
    expect(ch.link).toEqual(["https://press.example.kz/ru/"]);
    expect(ch.description).toBeTruthy();
    expect(ch.language).toBe("ru");
    expect(ch.item.map((i: any) => text(i.title))).toEqual(NEWEST_FIRST);
    for (const item of ch.item) {
      expect(item.pubDate).toMatch(RFC822);
      expect(item.guid["@isPermaLink"]).toBe("true");
      expect(item["content:encoded"]).toBeTruthy();
    }
    expect(ch.item[0].pubDate).toBe("Tue, 16 Dec 2025 10:00:00 +0500");
  });
});

describe("JSON Feed 1.1", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function is the module itself, typed as `.default`.
  const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(fixture("schemas/jsonfeed-1.1.schema.json"), "utf8")));

  it("validates against the schema and keeps titles as plain text", () => {
    const doc = JSON.parse(site.page("/ru/feed.json").content);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.items.map((i: any) => i.title)).toEqual(NEWEST_FIRST);
    expect(JSON.stringify(doc.items.map((i: any) => i.title))).not.toMatch(/&(quot|amp|lt|gt);/);
    expect(doc.items[0].date_published).toBe("2025-12-16T10:00:00+05:00");
    expect(doc.items[0].image).toBe("https://press.example.kz/img/visit.jpg");
  });

  it("the schema can fail: an item without id or content is refused", () => {
    expect(validate({ version: "https://jsonfeed.org/version/1.1", title: "x", items: [{ title: "no id" }] })).toBe(false);
  });
});

describe("feeds per tag and their length", () => {
  it("a tag has an Atom feed holding only its releases, and no other format", () => {
    const { feed } = parseXml(site.page("/ru/tags/eksport/feed.xml").content);
    expect(feed.entry.map((e: any) => text(e.title))).toEqual(['Визит в СЭЗ "Turan" & Отырар', "Older release"]);
    expect(site.pages.some((p) => p.url === "/ru/tags/eksport/feed.json" || p.url === "/ru/tags/eksport/rss.xml")).toBe(false);
    // The site-wide feed keeps all three.
    expect(JSON.parse(site.page("/ru/feed.json").content).items.length).toBeGreaterThan(0);
    expect(parseXml(site.page("/ru/rss.xml").content).rss.channel.item.length).toBeGreaterThan(0);
  });

  it("holds feedLength releases", async () => {
    const short = await buildFixture("discovery", { feedLength: 2 });
    expect(parseXml(short.page("/ru/feed.xml").content).feed.entry.map((e: any) => text(e.title))).toEqual(NEWEST_FIRST.slice(0, 2));
    expect(JSON.parse(short.page("/ru/feed.json").content).items).toHaveLength(2);
  });
});

describe("authors and icons", () => {
  const withLogo = () => buildFixture("discovery", { now: "2025-12-17T11:00:00+05:00", publisher: { name: "Министерство", logo: "/img/logo.png" } });

  it("name each item's author: its byline, or else the publisher, in Atom, RSS and JSON Feed", async () => {
    const built = await withLogo();
    const byline = "Айгерим Сагындыкова, пресс-секретарь";
    const atom = parseXml(built.page("/ru/feed.xml").content).feed.entry;
    expect(atom.find((e: any) => e.id.endsWith("/visit/")).author.name).toBe(byline);
    expect(atom.find((e: any) => e.id.endsWith("/older/")).author.name).toBe("Министерство");
    const rss = parseXml(built.page("/ru/rss.xml").content).rss;
    expect(rss["@xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    expect(rss.channel.item.map((i: any) => text(i["dc:creator"]))).toContain(byline);
    const json = JSON.parse(built.page("/ru/feed.json").content);
    expect(json.items.find((i: any) => i.id.endsWith("/visit/")).authors).toEqual([{ name: byline }]);
    expect(json.items.find((i: any) => i.id.endsWith("/older/")).authors).toEqual([{ name: "Министерство" }]);
  });

  it("give the JSON Feed the publisher's logo as its icon and favicon", async () => {
    const json = JSON.parse((await withLogo()).page("/ru/feed.json").content);
    expect([json.icon, json.favicon]).toEqual(["https://press.example.kz/img/logo.png", "https://press.example.kz/img/logo.png"]);
  });
});
