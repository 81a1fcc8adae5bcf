// The body font: Noto Serif from @fontsource, self-hosted, regular, bold and italic, in the Cyrillic,
// extended Cyrillic (Kazakh's ә ғ қ ң ө ү һ) and Latin subsets. Each file is named by its content's
// hash; @font-face rules with Fontsource's unicode-ranges make a browser fetch only the subsets a
// page's text needs, and `font-display: swap` shows the text before the font arrives.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { AfterBuild } from "./after-build.ts";
import { assetFolder } from "../model/urls.ts";

const FAMILY = "Noto Serif";
export const FACES = [
  ["400", "normal"],
  ["700", "normal"],
  ["400", "italic"],
] as const;
export const SUBSETS = ["cyrillic", "cyrillic-ext", "latin"] as const;

export interface FontFile {
  /** The package's file. */
  source: string;
  /** Its site path, with a hash of its content. */
  url: string;
  weight: string;
  style: string;
  subset: string;
  unicodeRange: string;
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
      const hash = createHash("sha256").update(readFileSync(source)).digest("hex").slice(0, 10);
      files.push({ source, url: `${assetFolder(mount)}fonts/${name}.${hash}.woff2`, weight, style, subset, unicodeRange });
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
  after.add(({ directories }) => {
    for (const [source, url] of [...files.map((f) => [f.source, f.url] as const), [path.join(packageDir(), "LICENSE"), licence] as const]) {
      const target = path.join(directories.output, url);
      if (existsSync(target)) continue;
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
  });
  return [...files.map((f) => f.url), licence].map((u) => u.slice(1));
}
