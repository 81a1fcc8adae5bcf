// quote, stat and keyFigures in Markdown (Liquid), Nunjucks and 11ty.js, read from the built HTML.
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, text, type Built } from "./helpers/build.ts";

let site: Built;
beforeAll(async () => {
  site = await buildFixture("shortcodes", { locales: ["ru", "kk", "en"] });
});

const NBSP = "\u00a0";

describe("quote", () => {
  it("renders a figure with blockquote, speaker and role from Markdown, its Markdown rendered", () => {
    const html = site.html("/ru/2025/12/markdown-release/");
    const fig = html.querySelector("figure.newsroom-quote")!;
    expect(fig).not.toBeNull();
    const quote = fig.querySelector("blockquote")!;
    expect(quote.getAttribute("cite")).toBe("https://baq.kz/");
    expect(quote.querySelector("p strong")?.textContent).toBe("выделением");
    expect(quote.querySelector("p a")?.getAttribute("href")).toBe("https://example.kz/");
    expect(fig.querySelector("figcaption cite")?.textContent).toBe("Айдар Абилдабеков");
    expect(text(fig.querySelector("figcaption"))).toBe("— Айдар Абилдабеков, вице-министр");
    // The paragraph after the quote is still a paragraph: the shortcode left Markdown no blank line to trip on.
    const after = html.querySelectorAll(".newsroom-release__body > p").map(text);
    expect(after).toContain("Text before the quote.");
    expect(after.some((t) => t.startsWith("Paragraph after the quote"))).toBe(true);
  });

  it("works in Nunjucks", () => {
    const fig = site.html("/nunjucks/").querySelector("figure.newsroom-quote")!;
    expect(fig.querySelector("blockquote em")?.textContent).toBe("words");
    expect(fig.querySelector("figcaption cite")?.textContent).toBe("Speaker Name");
    expect(text(fig.querySelector("figcaption"))).toContain(", Press secretary");
  });

  it("works in 11ty.js", () => {
    const fig = site.html("/javascript/").querySelector("figure.newsroom-quote")!;
    expect(fig.querySelector("blockquote em")?.textContent).toBe("words");
    expect(fig.querySelector("figcaption cite")?.textContent).toBe("JS Speaker");
  });
});

describe("stat and keyFigures", () => {
  it("groups stats in a titled list, with machine-readable values, in Markdown", () => {
    const box = site.html("/ru/2025/12/markdown-release/").querySelector(".newsroom-key-figures")!;
    expect(text(box.querySelector("h2"))).toBe("Ключевые цифры");
    const items = box.querySelectorAll("ul > li");
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector("data")?.getAttribute("value")).toBe("60000");
    expect(items[0]!.querySelector("data")?.textContent).toBe(`60${NBSP}тыс.`);
    expect(text(items[0]!.querySelector(".newsroom-stat__figure"))).toBe("60 тыс. гектаров");
    expect(text(items[0]!.querySelector(".newsroom-stat__label"))).toBe("орошаемых земель");
    expect(text(items[1]!.querySelector(".newsroom-stat__figure"))).toBe("более 1,4 тыс. рабочих мест");
  });

  it("prints the full figure when asked, inline in a paragraph", () => {
    const p = site.html("/ru/2025/12/markdown-release/").querySelectorAll(".newsroom-release__body > p").find((el) => text(el).startsWith("Paragraph after"))!;
    expect(p.querySelector("data")?.textContent).toBe(`60${NBSP}000`);
    expect(text(p)).toContain("60 000 гектаров inline");
  });

  it("works in Nunjucks with Russian plurals", () => {
    const items = site.html("/nunjucks/").querySelectorAll(".newsroom-key-figures li").map((li) => text(li.querySelector(".newsroom-stat__figure")));
    expect(items).toEqual(["21 рабочее место", "2 рабочих места"]);
  });

  it("works in 11ty.js", () => {
    const items = site.html("/javascript/").querySelectorAll(".newsroom-key-figures li").map((li) => text(li.querySelector(".newsroom-stat__figure")));
    expect(items).toEqual(["5 рабочих мест", "1 рабочее место"]);
  });

  it("speaks the page's locale: Kazakh and English figures and headings", () => {
    const kk = site.html("/kk/figures/");
    expect(text(kk.querySelector(".newsroom-key-figures h2"))).toBe("Негізгі сандар");
    expect(text(kk.querySelector(".newsroom-stat__figure"))).toBe("1,4 мың жұмыс орны");
    const en = site.html("/en/figures/");
    expect(text(en.querySelector(".newsroom-key-figures h2"))).toBe("Key figures");
    expect(en.querySelectorAll(".newsroom-stat__figure").map(text)).toEqual(["1.4K jobs", "1 job"]);
  });
});
