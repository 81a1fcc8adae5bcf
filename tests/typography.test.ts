// Typography per locale in a release's body and lead: «ёлочки» with „лапки“, no-break spaces,
// em dashes in Russian and Kazakh; curly quotes in English; never in code, URLs or attributes, never
// in JSON-LD, and never in the site's own pages.
import { describe, expect, it } from "vitest";
import { parse } from "node-html-parser";
import { shortWordBinder, typeset } from "../plugin/render/typography.ts";
import { buildExample, buildFixture, text } from "./helpers/build.ts";

const NBSP = "\u00a0";

describe("typeset", () => {
  it("sets Russian and Kazakh quotes, dashes and short words, English quotes", () => {
    expect(typeset("<p>СЭЗ &quot;Turan&quot; - в &quot;малом &quot;доме&quot;&quot;.</p>", "ru")).toBe(`<p>СЭЗ «Turan»${NBSP}— в${NBSP}«малом „доме“».</p>`);
    expect(typeset("<p>АЭА &quot;Turan&quot; - жаңа</p>", "kk")).toBe(`<p>АЭА «Turan»${NBSP}— жаңа</p>`);
    expect(typeset("<p>The &quot;Turan&quot; zone.</p>", "en")).toMatch(/^<p>The[ \u00a0]“Turan” zone\.<\/p>$/);
  });
  it("pairs quotes around inline tags and links, and stops an unclosed quote at the paragraph's end", () => {
    expect(typeset("<p>&quot;<em>Turan</em>&quot; и <a href=\"/x/\">&quot;Мақта&quot;</a></p>", "ru")).toBe(`<p>«<em>Turan</em>» и${NBSP}«<a href="/x/">Мақта</a>»</p>`);
    expect(typeset("<p>Он сказал: &quot;начнём</p><p>&quot;Turan&quot; работает</p>", "ru")).toBe(`<p>Он${NBSP}сказал: «начнём</p><p>«Turan» работает</p>`);
    expect(typeset("<p>«Зона &quot;Turan&quot;»</p>", "ru")).toBe("<p>«Зона „Turan“»</p>");
    expect(typeset("<p>&quot;Turan&quot;-да</p>", "kk")).toBe("<p>«Turan»-да</p>");
    // Between two letters a straight quote is no quote mark: it stays as it came.
    expect(typeset("<p>a&quot;b</p>", "en")).toBe("<p>a&quot;b</p>");
    expect(typeset("<p>The &quot;zone &quot;Turan&quot; works&quot;</p>", "en")).toBe("<p>The “zone ‘Turan’ works”</p>");
  });
  it("binds short words, numbers, years, millions and initials to what follows", () => {
    expect(typeset("и в доме", "ru")).toBe(`и${NBSP}в${NBSP}доме`);
    expect(typeset("ең ірі кешен", "kk")).toBe(`ең${NBSP}ірі кешен`);
    expect(typeset("60 тысяч гектаров в 2025 г. и 5 млн тенге", "ru")).toBe(`60${NBSP}тысяч гектаров в${NBSP}2025${NBSP}г. и${NBSP}5${NBSP}млн тенге`);
    expect(typeset("встретился с А. Б. Сейтказы", "ru")).toBe(`встретился с${NBSP}А.${NBSP}Б.${NBSP}Сейтказы`);
    expect(typeset("экспорт – рост, импорт -- спад", "ru")).toBe(`экспорт${NBSP}— рост, импорт${NBSP}— спад`);
    // A hyphen inside a word or a number range is no dash.
    expect(typeset("вице-министр, 2024-2025", "ru")).toBe("вице-министр, 2024-2025");
  });
  it("binds short words exactly as the regular expression that defines the rule", () => {
    // The rule as a regular expression: a word of one or two letters after the text's start, white
    // space, a bracket, a quote mark or a tag placeholder, and the space after it. Random texts over
    // letters of each locale, letters case folding reaches (K, ſ, ᲀ), boundaries, an astral letter.
    const alphabet = ["а", "Б", "ё", "Ё", "ә", "Ә", "і", "І", "a", "Z", " ", " ", " ", "\u00a0", "(", "«", "»", "„", "“", '"', "1", ".", ",", "—", "\u0000", "\u0001", "\n", "𝐀", "\u212a", "ſ", "\u1c80", "в", "x"];
    let seed = 20251216;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (const letters of ["а-яёa-z", "а-яёәғқңөұүһіa-z", "a-z"]) {
      const rule = new RegExp(`(?<=^|[\\s(\\u0000\\u0001«‹»›„“‟”"])([${letters}]{1,2}) `, "giu");
      const bind = shortWordBinder(letters);
      for (let i = 0; i < 20_000; i++) {
        let text = "";
        for (let n = 1 + Math.floor(random() * 14); n > 0; n--) text += alphabet[Math.floor(random() * alphabet.length)];
        expect(bind(text), JSON.stringify(text)).toBe(text.replace(rule, "$1\u00a0"));
      }
    }
    expect(shortWordBinder("а-яё")("и в доме «в саду» (а) ёж")).toBe("и\u00a0в\u00a0доме «в\u00a0саду» (а) ёж");
  });

  it("leaves preformatted text, scripts, comments and URLs in text as they are", () => {
    const html = '<pre>&quot;a&quot; - b</pre><!-- "c" - d --><p>См. https://baq.kz/a-b?x=1&amp;y=&quot;2&quot; - и &quot;всё&quot;</p><script>var a = "x" - 1;</script>';
    const out = typeset(html, "ru");
    expect(out).toContain("<pre>&quot;a&quot; - b</pre>");
    expect(out).toContain('<!-- "c" - d -->');
    expect(out).toContain('<script>var a = "x" - 1;</script>');
    expect(out).toContain("https://baq.kz/a-b?x=1&amp;y=");
    expect(out).toContain(`${NBSP}— и${NBSP}«всё»`);
  });
  it("leaves code, URLs and attributes as they are", () => {
    const html = '<p><a href="https://x.kz/?q=%22a%22" title="&quot;t&quot; - x">ссылка</a> <code>&quot;q&quot; - x</code></p>';
    const out = typeset(html, "ru");
    expect(out).toContain('href="https://x.kz/?q=%22a%22"');
    expect(out).toContain('title="&quot;t&quot; - x"');
    // The code's characters are the same (a quote mark may be written plainly in text).
    expect(text(parse(out).querySelector("code"))).toBe('"q" - x');
  });
});

describe("in the built site", () => {
  it("the release's body and lead are set; its JSON-LD keeps the author's text", async () => {
    const site = await buildExample();
    const html = site.html("/ru/2025/12/turkestan-visit/");
    const body = text(html.querySelector("[data-pagefind-body]"));
    expect(body).toContain("СЭЗ «Turan»");
    expect(body).not.toContain('"Turan"');
    expect(text(html.querySelector(".newsroom-lead"))).toContain("СЭЗ «Turan»");
    const graph = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent)["@graph"][0];
    expect(graph.description).toContain('СЭЗ "Turan"');
  });

  it("the site's own Markdown pages are left as they were", async () => {
    const site = await buildFixture("pagination", {}, (c) => c.addTemplate("about.md", 'Наш "сайт" - это мы.', { permalink: "/about/" }));
    expect(site.page("/about/").content).toContain("Наш &quot;сайт&quot; - это мы.");
  });
});
