// Search: a Pagefind index of the releases, and a search page in each locale. The index comes in two
// bundles: the releases of the newest release's year, and an archive of every earlier year, which
// the search page merges in (Pagefind's `mergeIndex`). Publishing touches the newest year, so with
// the build cache the archive is reused as long as what Pagefind reads of its pages is unchanged:
// at 5,000 releases a publish re-indexed every release page, 0.22 of a full build.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { AfterBuild } from "./after-build.ts";
import type { IndexAccess } from "./collections.ts";
import type { EleventyConfig } from "./config.ts";
import { PREFIX } from "../model/errors.ts";
import { SEARCH_LAYOUT } from "./layouts.ts";
import { ownPage, VIRTUAL } from "./guest.ts";
import { packageVersion, walk } from "./cache-key.ts";
import { sha256, writeWhole } from "./cache-store.ts";
import { fileOfUrl } from "./manifest.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { searchArchiveFolder, searchIndexFolder, searchUrl } from "../model/urls.ts";
import { searchDocument } from "../render/search-document.ts";

type Pagefind = typeof import("pagefind");

/** What makes an archive bundle besides its pages: Pagefind's version and how a page is handed to it. */
const INDEXER = `search-1 pagefind@${packageVersion("pagefind")}`;
const SEARCH_CACHE = ".cache/newsroom/search";

function failed(e: unknown): Error {
  return new Error(`${PREFIX} the search index could not be built: ${(e as Error).message ?? e}. Set search: false to build without it.`);
}

function check(result: { errors: string[] }): void {
  if (result.errors.length > 0) throw new Error(result.errors.join("; "));
}

type Indexed = { inputPath: string; data: { release?: { year: number } } };
/** Each build's archive, worked out once: the search pages ask, and so does the index. */
const archives = new WeakMap<Indexed[], Set<string>>();
/** The releases of earlier years (in the site's time zone) than the newest release's, by input path; empty when all share one year. */
export function archivedReleases(releases: Indexed[]): Set<string> {
  let archived = archives.get(releases);
  if (!archived) {
    const newest = Math.max(...releases.map((r) => r.data.release!.year));
    archives.set(releases, (archived = new Set(releases.filter((r) => r.data.release!.year < newest).map((r) => r.inputPath))));
  }
  return archived;
}

interface SearchState {
  /** What Pagefind read of each page, by file: its size, mtime and digest when last read. */
  digests: Record<string, [number, number, string]>;
  /** The archive bundle as last written: its key, and each file's size and mtime in the output and sha256. */
  archive?: { key: string; files: Record<string, [number, number, string]> };
}

function readSearchState(): SearchState {
  try {
    const s = JSON.parse(readFileSync(path.join(SEARCH_CACHE, "state.json"), "utf8")) as SearchState;
    if (typeof s.digests === "object" && s.digests) return s;
  } catch {
    // none, or not whole: read every page again.
  }
  return { digests: {} };
}

/** Every file below a folder, relative to it. */
const filesBelow = (dir: string) => walk(dir, () => false).map((file) => path.relative(dir, file));

export function addSearch(eleventyConfig: EleventyConfig, options: ResolvedOptions, script: { url: string }, after: AfterBuild, index: IndexAccess, cacheActive: () => boolean): void {
  if (!options.search) return;
  for (const locale of options.locales) {
    eleventyConfig.addTemplate(`${VIRTUAL}search-${locale}.11ty.js`, {
      data: ownPage({ layout: SEARCH_LAYOUT, permalink: searchUrl(options.base(locale)), newsroomSearchScript: script.url, newsroomSearchIndex: searchIndexFolder(options.mount) }),
      render: () => "",
    });
  }
  // The search page merges the archive bundle in when there is one.
  eleventyConfig.addFilter("newsroomSearchArchive", () => {
    const releases = index.current()?.releases ?? [];
    return archivedReleases(releases).size > 0 ? searchArchiveFolder(options.mount) : "";
  });

  // Pagefind reads the written release pages after Eleventy. (Handing it each page while Eleventy
  // renders was measured too: its service indexes one page at a time, and at 5,000 releases on two
  // cores the index was done 18 s after Eleventy instead of 10.)
  let pagefind: Pagefind | undefined;
  after.add(async ({ directories, runMode }) => {
    const site = directories.output;
    if (runMode !== undefined && runMode !== "build") return reindexInBackground(site);
    try {
      await writeIndex(site);
    } catch (e) {
      throw failed(e);
    }
  });

  async function writeIndex(site: string): Promise<void> {
    const root = path.join(site, options.mount);
    const primary = path.join(site, searchIndexFolder(options.mount));
    const archiveDir = path.join(site, searchArchiveFolder(options.mount));
    const releases = index.current()?.releases ?? [];
    const archived = archivedReleases(releases);
    const useCache = cacheActive();
    const state = useCache ? readSearchState() : { digests: {} };
    const digests: SearchState["digests"] = {};
    /** What Pagefind is given of a page: its language and the part it indexes; read only when needed. */
    const pages = releases
      .map((r) => {
        const file = path.join(site, fileOfUrl(r.url));
        const sourcePath = path.relative(root, file).split(path.sep).join("/");
        return { file, sourcePath, archived: archived.has(r.inputPath) };
      })
      // A release page is always written; a site that renders one elsewhere leaves no file to read here.
      .filter((p) => existsSync(p.file));
    // A document made for an archive page's digest is handed to Pagefind, not made again.
    const documents = new Map<string, string>();
    const documentOf = (file: string) => {
      const made = documents.get(file);
      documents.delete(file);
      return made ?? searchDocument(readFileSync(file, "utf8"));
    };

    // Loaded only when a site is written: Pagefind starts a native binary.
    pagefind ??= await import("pagefind");
    try {
      const bundle = async (list: typeof pages, outputPath: string, keep?: string) => {
        const { index: pf, errors } = await pagefind!.createIndex({});
        if (!pf) throw new Error(errors.join("; "));
        // Only release pages hold content to find; Pagefind gets what it indexes of each, and nothing else.
        for (const page of list) check(await pf.addHTMLFile({ sourcePath: page.sourcePath, content: documentOf(page.file) }));
        // A fresh folder: fragments of an earlier index would still hold pages this build removed.
        if (existsSync(outputPath)) for (const name of readdirSync(outputPath)) if (name !== keep) rmSync(path.join(outputPath, name), { recursive: true, force: true });
        check(await pf.writeFiles({ outputPath }));
      };
      await bundle(
        pages.filter((p) => !p.archived),
        primary,
        path.basename(archiveDir),
      );
      const archive = pages.filter((p) => p.archived);
      if (archive.length === 0) {
        rmSync(archiveDir, { recursive: true, force: true });
        delete state.archive;
      } else if (!useCache) {
        // Nothing kept between builds: no key to work out, no record of the files written.
        await bundle(archive, archiveDir);
      } else {
        // The archive's key: what Pagefind reads of each of its pages, known without reading a page
        // whose file is as it was when last read.
        const parts = [INDEXER];
        for (const page of archive) {
          const st = statSync(page.file);
          const known = state.digests[page.sourcePath];
          let digest = known && known[0] === st.size && known[1] === st.mtimeMs ? known[2] : undefined;
          if (digest === undefined) {
            const document = searchDocument(readFileSync(page.file, "utf8"));
            documents.set(page.file, document);
            digest = sha256(document);
          }
          digests[page.sourcePath] = [st.size, st.mtimeMs, digest];
          parts.push(`${page.sourcePath} ${digest}`);
        }
        const key = sha256(parts.join("\n"));
        const kept = path.join(SEARCH_CACHE, "archive");
        /** Whether a folder holds just these files, each passing `same`. */
        const holds = (dir: string, files: Record<string, [number, number, string]>, same: (full: string, known: [number, number, string]) => boolean) => {
          const there = filesBelow(dir);
          return there.length === Object.keys(files).length && there.every((f) => files[f] !== undefined && same(path.join(dir, f), files[f]));
        };
        const before = state.archive?.key === key ? state.archive : undefined;
        const files: Record<string, [number, number, string]> = {};
        let made = false;
        if (before && holds(archiveDir, before.files, (full, [size, mtimeMs]) => {
          const st = statSync(full);
          return st.size === size && st.mtimeMs === mtimeMs;
        })) {
          // As the last build wrote it: nothing to do.
          Object.assign(files, before.files);
        } else if (before && holds(kept, before.files, (full, [, , sha]) => sha256(readFileSync(full)) === sha)) {
          // The kept copy is whole (each file with the bytes it was written with): put back.
          rmSync(archiveDir, { recursive: true, force: true });
          cpSync(kept, archiveDir, { recursive: true });
        } else {
          await bundle(archive, archiveDir);
          made = true;
          rmSync(kept, { recursive: true, force: true });
          cpSync(archiveDir, kept, { recursive: true });
        }
        if (Object.keys(files).length === 0) {
          for (const f of filesBelow(archiveDir)) {
            const full = path.join(archiveDir, f);
            const st = statSync(full);
            files[f] = [st.size, st.mtimeMs, (!made && before?.files[f]?.[2]) || sha256(readFileSync(full))];
          }
        }
        state.archive = { key, files };
      }
      if (useCache) {
        writeWhole(path.join(SEARCH_CACHE, "state.json"), JSON.stringify({ digests, ...(state.archive ? { archive: state.archive } : {}) }));
      }
    } finally {
      await pagefind.close();
    }
  }

  // Under --serve and --watch a rebuild renders only what changed, so the index is made again from
  // the written site; in the background, so that the rebuild and the browser's reload wait for
  // Eleventy alone. One run at a time; a save during a run asks for one more.
  let running: Promise<void> | undefined;
  let again = false;
  function reindexInBackground(site: string): void {
    if (running) {
      again = true;
      return;
    }
    const start = performance.now();
    running = (async () => {
      try {
        await writeIndex(site);
        console.log(`${PREFIX} search index updated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      } catch (e) {
        console.error(failed(e).message);
      }
    })().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        reindexInBackground(site);
      }
    });
  }
}
