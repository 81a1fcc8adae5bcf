// The body font reads Russian, Kazakh and English: every letter of the three alphabets is in every
// face (regular, bold, italic) across its subset files, each file named by hash and declared with
// font-display: swap.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import subsetFont from "subset-font";
import { FACES, fontFaceCss, fontFiles, SHIPPED_FONTS } from "../plugin/eleventy/fonts.ts";
import { sharedExample } from "./helpers/site.ts";

const ALPHABETS = {
  ru: "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
  kk: "ӘәҒғҚқҢңӨөҰұҮүҺһІі",
  en: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
};

describe("the body font", () => {
  const files = fontFiles("/");

  it("has every Russian, Kazakh and English letter in every face, in the files the site serves", () => {
    const site = sharedExample();
    for (const [weight, style] of FACES) {
      const fonts = files.filter((f) => f.weight === weight && f.style === style).map((f) => fontkit.create(readFileSync(path.join(site, f.url))) as { hasGlyphForCodePoint(cp: number): boolean });
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
    // Kazakh's own letters are in the cut-down extended Cyrillic file's range, one code point each.
    const kazakh = files.find((f) => f.subset === "cyrillic-ext")!;
    const covered = (cp: number) =>
      kazakh.unicodeRange.split(",").some((r) => {
        const [from, to = from] = r.replace("U+", "").split("-").map((h) => parseInt(h, 16));
        return cp >= from! && cp <= to!;
      });
    // І and і are basic Cyrillic (U+0406, U+0456), in the Cyrillic file with Russian's letters.
    for (const ch of ALPHABETS.kk) expect(covered(ch.codePointAt(0)!) || ch.codePointAt(0)! <= 0x45f, ch).toBe(true);
    expect(covered("Ж".codePointAt(0)!)).toBe(false);
  });

  it("serves Kazakh's letters in a file cut down to them: a few KB a face, not Fontsource's 28 KB", () => {
    const site = sharedExample();
    for (const f of files.filter((f) => f.subset === "cyrillic-ext")) {
      const bytes = readFileSync(path.join(site, f.url)).length;
      expect(bytes, f.url).toBeLessThan(6 * 1024);
      expect(readFileSync(f.source).length).toBeGreaterThan(20 * 1024);
    }
  });

  it("ships its cut-down files as the installed font and subsetter make them, so no build cuts its own", async () => {
    const cut = files.filter((f) => f.letters);
    expect(cut).toHaveLength(3);
    for (const f of cut) {
      const shipped = path.join(SHIPPED_FONTS, path.posix.basename(f.url));
      expect(existsSync(shipped), `${shipped} is missing or stale: run npm run build:fonts`).toBe(true);
      const made = await subsetFont(readFileSync(f.source), f.letters!, { targetFormat: "woff2" });
      expect(readFileSync(shipped).equals(made), `${shipped} differs from a fresh cut: run npm run build:fonts`).toBe(true);
    }
    expect(readFileSync(path.join(SHIPPED_FONTS, "LICENSE-noto-serif.txt"), "utf8")).toMatch(/SIL OPEN FONT LICENSE/i);
  });
});
