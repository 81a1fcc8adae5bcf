// Typography per locale in a release's body and lead: «ёлочки» with „лапки“, no-break spaces,
// em dashes in Russian and Kazakh; curly quotes in English; never in code, URLs or attributes, never
// in JSON-LD, and never in the site's own pages.
import { describe, expect, it } from "vitest";
import { parse } from "node-html-parser";
import { typeset } from "../plugin/render/typography.ts";
import { buildExample, buildFixture, text } from "./helpers/build.ts";

const NBSP = "\u00a0";

describe("typeset", () => {
  it("sets Russian and Kazakh quotes, dashes and short words, English quotes", () => {
    expect(typeset("<p>СЭЗ &quot;Turan&quot; - в &quot;малом &quot;доме&quot;&quot;.</p>", "ru")).toBe(`<p>СЭЗ «Turan»${NBSP}— в${NBSP}«малом „доме“».</p>`);
    expect(typeset("<p>АЭА &quot;Turan&quot; - жаңа</p>", "kk")).toBe(`<p>АЭА «Turan»${NBSP}— жаңа</p>`);
    expect(typeset("<p>The &quot;Turan&quot; zone.</p>", "en")).toMatch(/^<p>The[ \u00a0]“Turan” zone\.<\/p>$/);
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
