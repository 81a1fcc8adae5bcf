// The body font reads Russian, Kazakh and English: every letter of the three alphabets is in every
// face (regular, bold, italic) across its subset files, each file named by hash and declared with
// font-display: swap.
import { readFileSync } from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { FACES, fontFaceCss, fontFiles } from "../plugin/eleventy/fonts.ts";

const ALPHABETS = {
  ru: "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
  kk: "ӘәҒғҚқҢңӨөҰұҮүҺһІі",
  en: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
};

describe("the body font", () => {
  const files = fontFiles("/");

  it("has every Russian, Kazakh and English letter in every face", () => {
    for (const [weight, style] of FACES) {
      const fonts = files.filter((f) => f.weight === weight && f.style === style).map((f) => fontkit.create(readFileSync(f.source)) as { hasGlyphForCodePoint(cp: number): boolean });
      expect(fonts.length).toBe(3);
      const missing = [...Object.values(ALPHABETS).join("")].filter((ch) => !fonts.some((font) => font.hasGlyphForCodePoint(ch.codePointAt(0)!)));
      expect(missing, `${weight} ${style}`).toEqual([]);
    }
  });

  it("is self-hosted woff2, named by hash, swapped in, each subset for its own letters", () => {
    const css = fontFaceCss(files);
    expect(css.match(/@font-face/g)).toHaveLength(9);
    expect(css.match(/font-display:swap/g)).toHaveLength(9);
    for (const f of files) expect(f.url).toMatch(/^\/newsroom\/fonts\/noto-serif-[a-z-]+-\d00-(normal|italic)\.[0-9a-f]{10}\.woff2$/);
    // Kazakh's own letters are in the extended Cyrillic subset's range.
    expect(files.find((f) => f.subset === "cyrillic-ext")!.unicodeRange).toContain("U+0460-052F");
  });
});
