// The body font: Noto Serif from @fontsource, self-hosted, regular, bold and italic, in the Cyrillic,
// extended Cyrillic (Kazakh's ә ғ қ ң ө ү һ) and Latin subsets. Each file is named by its content's
// hash; @font-face rules with Fontsource's unicode-ranges make a browser fetch only the subsets a
// page's text needs, and `font-display: swap` shows the text before the font arrives.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { writeWhole } from "./cache-store.ts";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AfterBuild } from "./after-build.ts";
import { assetFolder } from "../model/urls.ts";

const FAMILY = "Noto Serif";
export const FACES = [
  ["400", "normal"],
  ["700", "normal"],
  ["400", "italic"],
] as const;
export const SUBSETS = ["cyrillic", "cyrillic-ext", "latin"] as const;

/**
 * Fontsource's extended Cyrillic file holds every Cyrillic letter of Unicode (about 28 KB a face);
 * a Kazakh page needs 16 of them (І і are basic Cyrillic). The site ships that subset cut down to the Cyrillic letters of
 * Kazakhstan and its neighbours (Kazakh, Kyrgyz, Uzbek, Tajik, Tatar, Bashkir): about 2 KB a face.
 */
export const CENTRAL_ASIAN = "ӘәҒғҚқҢңӨөҰұҮүҺһҲҳӢӣӮӯҶҷҖҗҘҙҠҡҪҫ";
const require = createRequire(import.meta.url);
const SUBSETTER = `subset-font@${(JSON.parse(readFileSync(require.resolve("subset-font/package.json"), "utf8")) as { version: string }).version}`;
const FONT_CACHE = ".cache/newsroom/fonts";

/** The unicode-range of a set of letters: code points in order, neighbours joined (`U+04D8-04D9`). */
function rangeOf(letters: string): string {
  const points = [...new Set([...letters].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, "0");
  const ranges: string[] = [];
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j + 1 < points.length && points[j + 1] === points[j]! + 1) j++;
    ranges.push(j === i ? `U+${hex(points[i]!)}` : `U+${hex(points[i]!)}-${hex(points[j]!)}`);
    i = j + 1;
  }
  return ranges.join(",");
}

export interface FontFile {
  /** The package's file. */
  source: string;
  /** Its site path, with a hash of its content. */
  url: string;
  weight: string;
  style: string;
  subset: string;
  unicodeRange: string;
  /** Where set, the file is the source cut down to these letters. */
  letters?: string;
}

const packageDir = () => path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-serif/package.json"));

/** Every font file the theme uses, with the unicode-range Fontsource gives its subset. */
export function fontFiles(mount: string): FontFile[] {
  const dir = packageDir();
  const files: FontFile[] = [];
  for (const [weight, style] of FACES) {
    const css = readFileSync(path.join(dir, `${weight}${style === "italic" ? "-italic" : ""}.css`), "utf8");
    for (const subset of SUBSETS) {
      const name = `noto-serif-${subset}-${weight}-${style}`;
      const block = css.split("@font-face").find((b) => b.includes(`/${name}.woff2`));
      const unicodeRange = block?.match(/unicode-range:\s*([^;]+);/)?.[1];
      if (!unicodeRange) throw new Error(`[newsroom] @fontsource/noto-serif has no ${name}: reinstall it (npm install @fontsource/noto-serif@5)`);
      const source = path.join(dir, "files", `${name}.woff2`);
      const letters = subset === "cyrillic-ext" ? CENTRAL_ASIAN : undefined;
      // Named by what makes the file: the source's bytes and, for a cut-down file, its letters and the tool.
      const hash = createHash("sha256").update(readFileSync(source)).update(letters ? `${letters} ${SUBSETTER}` : "").digest("hex").slice(0, 10);
      const out = letters ? name.replace("cyrillic-ext", "cyrillic-central-asian") : name;
      files.push({ source, url: `${assetFolder(mount)}fonts/${out}.${hash}.woff2`, weight, style, subset, unicodeRange: letters ? rangeOf(letters) : unicodeRange, ...(letters ? { letters } : {}) });
    }
  }
  return files;
}

/** The @font-face rules for the stylesheet. */
export function fontFaceCss(files: FontFile[]): string {
  return files
    .map((f) => `@font-face{font-family:"${FAMILY}";font-style:${f.style};font-weight:${f.weight};font-display:swap;src:url(${f.url}) format("woff2");unicode-range:${f.unicodeRange}}`)
    .join("\n");
}

/** Copies the font files (and their licence) into the output after each build that writes files. */
export function writeFonts(after: AfterBuild, files: FontFile[], mount: string): string[] {
  const licence = `${assetFolder(mount)}fonts/LICENSE-noto-serif.txt`;
  after.add(async ({ directories }) => {
    for (const f of [...files, { source: path.join(packageDir(), "LICENSE"), url: licence, letters: undefined }]) {
      const target = path.join(directories.output, f.url);
      if (existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(f.letters ? await cutDown(f.source, f.letters, path.posix.basename(f.url)) : f.source, target);
    }
  });
  return [...files.map((f) => f.url), licence].map((u) => u.slice(1));
}

/**
 * The cut-down files as the package ships them, made by `npm run build:fonts` (a test checks they
 * are what the installed font and subsetter make). Their names carry the hash of what makes them, so
 * a site with another version of the font finds none here and cuts its own.
 */
export const SHIPPED_FONTS = fileURLToPath(new URL("../../plugin/templates/fonts/", import.meta.url));

/**
 * The font cut down to some letters: the package's file of that name, else made once and kept in
 * .cache/newsroom/fonts. Cutting three faces took 0.2 s of a first build, and every build of a CI
 * that keeps no cache is a first build.
 */
async function cutDown(source: string, letters: string, name: string): Promise<string> {
  const shipped = path.join(SHIPPED_FONTS, name);
  if (existsSync(shipped)) return shipped;
  const cached = path.join(FONT_CACHE, name);
  if (!existsSync(cached)) writeWhole(cached, await cut(source, letters));
  return cached;
}

async function cut(source: string, letters: string): Promise<Buffer> {
  const { default: subsetFont } = await import("subset-font");
  return subsetFont(readFileSync(source), letters, { targetFormat: "woff2" });
}

/** `npm run build:fonts`: the cut-down files the package ships, with the font's licence. */
export async function shipFonts(): Promise<void> {
  rmSync(SHIPPED_FONTS, { recursive: true, force: true });
  mkdirSync(SHIPPED_FONTS, { recursive: true });
  for (const f of fontFiles("/")) if (f.letters) writeFileSync(path.join(SHIPPED_FONTS, path.posix.basename(f.url)), await cut(f.source, f.letters));
  copyFileSync(path.join(packageDir(), "LICENSE"), path.join(SHIPPED_FONTS, "LICENSE-noto-serif.txt"));
}
