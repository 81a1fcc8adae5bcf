// The build cache (`buildCache: true`): a release page whose inputs did not change is not passed
// through Eleventy at all. Eleventy's cost grows with every template it reads (data cascade,
// collections, dependency graph), so the only way to publish one release into 20,000 in seconds is
// for the other 19,999 not to be templates in that build. Before Eleventy looks for templates, the
// plan reads every release file and, from the previous build's record in `.cache/newsroom/build/`,
// works out the whole index — neighbours, related releases, terms, translations — with the new or
// edited files read the way Eleventy will read them. A release page whose signature (its file, its
// record, and everything it shows of other releases) is unchanged is restored from the cache; every
// other release goes through Eleventy as a template of the same path. The plan's reading of each new
// file is checked against Eleventy's own before any page renders: where they differ, the build
// stops and the cache is dropped, rather than write a page from a wrong guess.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { AfterEvent } from "./after-build.ts";
import type { BuiltIndex } from "./collections.ts";
import type { CollectionItem, EleventyConfig } from "./config.ts";
import { parseReleaseFrontMatter, TOPICS } from "./frontmatter.ts";
import { cacheKey, releaseFilesIn } from "./cache-key.ts";
import { BUILD_CACHE, dropState, FORMAT, packInWorker, posix, readState, sha256, Store, writeState, type PageEntry, type ReleaseEntry, type State } from "./cache-store.ts";
import { addTemplateLate, removeTemplateLate } from "./internals.ts";
import { fileOfUrl } from "./manifest.ts";
import { resolveNow } from "../model/clock.ts";
import { NewsroomError, PREFIX } from "../model/errors.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { holdOfRelease, type ReleaseFrontMatter } from "../model/publishing.ts";
import { normaliseRelease, sortReleases, type Release } from "../model/releases.ts";
import { fingerprints, generatedSignature, releaseSignature } from "../model/page-signatures.ts";
import { OWN_KEYS, RELEASE_FIELDS, type Registries } from "../model/schema.ts";
import type { Slugger } from "../model/slug.ts";
import { buildIndex, sameItems, swapItems, type NewsroomIndex, type RankingHint } from "../model/taxonomy.ts";
import { assetFolder } from "../model/urls.ts";

/** A release restored from the cache, shaped like the collection item Eleventy would have made. */
type CachedItem = CollectionItem & { content: string; templateContent: string };

export interface BuildCache {
  /** Whether this build uses the cache (`buildCache: true`, a production build that writes files). */
  active(): boolean;
  /** Releases not passed through Eleventy, for the index. */
  items(): CollectionItem[];
  /** Whether the cache planned this build: it restores what did not change, and Eleventy reads the rest (a publish). */
  planned(): boolean;
  /** The registries the previous build read (the cache's key vouches they are the same). */
  registries(): Registries;
  /** Each release Eleventy read: its record is checked against the plan's and kept for next time. */
  observe(inputPath: string, data: Record<string, unknown>, release: Release | undefined): void;
  /** Before pages render: every release the plan foresaw must be what Eleventy read. */
  verify(): void;
  /**
   * The index the plan worked out, for the collections to use rather than work it out again: given
   * only where they hold the same releases, in the same order, with the same records, under the
   * registries the plan used. Each of the plan's items is then swapped for the collections' own.
   */
  plannedIndex(releases: CollectionItem[], registries: Registries): NewsroomIndex<CollectionItem> | undefined;
  /** First after Eleventy wrote the site: puts the unchanged pages and their assets back. */
  restore(event: AfterEvent): void;
  /** Last, once every file is written (share cards too): stores new pages, writes the record. */
  record(event: AfterEvent, index: BuiltIndex | undefined): Promise<void>;
  /**
   * Of the generated pages of one kind (term, archive, feed …), those to render: a page whose
   * signature is unchanged and whose files can be put back is left out, and restored after the build.
   * The signature is of `shown(page)`, what the page's layouts show of it, where that is less than the page.
   */
  pagesToRender<T extends object>(kind: string, pages: T[], filesOf: (page: T) => string[], shown?: (page: T) => object): T[];
  /** The files restored from the cache (pages and their assets), for the manifest. */
  files(): string[];
}

/**
 * Makes the function that finds the plugin's asset URLs (photos, share cards) a written page names,
 * in its bytes without decoding the page. Self-contained: its source also runs on the thread that
 * packs pages (`packInWorker`).
 */
function assetScanner(): (bytes: Buffer, folder: Buffer) => Set<string> {
  // Bytes that end an asset's URL in HTML, XML or CSS: a quote, white space, `)`, `,`, `<`, `>`.
  const ends = new Set([0x22, 0x27, 0x20, 0x09, 0x0a, 0x0c, 0x0d, 0x29, 0x2c, 0x3c, 0x3e]);
  const img = Buffer.from("img/");
  const cards = Buffer.from("cards/");
  return (bytes, folder) => {
    const found = new Set<string>();
    // One pass for the asset folder; what follows it says whether it is a photo or a card.
    for (let at = bytes.indexOf(folder); at >= 0; at = bytes.indexOf(folder, at + 1)) {
      const kind = at + folder.length;
      const rest = bytes[kind] === 0x69 /* i */ ? img : bytes[kind] === 0x63 /* c */ ? cards : undefined;
      if (!rest || !bytes.subarray(kind, kind + rest.length).equals(rest)) continue;
      let end = kind + rest.length;
      while (end < bytes.length && !ends.has(bytes[end]!)) end++;
      if (end > kind + rest.length) found.add(bytes.toString("utf8", at, end));
    }
    return found;
  };
}
const assetUrls = assetScanner();
/** How many pages a build writes before half of them are packed on a thread of their own. */
const PACK_THREAD_MIN = 1000;

/** Eleventy's fileSlug: the name without its extension and a leading date; an index file takes its folder's name. */
function fileSlugOf(file: string): string {
  let base = path.basename(file, path.extname(file));
  if (base === "index") base = path.basename(path.dirname(file));
  return base.replace(/^\d{4}-\d{2}-\d{2}-/, "");
}

/** A release file's front matter: between its first two `---` lines. Undefined when it has none. */
function frontMatterOf(source: string): string | undefined {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source.replace(/^\uFEFF/, ""));
  return m?.[1];
}

export interface CacheContext {
  eleventyConfig: EleventyConfig;
  options: ResolvedOptions;
  /** The options as the site gave them: part of the cache's key. */
  userOptions: unknown;
  slug: Slugger;
  frontMatter: ReleaseFrontMatter;
  /** What makes the output besides the site's files: the plugin's code and its dependencies' versions. */
  software: string;
  /** Whether a release's share card is its own (recent) at this instant. */
  ownCard(published: string, now: DateTime): boolean;
  pluginDir: string;
  /** The build's index, once collections have run. */
  index(): BuiltIndex | undefined;
}

export function createBuildCache(ctx: CacheContext): BuildCache {
  const { eleventyConfig, options, slug, frontMatter, index } = ctx;
  let on = false;
  let state: State | undefined;
  let next: State | undefined;
  let store = new Store(undefined);
  let cached = new Map<string, CachedItem>();
  /** Releases read by the plan from a changed file: what Eleventy must agree with. */
  let foreseen = new Map<string, string>();
  let observed = new Map<string, { record?: Release; cascade: Record<string, unknown> }>();
  let restored: string[] = [];
  let planned = false;
  /** The plan's index, with its releases in order; handed to the collections once. */
  let planIndex: { index: NewsroomIndex<CollectionItem>; items: CollectionItem[] } | undefined;
  /** Generated pages of this build: those rendered (to record) and those left to restore, by file. */
  let generatedRendered = new Map<string, string>();
  let generatedKept = new Map<string, PageEntry>();
  /** Each release file's hash, for what generated pages show of its text (feeds carry it whole). */
  let fileHashes = new Map<string, string>();
  /** Each release file's size and mtime, taken before it was hashed. */
  let fileStats = new Map<string, { size: number; mtimeMs: number }>();
  let fingerprint = fingerprints(fileHashes);
  let key = "";
  let nowAt: DateTime | undefined;

  // NEWSROOM_BUILD_CACHE=off builds without it, whatever the config says: a clean build on demand.
  // In a build, and under --serve or --watch without --incremental: each pass then reads only the
  // releases that changed, and the pages that did not change stay as the last pass wrote them.
  const runMode = () => process.env.ELEVENTY_RUN_MODE ?? "build";
  const enabled = () =>
    options.buildCache && process.env.NEWSROOM_BUILD_CACHE !== "off" && (runMode() === "build" || !process.argv.some((a) => a === "--incremental" || a.startsWith("--incremental=")));

  /** A release page's signature, from this build's index. */
  function signatureOf(fileHash: string, item: CollectionItem, built: Pick<BuiltIndex, "nav" | "alternates">, now: DateTime): string {
    const release = item.data.release!;
    const alternates = [...(built.alternates.get(release.alternateKey) ?? new Map<string, string>())];
    return releaseSignature({ key, fileHash, item, nav: built.nav.get(item.inputPath), alternates, ownCard: ctx.ownCard(release.published, now) }, fingerprint);
  }

  /** What the last plan added, taken back before the next: under --serve each pass plans anew. */
  let addedTemplates: string[] = [];
  let addedIgnore: string | undefined;
  /** Before Eleventy looks for templates: which releases it reads, and which come from the cache. */
  async function plan(templateConfig: unknown): Promise<void> {
    for (const key of addedTemplates) removeTemplateLate(templateConfig, key);
    addedTemplates = [];
    if (addedIgnore) eleventyConfig.ignores.delete(addedIgnore);
    addedIgnore = undefined;
    cached = new Map();
    foreseen = new Map();
    observed = new Map();
    restored = [];
    planned = false;
    planIndex = undefined;
    generatedRendered = new Map();
    generatedKept = new Map();
    fileHashes = new Map();
    fileStats = new Map();
    fingerprint = fingerprints(fileHashes);
    on = enabled();
    if (!on) return;
    const input = eleventyConfig.directories.input;
    const output = eleventyConfig.directories.output;
    // Eleventy names a virtual template under an absolute input folder by its absolute path, a
    // file by a relative one: the two builds would not name a release alike.
    if (path.isAbsolute(input)) {
      console.log(`${PREFIX} build cache off: the input folder is given as an absolute path (${input}); give it relative to the project`);
      on = false;
      return;
    }
    const releasesDir = path.resolve(input, options.releases);
    const outputAbs = path.resolve(output);
    key = cacheKey({
      software: ctx.software,
      userOptions: ctx.userOptions,
      // A page written under --serve shows drafts; it is not a production build's page.
      run: `pathPrefix ${options.pathPrefix()} runMode ${runMode() === "build" ? "build" : "serve"} drafts ${String(options.drafts)}`,
      roots: [process.cwd(), path.resolve(input), path.resolve(eleventyConfig.directories.includes), path.resolve(eleventyConfig.directories.data), ctx.pluginDir],
      skip: (full) => full === outputAbs || (full.startsWith(releasesDir + path.sep) && full.endsWith(".md")),
    });
    nowAt = resolveNow(options.now, process.env, options.timeZone, DateTime.now()).at;
    const previous = readState();
    state = previous?.key === key ? previous : undefined;
    // The last build's files stay readable whatever changed: a page that comes out the same is not stored twice.
    store = new Store(previous);
    next = { format: FORMAT, key, releases: {}, cascades: state?.cascades ?? {}, registries: state?.registries, pages: {}, stored: {} } as State;
    // Each release file as Eleventy names it (`./src/releases/x.md`), with its hash.
    const files = releaseFilesIn(releasesDir).map((file) => ({ file, inputPath: `./${posix(path.relative(process.cwd(), file))}` }));
    for (const { file, inputPath } of files) {
      // A file with the size and mtime it had when last hashed is not read again: 20,000 reads saved.
      const { size, mtimeMs } = statSync(file);
      const known = previous?.releases[inputPath];
      fileHashes.set(inputPath, known && known.size === size && known.mtimeMs === mtimeMs ? known.hash : sha256(readFileSync(file)));
      fileStats.set(inputPath, { size, mtimeMs });
    }
    // No record to go by (first build, or anything besides the releases changed): Eleventy reads every file.
    if (!state) return;

    // What the last build worked out for each release it published, checked as the whole record is:
    // its fingerprint (for a record kept unchanged) and its related releases.
    const printed: [Release, { url: string; inputPath: string; fingerprint: string }][] = [];
    const ranked: RankingHint["previous"] = new Map();
    for (const [inputPath, entry] of Object.entries(state.releases)) {
      if (!entry.record) continue;
      if (typeof entry.fingerprint === "string" && entry.hash === fileHashes.get(inputPath)) printed.push([entry.record, { url: entry.record.url, inputPath, fingerprint: entry.fingerprint }]);
      if (Array.isArray(entry.related) && entry.related.every((p) => typeof p === "string")) ranked.set(inputPath, { release: entry.record, related: entry.related });
    }
    fingerprint = fingerprints(fileHashes, printed);
    const drafts = options.drafts ?? runMode() !== "build";
    const entries: { inputPath: string; file: string; source: string; entry: ReleaseEntry; changed: boolean }[] = [];
    for (const { file, inputPath } of files) {
      const hash = fileHashes.get(inputPath)!;
      const known = state.releases[inputPath];
      if (known && known.hash === hash) {
        entries.push({ inputPath, file, source: "", entry: known, changed: false });
        continue;
      }
      // A new or edited file: read as Eleventy will read it, with its folder's data as last time.
      const source = readFileSync(file, "utf8");
      const yaml = frontMatterOf(source);
      const cascade = state.cascades[posix(path.relative(process.cwd(), path.dirname(file)))];
      if (yaml === undefined || cascade === undefined || cascade === null) return;
      let fm: Record<string, unknown>;
      try {
        fm = parseReleaseFrontMatter(yaml);
      } catch {
        return;
      }
      const page = { inputPath, fileSlug: fileSlugOf(file) };
      const data = { ...cascade, ...fm, page };
      const { release } = normaliseRelease(TOPICS in data ? { ...data, tags: data[TOPICS] ?? undefined } : data, page, options, slug, nowAt);
      // A file with problems goes to Eleventy, which names them; the cache cannot plan around it.
      if (!release) return;
      entries.push({ inputPath, file, source, entry: { hash, frontMatter: fm, record: release }, changed: true });
    }

    // Which releases are published at this build's instant: the same rules as the preprocessor's.
    for (const e of entries) frontMatter.set(path.resolve(e.file), e.entry.frontMatter);
    const items: (CollectionItem & { entry: ReleaseEntry; changed: boolean; file: string; source: string })[] = [];
    const unread = new Set<string>();
    for (const e of entries) {
      const release = e.entry.record;
      if (!release) continue;
      const hold = holdOfRelease(release, e.entry.frontMatter, frontMatter, nowAt, drafts, options);
      if (hold !== undefined && (hold !== "draft" || !drafts)) {
        // A draft is dropped before Eleventy reads it through: there is nothing of it to compare.
        if (hold === "draft") unread.add(e.inputPath);
        continue;
      }
      const fileSlug = fileSlugOf(e.file);
      items.push({
        inputPath: e.inputPath,
        url: release.url,
        date: new Date(release.published),
        fileSlug,
        data: { ...e.entry.frontMatter, release, page: { inputPath: e.inputPath, fileSlug, url: release.url } },
        entry: e.entry,
        changed: e.changed,
        file: e.file,
        source: e.source,
      });
    }
    const sorted = sortReleases(items, (item) => item.data.release);
    const index = buildIndex(sorted, state.registries, options, slug, { registries: state.registries, previous: ranked });
    if (index.problems.length > 0) return;

    // From here the plan holds: releases whose page is unchanged come from the cache.
    // Ignore globs are relative to the project's folder; virtual templates' paths to the input folder.
    addedIgnore = `${posix(path.relative(process.cwd(), releasesDir))}/**/*.md`;
    eleventyConfig.ignores.add(addedIgnore);
    const inEleventy = new Set<string>(entries.map((e) => e.inputPath));
    for (const item of sorted) {
      const page = state.pages[fileOfUrl(item.url)];
      if (item.changed || !page || item.entry.content === undefined) continue;
      if (page.signature !== signatureOf(item.entry.hash, item, index, nowAt)) continue;
      if (!store.restorable(fileOfUrl(item.url), page, output)) continue;
      const contentSha = item.entry.content;
      if (!store.has(contentSha)) continue;
      // The body is read from the store only if a feed shows it: the newest few of each feed.
      let body: string | undefined;
      const readBody = () => {
        if (body === undefined) {
          const bytes = store.read(contentSha);
          if (!bytes) {
            dropState();
            throw new NewsroomError([{ file: item.inputPath, field: "buildCache", message: "has a damaged copy of its text in the build cache", fix: "build again: the cache was cleared" }]);
          }
          body = bytes.toString("utf8");
        }
        return body;
      };
      const restoredItem = { inputPath: item.inputPath, url: item.url, date: item.date, fileSlug: item.fileSlug, data: item.data } as CachedItem;
      Object.defineProperty(restoredItem, "content", { get: readBody, enumerable: false });
      Object.defineProperty(restoredItem, "templateContent", { get: readBody, enumerable: false });
      cached.set(item.inputPath, restoredItem);
      inEleventy.delete(item.inputPath);
    }
    for (const e of entries) {
      if (!inEleventy.has(e.inputPath)) continue;
      if (e.changed && !unread.has(e.inputPath)) foreseen.set(e.inputPath, JSON.stringify(e.entry.record));
      const source = e.source || readFileSync(e.file, "utf8");
      addedTemplates.push(addTemplateLate(templateConfig, posix(path.relative(path.resolve(input), e.file)), source));
    }
    planIndex = { index, items: sorted };
    planned = true;
  }

  eleventyConfig.on("eleventy.config", plan);
  // The cache restores pages into the output folder: a build that writes none (`toJSON()`) would
  // silently lack every page it restores.
  eleventyConfig.on("eleventy.before", ({ outputMode }: { outputMode?: string }) => {
    if (on && outputMode !== undefined && outputMode !== "fs") {
      on = false;
      throw new NewsroomError([{ file: "addPlugin(newsroom, options)", field: "buildCache", message: `is on for a build that writes no files (${outputMode})`, fix: "build to disk, or set NEWSROOM_BUILD_CACHE=off for this run" }]);
    }
  });

  return {
    active: () => on,
    items: () => [...cached.values()],
    planned: () => on && planned,
    registries: () => state?.registries ?? ({ people: {}, organisations: {}, places: {}, topics: {} } as unknown as Registries),
    observe(inputPath, data, release) {
      if (!on) return;
      const own = new Set(Array.isArray(data[OWN_KEYS]) ? (data[OWN_KEYS] as string[]) : []);
      const cascade: Record<string, unknown> = {};
      for (const field of RELEASE_FIELDS) if (field in data && !own.has(field) && field !== "layout" && field !== "permalink") cascade[field] = data[field];
      observed.set(inputPath, { ...(release ? { record: release } : {}), cascade });
    },
    verify() {
      if (!on) return;
      const wrong: { file: string; field: string }[] = [];
      for (const [inputPath, expected] of foreseen) {
        const seen = observed.get(inputPath);
        if (seen && JSON.stringify(seen.record) === expected) continue;
        const was = JSON.parse(expected) as Record<string, unknown>;
        const is = (seen?.record ?? {}) as unknown as Record<string, unknown>;
        const field = [...new Set([...Object.keys(was), ...Object.keys(is)])].find((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k])) ?? "release";
        wrong.push({ file: inputPath, field });
      }
      if (wrong.length > 0) {
        dropState();
        throw new NewsroomError(
          wrong.map(({ file, field }) => ({
            file,
            field,
            message: "was read by Eleventy otherwise than the build cache foresaw (the site's folder or computed data changes releases)",
            fix: "build again: the cache was cleared, and the next build reads every release; if it happens again, set buildCache: false",
          })),
        );
      }
    },
    plannedIndex(releases, registries) {
      const made = planIndex;
      planIndex = undefined;
      // Set only by a plan that held (and reset by the next): `made` means this build was planned.
      if (!on || !made || registries !== state?.registries || made.items.length !== releases.length) return undefined;
      const swap = new Map<CollectionItem, CollectionItem>();
      for (let i = 0; i < releases.length; i++) {
        const mine = made.items[i]!;
        const theirs = releases[i]!;
        if (mine.inputPath !== theirs.inputPath || mine.url !== theirs.url) return undefined;
        // A restored release shares the plan's record; one Eleventy read must have read the same.
        const a = mine.data.release;
        const b = theirs.data.release;
        if (a !== b && JSON.stringify(a) !== JSON.stringify(b)) return undefined;
        swap.set(mine, theirs);
      }
      return swapItems(made.index, swap);
    },
    restore({ directories }) {
      if (!on || !next) return;
      const output = directories.output;
      // Checked when planned; a pack changed since (another build in the same folder) stops the build.
      const damaged = (rel: string): never => {
        dropState();
        throw new NewsroomError([{ file: rel, field: "buildCache", message: "could not be put back: its copy in the build cache changed during the build", fix: "build again: the cache was cleared" }]);
      };
      // Pages from the cache: back in the output where it no longer holds them as written.
      const putPageBack = (rel: string, page: PageEntry) => {
        // Found as written when planned (20,000 pages need no second stat at 20,000 releases).
        if (store.intact.has(rel)) next!.pages[rel] = page;
        else {
          const target = path.join(output, rel);
          if (!store.putBack(output, rel, page.sha)) damaged(rel);
          const s = statSync(target);
          next!.pages[rel] = { ...page, size: s.size, mtimeMs: s.mtimeMs };
        }
        for (const a of page.assets) if (!store.intact.has(a.file) && !existsSync(path.join(output, a.file)) && !store.putBack(output, a.file, a.sha)) damaged(a.file);
        restored.push(rel, ...page.assets.map((a) => a.file));
      };
      for (const item of cached.values()) {
        const rel = fileOfUrl(item.url);
        putPageBack(rel, state!.pages[rel]!);
        // The entry itself where its file's size and time are as recorded: its line is written back as it was.
        const was = state!.releases[item.inputPath]!;
        const now = fileStats.get(item.inputPath);
        next.releases[item.inputPath] = now && (now.size !== was.size || now.mtimeMs !== was.mtimeMs) ? { ...was, ...now } : was;
      }
      for (const [rel, page] of generatedKept) putPageBack(rel, page);
    },
    async record({ directories }, index) {
      if (!on || !next || !index) return;
      const output = directories.output;
      const assetFolderBytes = Buffer.from(assetFolder(options.mount));
      const toStore = (bytes: Buffer | string) => store.put(bytes);
      const assetShas = new Map<string, string>();
      /** The photos and share cards a page names, each stored once. */
      const assetsOf = (urls: Iterable<string>) =>
        [...urls]
          .map((url) => decodeURI(url).replace(/^\//, ""))
          .filter((a) => assetShas.has(a) || existsSync(path.join(output, a)))
          .map((a) => {
            let assetSha = assetShas.get(a);
            if (!assetSha) assetShas.set(a, (assetSha = toStore(readFileSync(path.join(output, a)))));
            return { file: a, sha: assetSha };
          });
      /** A written page into the store, with the photos and share cards it refers to; undefined when it was not written. */
      const keep = (rel: string): Omit<PageEntry, "signature"> | undefined => {
        const full = path.join(output, rel);
        const s = statSync(full, { throwIfNoEntry: false });
        if (!s) return undefined;
        // The file as it is on disk, read back: it was just written, so the read is a copy from the
        // page cache, cheaper than encoding Eleventy's text again (0.3 s of 290 MB at 5,000 releases).
        const bytes = readFileSync(full);
        return { sha: toStore(bytes), size: s.size, mtimeMs: s.mtimeMs, assets: assetsOf(assetUrls(bytes, assetFolderBytes)) };
      };
      // Pages Eleventy wrote, to keep in the store with the signature they were written under:
      // release pages, then generated pages.
      const releasePages = index.releases.filter((item) => !cached.has(item.inputPath)).map((item) => ({ item, rel: fileOfUrl(item.url) }));
      const generated = [...generatedRendered];
      const files = [...releasePages.map((p) => p.rel), ...generated.map(([rel]) => rel)];
      // Many pages (a full build): more than half go to a thread of their own, which reads, hashes
      // and packs them while this one signs the releases and stores their bodies. Under the limit
      // (a publish) the thread's start would cost more than it saves. NEWSROOM_PACK_THREAD_MIN lets
      // the tests take the thread's way on a small site.
      const threadMin = Number(process.env.NEWSROOM_PACK_THREAD_MIN) || PACK_THREAD_MIN;
      const split = files.length >= threadMin ? Math.floor(files.length * 0.45) : files.length;
      const theirs = files.slice(split);
      // A thread that fails leaves its pages to this one.
      const elsewhere = theirs.length > 0 ? packInWorker(output, theirs, store.known(), assetFolder(options.mount), assetScanner).catch(() => undefined) : undefined;
      // What a release page's entry needs besides the page: its signature and its body (for feeds).
      const releaseParts = releasePages.map(({ item }) => {
        const file = path.resolve(item.inputPath);
        const hash = fileHashes.get(item.inputPath) ?? sha256(readFileSync(file));
        const body = (item as unknown as { templateContent?: string }).templateContent;
        return { file, hash, signature: signatureOf(hash, item, index, nowAt!), content: typeof body === "string" ? toStore(body) : undefined };
      });
      const kept = files.slice(0, split).map(keep);
      const packed = elsewhere ? await elsewhere : undefined;
      if (packed) {
        store.adopt(packed.pack, packed.located);
        for (const p of packed.packed) kept.push(p ? { sha: p[0], size: p[1], mtimeMs: p[2], assets: assetsOf(p[3]) } : undefined);
      } else for (const rel of theirs) kept.push(keep(rel));
      releasePages.forEach(({ item, rel }, i) => {
        const page = kept[i];
        if (!page) return;
        const { file, hash, signature, content } = releaseParts[i]!;
        next!.pages[rel] = { signature, ...page };
        next!.releases[item.inputPath] = {
          hash,
          ...(fileHashes.get(item.inputPath) === hash ? fileStats.get(item.inputPath) : {}),
          frontMatter: frontMatter.get(file) ?? {},
          record: item.data.release!,
          ...(typeof content === "string" ? { content } : {}),
        };
      });
      generated.forEach(([rel, signature], j) => {
        const page = kept[releasePages.length + j];
        if (page) next!.pages[rel] = { signature, ...page };
      });
      // Held releases and those with problems: their record, so that the next plan need not read them.
      for (const [inputPath, seen] of observed) {
        const file = path.resolve(inputPath);
        if (next.releases[inputPath] || !existsSync(file)) continue;
        next.releases[inputPath] = { hash: fileHashes.get(inputPath) ?? sha256(readFileSync(file)), ...fileStats.get(inputPath), frontMatter: frontMatter.get(file) ?? {}, ...(seen.record ? { record: seen.record } : {}) };
      }
      // What each folder's data gives its releases; a folder whose releases disagree cannot be foreseen.
      const byDir = new Map<string, string>();
      for (const [inputPath, seen] of observed) {
        const dir = posix(path.dirname(inputPath.replace(/^\.\//, "")));
        const text = JSON.stringify(seen.cascade);
        const before = byDir.get(dir);
        byDir.set(dir, before === undefined || before === text ? text : "null");
      }
      for (const [dir, text] of byDir) next.cascades[dir] = JSON.parse(text);
      next.registries = index.registries;
      // Each published release's related releases and fingerprint, for the next build's plan.
      for (const item of index.releases) {
        const entry = next.releases[item.inputPath];
        const related = index.nav.get(item.inputPath)?.related;
        if (!entry || !related) continue;
        const paths = related.map((r) => r.inputPath);
        const print = fingerprint(item);
        if (entry.fingerprint !== print || !sameItems(paths, entry.related)) next.releases[item.inputPath] = { ...entry, related: paths, fingerprint: print };
      }
      const live = Object.values(next.pages).flatMap((p) => [p.sha, ...p.assets.map((a) => a.sha)]);
      for (const r of Object.values(next.releases)) if (r.content) live.push(r.content);
      next.stored = store.finish(live);
      writeState(next);
      store.sweep(next.stored);
      const others = new Set([...generatedKept.keys()]).size;
      if (cached.size + others > 0) {
        console.log(`${PREFIX} build cache: ${cached.size} release page${cached.size === 1 ? "" : "s"} and ${others} other file${others === 1 ? "" : "s"} unchanged, restored from ${BUILD_CACHE}`);
      }
    },
    pagesToRender(kind, pages, filesOf, shown) {
      if (!on || !next) return pages;
      const alternates = (page: object) => {
        const k = (page as { alternateKey?: unknown }).alternateKey;
        return typeof k === "string" ? [...(index()?.alternates.get(k) ?? new Map<string, string>())] : null;
      };
      const output = eleventyConfig.directories.output;
      const render: typeof pages = [];
      for (const page of pages) {
        const signature = generatedSignature(key, kind, shown ? shown(page) : page, alternates(page), fingerprint);
        const files = filesOf(page);
        const before = files.map((f) => state?.pages[f]);
        if (before.every((b) => b?.signature === signature) && files.every((f, i) => store.restorable(f, before[i]!, output))) {
          files.forEach((f, i) => generatedKept.set(f, before[i]!));
        } else {
          for (const f of files) generatedRendered.set(f, signature);
          render.push(page);
        }
      }
      return render;
    },
    files: () => restored,
  };
}
