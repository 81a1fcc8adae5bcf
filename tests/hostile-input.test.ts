// Hostile strings in every field, shortcode argument and registry entry: the build succeeds and no
// script, event handler or javascript: URL from content reaches any page, feed, sitemap or JSON-LD.
import { beforeAll, describe, expect, it } from "vitest";
import { parse, type HTMLElement } from "node-html-parser";
import { buildError, buildFixture, text, type Built } from "./helpers/build.ts";
import { parseXml } from "./helpers/xml.ts";
import Parser from "rss-parser";

const HOSTILE_TABLE = { ru: { ש: "sh", ל: "l", ו: "o", ם: "m" } };
let site: Built;
beforeAll(async () => {
  site = await buildFixture("hostile", { now: "2025-12-17T12:00:00+05:00", transliteration: HOSTILE_TABLE });
});

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "cite", "poster", "data"];

/** Everything a browser could run: scripts other than our JSON-LD, on* attributes, javascript: URLs. */
function dangers(html: string, where: string): string[] {
  const found: string[] = [];
  const root = parse(html, { comment: true });
  for (const el of root.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    if (tag === "script") {
      // The search page loads Pagefind's UI and the plugin's own starter: files, not content.
      const src = el.getAttribute("src");
      if (src !== undefined && /^\/(pagefind\/pagefind-ui\.js|newsroom\/newsroom-search\.[0-9a-f]{10}\.js)$/.test(src) && el.textContent.trim() === "") continue;
      if (el.getAttribute("type") !== "application/ld+json") found.push(`${where}: <script> without the JSON-LD type`);
      else {
        try {
          JSON.parse(el.textContent);
        } catch {
          found.push(`${where}: JSON-LD that does not parse`);
        }
      }
    }
    if (["iframe", "object", "embed"].includes(tag)) found.push(`${where}: <${tag}>`);
    for (const [name, value] of Object.entries(el.attributes)) {
      if (name.toLowerCase().startsWith("on")) found.push(`${where}: ${tag} ${name}=`);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()) && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${where}: ${name}=${value}`);
    }
  }
  // A script element can only open through an unescaped "<script", which the parser above would see;
  // check the raw text too, in case a broken tag hides one from the parser.
  const raw = html
    .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, "")
    .replace(/<script defer src="\/(pagefind\/pagefind-ui\.js|newsroom\/newsroom-search\.[0-9a-f]{10}\.js)"><\/script>/g, "");
  if (/<script/i.test(raw)) found.push(`${where}: raw <script`);
  return found;
}

describe("hostile input", () => {
  it("builds, and no page carries anything a browser would run", () => {
    const problems: string[] = [];
    const htmlPages = site.pages.filter((p) => p.url.endsWith("/") || p.url.endsWith(".html"));
    expect(htmlPages.length).toBeGreaterThan(10);
    for (const p of htmlPages) problems.push(...dangers(p.content, p.url));
    expect(problems).toEqual([]);
  });

  it("feeds carry the text escaped, and their HTML content is just as clean", () => {
    const problems: string[] = [];
    for (const p of site.pages.filter((p) => /feed\.xml$|rss\.xml$/.test(p.url))) {
      const doc = parseXml(p.content);
      const items = doc.feed ? doc.feed.entry : doc.rss.channel.item;
      for (const item of items) {
        const html = doc.feed ? item.content["#text"] : item["content:encoded"];
        problems.push(...dangers(String(html), `${p.url} content`));
        const title = typeof item.title === "object" ? item.title["#text"] : item.title;
        // Readers read titles as HTML, so they carry the markup escaped once more.
        expect(String(title)).toContain("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
      }
    }
    for (const p of site.pages.filter((p) => p.url.endsWith("feed.json"))) {
      for (const item of JSON.parse(p.content).items) problems.push(...dangers(item.content_html, `${p.url} content_html`));
    }
    expect(problems).toEqual([]);
  });

  it("an independent feed reader finds no live markup in any title, description or category", async () => {
    const reader = new Parser();
    const problems: string[] = [];
    const feeds = site.pages.filter((p) => /(feed|rss)\.xml$/.test(p.url));
    expect(feeds.length).toBeGreaterThan(4);
    // What a reader renders as HTML: channel and item titles, descriptions, categories.
    const live = (value: unknown, where: string) => {
      for (const v of Array.isArray(value) ? value : [value]) {
        const textValue = typeof v === "string" ? v : typeof v === "object" && v !== null ? String((v as { _?: unknown })._ ?? "") : "";
        const root = parse(textValue);
        if (root.querySelectorAll("*").length > 0) problems.push(`${where}: ${textValue.slice(0, 60)}`);
      }
    };
    for (const p of feeds) {
      const feed = await reader.parseString(p.content);
      live(feed.title, `${p.url} title`);
      live(feed.description, `${p.url} description`);
      for (const item of feed.items) {
        live(item.title, `${p.url} item title`);
        if (p.url.endsWith("rss.xml")) live(item.content, `${p.url} item description`);
        // RSS categories are text readers print; Atom's are machine-readable terms in an attribute.
        if (p.url.endsWith("rss.xml")) live(item.categories, `${p.url} item categories`);
      }
    }
    // The hostile topic has a feed of its own, whose title names it.
    expect(feeds.some((p) => p.content.includes("img src=x onerror"))).toBe(true);
    expect(problems).toEqual([]);
  });

  it("sitemaps and robots.txt are well-formed and hold only http(s) URLs", () => {
    for (const p of site.pages.filter((p) => p.url.endsWith(".xml") && p.url.includes("sitemap"))) {
      const doc = parseXml(p.content);
      for (const u of doc.urlset.url) expect(u.loc).toMatch(/^https:\/\/press\.example\.kz\/[a-z0-9/-]*$/);
    }
  });

  it("readers see the hostile text as text, whole", () => {
    const release = site.pages.find((p) => p.inputPath.endsWith("hostile.md"))!;
    const html = parse(release.content);
    const h1 = html.querySelector("h1")!;
    expect(h1.textContent).toContain('"><script>alert(1)</script> </script><!-- \u2028 & \'quotes\' \u202eשלום 🎉 Оченьдлинноеслово');
    expect(text(html.querySelector(".newsroom-lead"))).toContain("<img src=x onerror=alert(1)>");
    // Set in Russian typography (an opening quote mark), and still only text.
    expect(text(html.querySelector("figure.newsroom-quote cite"))).toBe("Speaker «><script>alert(1)</script>");
    expect(html.querySelector("figure.newsroom-quote blockquote")?.getAttribute("cite")).toBe('https://example.kz/?a="><script>alert(1)</script>');
    // Typography makes the double hyphen a dash; the text stays text.
    expect(text(html.querySelector(".newsroom-stat__label"))).toMatch(/<\/script><!\s?(--|—) label/);
    expect(html.querySelector(".newsroom-source a")?.getAttribute("href")).toBe('https://baq.kz/?q="><script>alert(1)</script>&x=1');
    const graph = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent)["@graph"][0];
    expect(graph.headline).toBe(h1.textContent);
    expect(graph.mentions[0].spokenByCharacter.name).toBe('Speaker "><script>alert(1)</script>');
    // A 300-letter word still gets a URL a file system can hold.
    expect(release.url.split("/").every((part) => part.length <= 80)).toBe(true);
  });

  it("term pages of hostile names have safe URLs under 80 characters a segment", () => {
    const terms = site.pages.filter((p) => /\/(people|organisations|places|tags)\/.+\/$/.test(p.url));
    expect(terms.length).toBeGreaterThanOrEqual(6);
    for (const t of terms) expect(t.url).toMatch(/^\/ru\/(people|organisations|places|tags)\/[a-z0-9-]{1,80}\/$/);
  });
});

describe("javascript: URLs are refused with an error", () => {
  const release = (extra: Record<string, unknown>) => (c: any) =>
    c.addTemplate("releases/js.md", "Body.", { title: "JS", date: "2025-12-16", lead: "x", ...extra });

  it.each([
    ["source.url", { source: { name: "x", url: "javascript:alert(1)" } }, '"source.url" is "javascript:alert(1)", which is not an http(s) address'],
    ["image.src", { image: { src: " JaVaScRiPt:alert(1)", alt: "x" } }, '"image.src" is " JaVaScRiPt:alert(1)", which is not a site path or an http(s) address'],
  ])("in %s", async (_field, extra, expected) => {
    expect(await buildError("pagination", {}, release(extra))).toContain(expected);
  });

  it("in a quote's cite", async () => {
    const message = await buildError("pagination", {}, (c: any) =>
      c.addTemplate("releases/js.md", '{% quote "A", "B", "javascript:alert(1)" %}Text{% endquote %}', { title: "JS", date: "2025-12-16", lead: "x" }),
    );
    expect(message).toContain('"quote" cite URL "javascript:alert(1)" is not an http(s) address');
  });

  it("in a registry entry", async () => {
    const message = await buildError("pagination", {}, (c: any) => {
      c.addGlobalData("registry", { people: { p: { name: "P", url: "javascript:alert(1)" } } });
      c.addTemplate("releases/ok.md", "Body.", { title: "OK", date: "2025-12-16", lead: "x" });
    });
    expect(message).toMatch(/registry\/people\.json: "p\.url" is not an http\(s\) address/);
  });
});
