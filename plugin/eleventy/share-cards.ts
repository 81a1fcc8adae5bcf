// Share cards at build time: each recent release gets a 1200×630 PNG in its language, other pages the
// site-wide card of theirs. A card's file is named by the hash of what it shows and of the software
// that draws it, so a card whose inputs did not change is copied from `.cache/newsroom/cards/`
// instead of being drawn again, and a social network that cached an old card sees a new URL.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { packageVersion, releaseFilesIn } from "./cache-key.ts";
import { writeWhole } from "./cache-store.ts";
import { createRequire } from "node:module";
import path from "node:path";
import { DateTime } from "luxon";
import type { AfterBuild } from "./after-build.ts";
import type { IndexAccess } from "./collections.ts";
import type { EleventyConfig } from "./config.ts";
import { passthroughSource } from "./guest.ts";
import { passthroughCopiesOf } from "./internals.ts";
import { formatDate, parseDate } from "../model/dates.ts";
import { PREFIX } from "../model/errors.ts";
import type { ResolvedOptions } from "../model/options.ts";
import type { Release } from "../model/releases.ts";
import { assetFolder, localeFor } from "../model/urls.ts";
import { cardDrawer, type CardDrawer } from "../render/card-drawer.ts";
import { sfntOfWoff } from "../render/woff.ts";
import { CARD_HEIGHT, CARD_WIDTH, cardPng, logoPng, type CardFont, type CardInput } from "../render/share-card.ts";

export const CARD_CACHE = ".cache/newsroom/cards";
/**
 * How many cards a build may draw on its own thread: a publish draws one or two, and starting the
 * drawing process for them would add its start and its memory. A publish draws them as they are
 * asked for, so that sharp encodes each while Eleventy renders; another build holds them until
 * rendering ends, for if it asks for more it sends every card to that process as soon as it is
 * asked for, and draws none here (in a full build of 5,000 releases, the first four drawn here cost
 * 0.4 s).
 */
const ON_THIS_THREAD = 4;

/** A card as a page's `<head>` and JSON-LD name it. */
export interface ShareCard {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** The locale's site-wide card rather than the page's own. */
  site: boolean;
}

/** The first key figure of each release, as its `stat` shortcode printed it. */
export interface FigureLog {
  record(inputPath: string, figure: { value: string; label: string }): void;
  first(inputPath: string): { value: string; label: string } | undefined;
  /** Called with a page as soon as its first figure is known (its content is rendered before its layout). */
  onFirst(listener: (inputPath: string) => void): void;
}

export function createFigureLog(eleventyConfig: EleventyConfig): FigureLog {
  let byPage = new Map<string, { value: string; label: string }>();
  const listeners: ((inputPath: string) => void)[] = [];
  eleventyConfig.on("eleventy.before", () => {
    byPage = new Map();
  });
  return {
    // Content renders in document order, so the first recorded is the first in the text.
    record: (inputPath, figure) => {
      if (byPage.has(inputPath)) return;
      byPage.set(inputPath, figure);
      for (const listener of listeners) listener(inputPath);
    },
    first: (inputPath) => byPage.get(inputPath),
    onFirst: (listener) => void listeners.push(listener),
  };
}

const require = createRequire(import.meta.url);

/** What draws a card: a new version of any of these may draw other pixels. */
const RENDERER = `card-3 satori@${packageVersion("satori")} sharp@${packageVersion("sharp")} noto-serif@${packageVersion("@fontsource/noto-serif")}`;

let fontCache: CardFont[] | undefined;
/** Noto Serif's Latin, Cyrillic and extended Cyrillic subsets, each under its own name: satori looks a
 * letter up font by font, and with the subsets under one name it would draw ә as a box. */
function cardFonts(): CardFont[] {
  if (fontCache) return fontCache;
  const dir = path.join(path.dirname(require.resolve("@fontsource/noto-serif/package.json")), "files");
  fontCache = [];
  for (const subset of ["latin", "cyrillic", "cyrillic-ext"]) {
    for (const weight of [400, 700] as const) {
      const woff = readFileSync(path.join(dir, `noto-serif-${subset}-${weight}-normal.woff`));
      fontCache.push({ name: `Noto Serif ${subset}`, data: sfntOfWoff(woff), weight, style: "normal" });
    }
  }
  return fontCache;
}

/** Whether a release published then has a card of its own at `now`: it is inside the window. */
export function ownCard(options: ResolvedOptions, published: string, now: DateTime): boolean {
  if (options.shareCards === false) return false;
  if (options.shareCards.days === Infinity) return true;
  // ISO instants compare as instants once parsed; a release's `published` always carries its offset.
  return Date.parse(published) >= cutoff(now, options.shareCards.days);
}
const cutoffs = new WeakMap<DateTime, Map<number, number>>();
/** The window's first instant, once per build's clock. */
function cutoff(now: DateTime, days: number): number {
  let byDays = cutoffs.get(now);
  if (!byDays) cutoffs.set(now, (byDays = new Map()));
  let at = byDays.get(days);
  if (at === undefined) byDays.set(days, (at = now.minus({ days }).toMillis()));
  return at;
}

/** A card's site path and what draws it: its input and its logo's file. */
interface CardFile {
  url: string;
  entry: { input: CardInput; logoFile?: Buffer };
}

export interface ShareCards {
  /** The card of a page: its release's own when the release is recent, else the locale's site-wide card. */
  of(inputPath: string | undefined, url: string | undefined, locale: string): ShareCard | undefined;
  /** The card files this build references, relative to the output folder, for the manifest. */
  files(): string[];
}

export function addShareCards(
  eleventyConfig: EleventyConfig,
  options: ResolvedOptions,
  index: IndexAccess,
  figures: FigureLog,
  after: AfterBuild,
  /** Whether this build is a publish: the build cache planned it, and restores the releases Eleventy does not read. */
  publishing: () => boolean = () => false,
): ShareCards {
  const folder = `${assetFolder(options.mount)}cards/`;
  /** Cards asked for in this build, by site path, with their logo's file; kept across partial rebuilds under --serve. */
  let wanted = new Map<string, { input: CardInput; logoFile?: Buffer }>();
  const logoFiles = new Map<string, Buffer | undefined>();
  /** Cards being drawn in this build, by site path: each resolves to whether it was drawn (not cached). */
  let drawing = new Map<string, Promise<boolean>>();
  let writes = false;
  let firstStart: number | undefined;
  let lastEnd = 0;
  eleventyConfig.on("eleventy.before", async ({ runMode, outputMode }: { runMode?: string; outputMode?: string }) => {
    if (runMode === undefined || runMode === "build") wanted = new Map();
    drawing = new Map();
    siteCards = new Map();
    releaseCards = new Map();
    read = new Map();
    firstStart = undefined;
    held = [];
    early = [];
    requested = 0;
    // `toJSON()` and `newsroom check` write nothing: no card is drawn for them.
    writes = outputMode === undefined || outputMode === "fs";
    // The logos are made ready before rendering: sharp answers through the event loop, which
    // Eleventy's rendering does not reach until its end, and a card waiting for its logo would wait
    // that long before it went to the drawing process, or, in a publish, before satori laid it out.
    // Each is kept in the card cache, so that a publish reads it rather than waits for sharp.
    eager = writes && publishing();
    // A first build of many releases draws many cards: the drawing process is started now, so that it
    // loads satori, sharp and the fonts while the build reads its data and the second core is free,
    // not when the first card is asked for (0.9 s of a 5,000-release build).
    if (writes && !eager && (runMode === undefined || runMode === "build") && options.shareCards !== false && manyToDraw()) (drawer ??= cardDrawer(cardFonts())).warm();
    if (writes && options.shareCards !== false) {
      for (const locale of options.locales) {
        const file = logoFileOf(options.identity(locale).publisher.logo);
        // A logo sharp cannot read fails the card that shows it, with the card's error, as before.
        if (file) await logoImage(file).catch(() => undefined);
      }
    }
  });

  let drawer: CardDrawer | undefined;
  /** No card kept from an earlier build, and more releases than the build's own thread draws. */
  const manyToDraw = () =>
    !(existsSync(CARD_CACHE) && readdirSync(CARD_CACHE).some((f) => f.endsWith(".png") && !f.startsWith("logo-"))) &&
    releaseFilesIn(path.join(eleventyConfig.directories.input, options.releases)).length > ON_THIS_THREAD;
  /** Cards not yet begun, each started on this thread or sent to the drawer; and how many were asked for. */
  let held: ((onThisThread: boolean) => void)[] = [];
  let requested = 0;
  /** A publish: its first cards are drawn on this thread as soon as they are asked for, not held to the end. */
  let eager = false;
  /** Each logo file as the PNG a card embeds, made once and kept in the card cache under the hash of what makes it. */
  const logoImages = new Map<Buffer, Promise<Buffer>>();
  const logoImage = (logoFile: Buffer): Promise<Buffer> => {
    let image = logoImages.get(logoFile);
    if (!image) {
      const kept = path.join(CARD_CACHE, `logo-${createHash("sha256").update(RENDERER).update(logoFile).digest("hex").slice(0, 16)}.png`);
      image = existsSync(kept)
        ? Promise.resolve(readFileSync(kept))
        : logoPng(logoFile).then((png) => {
            writeWhole(kept, png);
            return png;
          });
      logoImages.set(logoFile, image);
    }
    return image;
  };
  /** Draws a card into the cache unless it is there; in a build of many, started as soon as a page asks, so it overlaps rendering. */
  const ensureDrawn = (url: string, { input, logoFile }: { input: CardInput; logoFile?: Buffer }): Promise<boolean> => {
    let p = drawing.get(url);
    if (!p) {
      const cached = path.join(CARD_CACHE, path.posix.basename(url));
      const draw = async (onThisThread: boolean) => {
        firstStart ??= performance.now();
        const logo = logoFile ? await logoImage(logoFile) : undefined;
        const card = { ...input, ...(logo ? { logoPng: logo } : {}) };
        const png = onThisThread ? await cardPng(card, cardFonts()) : await (drawer ??= cardDrawer(cardFonts())).draw(card);
        writeWhole(cached, png);
        lastEnd = performance.now();
        return true;
      };
      if (existsSync(cached)) p = Promise.resolve(false);
      else {
        // Held until rendering ends, unless the build turns out to want more than a few.
        let start!: (onThisThread: boolean) => void;
        p = new Promise<boolean>((resolve, reject) => {
          start = (onThisThread) => void draw(onThisThread).then(resolve, reject);
        });
        if (++requested > ON_THIS_THREAD) {
          for (const waiting of held) waiting(false);
          held = [];
          start(false);
        } else if (eager) start(true);
        else held.push(start);
      }
      drawing.set(url, p);
    }
    return p;
  };

  /** The logo's file, read once: a site path the site copies or keeps in its input. */
  const logoFileOf = (logo: string | undefined): Buffer | undefined => {
    if (!logo || /^[a-z][a-z0-9+.-]*:/i.test(logo)) return undefined;
    if (!logoFiles.has(logo)) {
      const input = eleventyConfig.directories.input;
      const clean = logo.split(/[?#]/)[0]!;
      const file = passthroughSource(clean, input, passthroughCopiesOf(eleventyConfig)) ?? [path.join(input, clean), path.join(".", clean)].find((f) => existsSync(f));
      logoFiles.set(logo, file && existsSync(file) ? readFileSync(file) : undefined);
    }
    return logoFiles.get(logo);
  };

  /** A card's site path (named by the hash of what draws it) and what draws it. */
  const cardFile = (name: string, input: CardInput, logoFile: Buffer | undefined): CardFile => {
    const hash = createHash("sha256")
      .update(RENDERER)
      .update(JSON.stringify(input))
      .update(logoFile ?? "")
      .digest("hex")
      .slice(0, 12);
    return { url: `${folder}${name}-${hash}.png`, entry: { input, ...(logoFile ? { logoFile } : {}) } };
  };
  /** A card a page shows: wanted in the output, and drawn unless the card cache has it. */
  const card = ({ url, entry }: CardFile, alt: string, site = false): ShareCard => {
    wanted.set(url, entry);
    if (writes) void ensureDrawn(url, entry).catch(() => undefined);
    return { url, width: CARD_WIDTH, height: CARD_HEIGHT, alt, site };
  };

  /** Each locale's site-wide card, made once a build: every page that is not a recent release's shows it. */
  let siteCards = new Map<string, ShareCard>();
  const siteCard = (locale: string): ShareCard => {
    let made = siteCards.get(locale);
    if (!made) siteCards.set(locale, (made = siteCardOf(locale)));
    return made;
  };
  const siteCardOf = (locale: string): ShareCard => {
    const id = options.identity(locale);
    const input: CardInput = { headline: id.siteName, publisher: id.publisher.name, locale };
    return card(cardFile(`site-${locale}`, input, logoFileOf(id.publisher.logo)), id.siteName, true);
  };

  const recent = (published: string): boolean => ownCard(options, published, index.now().at);

  /**
   * Each release's card file, made once a build (the early start, its page's head and its structured
   * data all want it), and again only if its figure changed.
   */
  let releaseCards = new Map<string, { release: Release; figure: CardInput["figure"]; file: CardFile }>();
  const releaseCardOf = (inputPath: string, release: Release): CardFile => {
    const figure = figures.first(inputPath);
    let made = releaseCards.get(inputPath);
    if (!made || made.release !== release || made.figure !== figure) releaseCards.set(inputPath, (made = { release, figure, file: releaseCardFile(release, figure) }));
    return made.file;
  };
  const of: ShareCards["of"] = (inputPath, url, locale) => {
    if (options.shareCards === false) return undefined;
    const nav = inputPath ? index.current()?.nav.get(inputPath) : undefined;
    const release = nav?.self.data.release;
    if (!release || !recent(release.published)) return siteCard(localeFor(url, locale, options));
    return card(releaseCardOf(inputPath!, release), release.title);
  };
  /** A release's card: its headline, date, publisher and first figure. */
  const releaseCardFile = (release: Release, figure: CardInput["figure"]): CardFile => {
    const id = options.identity(release.lang);
    const date = formatDate(parseDate(release.published, options.timeZone) ?? DateTime.fromISO(release.published), release.lang, options.timeZone, options.dictionaries[release.lang]!.dateFormat);
    const input: CardInput = { headline: release.title, date, publisher: id.publisher.name, locale: release.lang, ...(figure ? { figure } : {}) };
    return cardFile(`${release.lang}-${release.slug}`.slice(0, 80), input, logoFileOf(id.publisher.logo));
  };
  /** Whether a release gets a card of its own in this build. */
  const ownsCard = (release: Release | undefined): release is Release => writes && options.shareCards !== false && release !== undefined && recent(release.published);

  // A release's card is known once its first figure is: drawing starts then, not when the page's
  // head asks for it at the end of rendering. A body whose shortcodes the plugin renders tells its
  // figures while Eleventy still reads the releases, long before the index exists: its card starts
  // at once, so that the drawing process, busy until the last page in a first build, has done
  // before the pages are written (at 5,000 releases the build waited 0.25 s for the last cards).
  // It is not yet wanted: a card goes into the output only when a page asks for it. A body rendered
  // by Liquid tells its figures during rendering, and is asked for then, as soon as the index exists.
  let early: string[] = [];
  let read = new Map<string, Release>();
  index.onRead((inputPath, release) => read.set(inputPath, release));
  const ask = (inputPath: string) => {
    const release = index.current()?.nav.get(inputPath)?.self.data.release;
    if (ownsCard(release)) of(inputPath, undefined, release.lang);
  };
  const begin = (inputPath: string) => {
    const release = read.get(inputPath);
    if (!ownsCard(release)) return;
    const { url, entry } = releaseCardOf(inputPath, release);
    void ensureDrawn(url, entry).catch(() => undefined);
  };
  figures.onFirst((inputPath) => {
    if (index.current()) return ask(inputPath);
    early.push(inputPath);
    begin(inputPath);
  });
  index.onBuilt(() => {
    const waiting = early;
    early = [];
    // From here a release is found in the index: the releases read are not kept to the build's end.
    read = new Map();
    for (const inputPath of waiting) ask(inputPath);
  });

  // `{% set newsroomCard = newsroomLang | newsroomShareCard %}` in the head.
  eleventyConfig.addFilter("newsroomShareCard", function (this: { page?: { inputPath?: string; url?: unknown } }, locale: unknown) {
    return of(this?.page?.inputPath, typeof this?.page?.url === "string" ? this.page.url : undefined, String(locale ?? options.defaultLocale));
  });

  after.add(async ({ directories }) => {
    // Every card wanted has begun or is held (under --serve, some were asked for in an earlier pass);
    // rendering is done, so the held ones are drawn here, and only then awaited.
    const cards = [...wanted].map(([url, entry]) => [url, ensureDrawn(url, entry)] as const);
    // On this thread, unless the drawing process is running already.
    for (const waiting of held) waiting(!drawer?.running());
    held = [];
    if (wanted.size === 0) return;
    let drawn = 0;
    for (const [url, card] of cards) {
      if (await card) drawn++;
      const cached = path.join(CARD_CACHE, path.posix.basename(url));
      const target = path.join(directories.output, url);
      if (!existsSync(target) || statSync(target).size !== statSync(cached).size) {
        mkdirSync(path.dirname(target), { recursive: true });
        copyFileSync(cached, target);
      }
    }
    // Said only when cards were drawn: what the build spent on them, mostly while Eleventy rendered
    // (the benchmark reads it).
    if (drawn > 0) {
      const seconds = ((lastEnd - (firstStart ?? lastEnd)) / 1000).toFixed(1);
      console.log(`${PREFIX} share cards: ${drawn} drawn in ${seconds} s, ${wanted.size - drawn} unchanged from ${CARD_CACHE}`);
    }
  });

  return { of, files: () => [...wanted.keys()].map((u) => u.slice(1)) };
}

/** The fonts cards are drawn with, for the test that every letter of ru, kk and en is in them. */
export const cardFontsForTest = (): CardFont[] => cardFonts();
