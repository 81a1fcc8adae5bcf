// Keys that are JavaScript's own names, the same word in two Unicode spellings, paths that leave
// the output or take the plugin's files, shortcode mistakes with their lines, and size limits.
import { describe, expect, it } from "vitest";
import { COMPOSED, nfc } from "../plugin/model/releases.ts";
import { buildError, buildFixture, text } from "./helpers/build.ts";

const release = (name: string, data: Record<string, unknown>, body = "Body.") => (c: any) =>
  c.addTemplate(`releases/${name}.md`, body, { title: name, date: "2025-12-16T10:00", lead: "Lead.", ...data });

describe("keys named like JavaScript's own properties", () => {
  it("are terms like any other, and a registry lacks them unless it has them", async () => {
    const message = await buildError("proto-keys");
    // Only the missing person: no crash, no other problem.
    expect(message).toContain('proto-keys/releases/missing.md: "people" names "toString", which is not in the people registry');
    expect(message).not.toContain("is not a function");
    const site = await buildFixture("proto-keys", {}, (c) => c.ignores.add("**/missing.md"));
    const tags = site.html("/ru/tags/").querySelectorAll(".newsroom-terms a").map(text);
    expect(tags.sort()).toEqual(["__proto__", "constructor", "toString"].sort());
    expect(text(site.html("/ru/people/konstruktor-konstruktorovich/").querySelector("h1"))).toBe("Конструктор Конструкторович");
  });
});

describe("Unicode", () => {
  it("takes a text of Latin, Cyrillic and punctuation as composed only where ICU's NFC leaves it as it is", () => {
    // The characters `nfc` lets through without ICU: alone and in every pair, NFC must not change them.
    const chars = Array.from({ length: 0x10000 }, (_, i) => String.fromCharCode(i)).filter((c) => COMPOSED.test(c));
    expect(chars.length).toBeGreaterThan(1000);
    // No combining mark among them, so none can be reordered; no pair composes or changes.
    expect(chars.filter((c) => /\p{M}/u.test(c))).toEqual([]);
    const changed: string[] = [];
    for (const a of chars) {
      if (a.normalize("NFC") !== a) changed.push(a);
      for (const b of chars) if ((a + b).normalize("NFC") !== a + b) changed.push(a + b);
    }
    expect(changed).toEqual([]);
    // What it must not let through: decomposed letters, combining marks, the spaces NFC maps.
    for (const text of ["Қазақстан й".normalize("NFD"), "е\u0308", "a\u0301", "\u2000", "\u212b", "a\u0301\u0323"]) {
      expect(nfc(text)).toBe(text.normalize("NFC"));
      expect(nfc(text)).not.toBe(text);
    }
  });


  it("the same word typed composed and decomposed is one term", async () => {
    const composed = "Қазақстан й".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(composed).not.toBe(decomposed);
    const site = await buildFixture("pagination", {}, (c) => {
      release("one", { tags: [composed] })(c);
      release("two", { tags: [decomposed] })(c);
    });
    const terms = site.pages.filter((p) => /^\/ru\/tags\/[^/]+\/$/.test(p.url));
    expect(terms).toHaveLength(1);
    expect(text(site.html(terms[0]!.url).querySelector(".newsroom-term__count"))).toBe("2 пресс-релиза");
  });
});

describe("limits", () => {
  const many = Array.from({ length: 21 }, (_, i) => `тема ${i + 1}`);
  it("a release names at most 20 tags by default", async () => {
    expect(await buildError("pagination", {}, release("crowded", { tags: many }))).toContain('"tags" names 21, more than the 20 one release may: keep the 20 that matter most, or raise the limit: limits: { tags: 21 }');
  });
  it("an option raises the limit", async () => {
    const site = await buildFixture("pagination", { limits: { tags: 30 } }, release("crowded", { tags: many }));
    expect(site.pages.filter((p) => /^\/ru\/tags\/[^/]+\/$/.test(p.url))).toHaveLength(21);
  });
});

describe("a release's own permalink", () => {
  it.each([
    ["../../../../outside/index.html", "leaves the output folder"],
    ["/_headers", "is not a page"],
    ["/pagefind/pagefind.js", "is not a page"],
    ["/pagefind/index.html", "is the plugin's own /pagefind/"],
    ["/newsroom/x/", "is the plugin's own /newsroom/"],
    ["/404.html", "is the plugin's own /404.html"],
    ["/{{ title }}/", "is a template"],
  ])("%s is refused", async (permalink, words) => {
    const message = await buildError("pagination", {}, release("moved", { permalink }));
    expect(message).toContain(`releases/moved.md: "permalink" is ${JSON.stringify(permalink)}, which ${words}`);
  });

  it("a page of its own is kept", async () => {
    const site = await buildFixture("pagination", {}, release("moved", { permalink: "/ru/special/moved/" }));
    expect(text(site.html("/ru/special/moved/").querySelector("h1"))).toBe("moved");
  });
});

describe("shortcode mistakes", () => {
  it("are reported with the file and the line in it", async () => {
    const message = await buildError("shortcode-mistakes");
    expect(message).toContain('shortcode-mistakes/releases/exponent.md: "stat" on line 8 has the figure 1e21, which is not a number in plain digits');
    expect(message).toContain('shortcode-mistakes/releases/stray.md: "keyFigures" on line 6 holds "and some words", which is not a stat');
    expect(message).toContain('shortcode-mistakes/releases/unclosed.md: "keyFigures" opened on line 8 is never closed');
    expect(message).toContain('shortcode-mistakes/releases/exponent.md: "stat" on line 10 has the notation "tiny": write "compact" (60 тыс.) or "full" (60 000)');
    expect(message).toContain('shortcode-mistakes/releases/exponent.md: "quote" on line 12 names no speaker');
    expect(message).not.toContain("tag undefined not closed");
  });

  it("text after a stat inside keyFigures is refused when it renders, too", async () => {
    const message = await buildError("pagination", {}, (c) =>
      c.addTemplate("releases/after.njk", '{% keyFigures %}{% stat 5, "x" %}{{ "<b>after</b>" | safe }}{% endkeyFigures %}', { title: "After", date: "2025-12-16T10:00", lead: "Lead." }),
    );
    expect(message).toContain('"keyFigures" holds "<b>after</b>", which is not a stat');
  });
});
