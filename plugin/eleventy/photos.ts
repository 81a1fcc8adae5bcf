// Release photos through eleventy-img: AVIF, WebP and JPEG at several widths with their sizes, and
// the 16×9, 4×3 and 1×1 crops Google asks of a NewsArticle's image. A photo whose source and options
// are unchanged is not made again (eleventy-img keeps its own cache, and the crops are named by hash).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import sharp from "sharp";
import type { EleventyConfig } from "./config.ts";
import { passthroughSource } from "./guest.ts";
import { passthroughCopiesOf } from "./internals.ts";
import { escapeHtml } from "../render/escape.ts";
import { assetFolder } from "../model/urls.ts";
import type { ResolvedOptions } from "../model/options.ts";

const WIDTHS = [480, 800, 1200];
const FORMATS = ["avif", "webp", "jpeg"] as const;
/** What the picture takes of the page's width: the text column, at most 42rem. */
const SIZES = "(min-width: 46rem) 42rem, 100vw";
/** Google's aspect ratios for an article's image, each 1200 pixels wide. */
export const CROPS = [
  ["16x9", 1200, 675],
  ["4x3", 1200, 900],
  ["1x1", 1200, 1200],
] as const;

export interface Crop {
  url: string;
  width: number;
  height: number;
}

export interface Photos {
  /** The crops made for a page's photo in this build, for its JSON-LD. */
  cropsOf(inputPath: string): Crop[];
  /** Every file the photos wrote in this build, relative to the output folder, for the manifest. */
  files(): string[];
}

/** The photo's file on disk: a path relative to the release, or a site path the site copies or keeps in its input. */
function sourceOf(src: string, releaseFile: string, eleventyConfig: EleventyConfig): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
  const clean = src.split(/[?#]/)[0]!;
  if (!clean.startsWith("/")) return path.resolve(path.dirname(releaseFile), clean);
  const input = eleventyConfig.directories.input;
  return passthroughSource(clean, input, passthroughCopiesOf(eleventyConfig)) ?? [path.join(input, clean), path.join(".", clean)].find((f) => existsSync(f));
}

export function addPhotos(eleventyConfig: EleventyConfig, options: ResolvedOptions): Photos {
  let crops = new Map<string, Crop[]>();
  let written = new Set<string>();
  let dryRun = false;
  eleventyConfig.on("eleventy.before", ({ outputMode, runMode }: { outputMode?: string; runMode?: string }) => {
    crops = new Map();
    // A rebuild under --serve renders only some pages: the photos of the others are still theirs.
    if (runMode === undefined || runMode === "build") written = new Set();
    // `toJSON()` and `newsroom check` build in memory: no file is written.
    dryRun = outputMode !== undefined && outputMode !== "fs";
  });
  const urlPath = `${assetFolder(options.mount)}img/`;

  // `{% newsroomPicture release.image %}`: a <picture> of the release's photo, or a plain <img> for
  // a photo from another site, which the build does not fetch.
  eleventyConfig.addShortcode("newsroomPicture", async function (this: { page?: { inputPath?: string } }, image: { src: string; alt: string }) {
    const file = sourceOf(image.src, String(this.page?.inputPath ?? ""), eleventyConfig);
    const alt = escapeHtml(image.alt);
    if (!file || !existsSync(file)) return `<img src="${escapeHtml(image.src)}" alt="${alt}" decoding="async">`;
    const out = path.join(eleventyConfig.directories.output, urlPath);
    const metadata = await Image(file, { widths: WIDTHS, formats: [...FORMATS], outputDir: out, urlPath, svgShortCircuit: false, dryRun });
    for (const list of Object.values(metadata)) for (const m of list) written.add(path.posix.join(urlPath, path.basename(m.outputPath)).slice(1));
    // The photo heads the article: loaded at once, not lazily.
    const html = Image.generateHTML(metadata, { alt: image.alt, sizes: SIZES, loading: "eager", decoding: "async" });
    const hash = createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 10);
    const made: Crop[] = [];
    for (const [name, width, height] of CROPS) {
      const base = `${path.basename(file, path.extname(file))}-${hash}-${name}.jpeg`;
      const target = path.join(out, base);
      if (!dryRun && !existsSync(target)) {
        mkdirSync(out, { recursive: true });
        await sharp(file).resize(width, height, { fit: "cover" }).jpeg({ quality: 80, mozjpeg: true }).toFile(target);
      }
      written.add(`${urlPath}${base}`.slice(1));
      made.push({ url: `${urlPath}${base}`, width, height });
    }
    crops.set(String(this.page?.inputPath), made);
    return html;
  });

  return { cropsOf: (inputPath) => crops.get(inputPath) ?? [], files: () => [...written] };
}
