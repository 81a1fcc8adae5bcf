// Rebuilds under --serve or --watch with --incremental: after saving a release, only the generated
// pages it shows on are made again. Eleventy re-renders every template that reads a collection whenever a file in one
// changes, which for the plugin's term, archive and feed pages is all of them: 4,016 files, 24 s, for
// one saved release of 5,000. Those pages come from the plugin's own collections, so the plugin can
// hand Eleventy, on such a rebuild, just the pages whose content could differ; the others stay on
// disk as the previous build wrote them.
import { createHash } from "node:crypto";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { REBUILD_FILE } from "./internals.ts";
import path from "node:path";
import type { EleventyConfig } from "./config.ts";

interface ItemLike {
  inputPath: string;
  url: string;
  data: { release?: { title?: unknown; lead?: unknown; published?: unknown; updated?: unknown; dateline?: unknown; lang?: unknown; image?: unknown } };
}

const isItem = (value: unknown): value is ItemLike =>
  typeof value === "object" && value !== null && typeof (value as ItemLike).inputPath === "string" && typeof (value as ItemLike).data === "object";

export interface ChangeTracker {
  /** The pages to render in this build: all of them, except on a rebuild after releases alone were saved. */
  pagesToRender<T extends { url?: string; base?: string }>(kind: string, pages: T[]): T[];
}


export function trackChanges(
  eleventyConfig: EleventyConfig,
  isRelease: (inputPath: string) => boolean,
  published: () => string | undefined,
  /** Every release file on disk now, and those Eleventy has read (absolute paths). */
  releaseFiles: () => string[],
  known: () => Set<string>,
): ChangeTracker {
  let tracking = false;
  let written = false;
  let saved = new Set<string>();
  let partial = false;
  /** kind + URL → what the page showed when it was last written; `rendering` holds this build's until it is. */
  const shown = new Map<string, string>();
  let rendering = new Map<string, string>();

  // Eleventy's incremental pass reads one changed file, the first of its queue; a second new
  // template on disk (saved in the same moment, in this queue or not yet) is found but never
  // prepared, and every later pass fails with "`templateRender` has not yet initialized" until that
  // file is saved again. So new releases other than the one this pass reads sit it out (ignored),
  // and are saved again (touched) once it is written: each gets a pass of its own, then the full
  // rebuild that follows a changed list of releases.
  let deferred: string[] = [];
  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    for (const file of deferred) eleventyConfig.ignores.delete(file);
    deferred = [];
    if (tracking) {
      const first = queue[0] ? path.resolve(queue[0]) : undefined;
      const seen = known();
      deferred = releaseFiles()
        .filter((file) => file !== first && !seen.has(file))
        .map((file) => `./${path.relative(process.cwd(), file).split(path.sep).join("/")}`);
      for (const file of deferred) eleventyConfig.ignores.add(file);
    }
    // Kept until a build succeeds: a save whose build failed still counts on the next one.
    for (const file of queue) if (!deferred.includes(file)) saved.add(path.resolve(file));
  });
  eleventyConfig.on("eleventy.after", () => {
    const now = new Date();
    for (const file of deferred) {
      try {
        utimesSync(file, now, now);
      } catch {
        // Deleted meanwhile: nothing to save again.
      }
    }
  });
  eleventyConfig.on("eleventy.before", ({ runMode, incremental }: { runMode?: string; incremental?: boolean }) => {
    tracking = runMode !== undefined && runMode !== "build" && incremental === true;
    // A layout, registry, data or config file can change any page: those rebuilds render everything.
    partial = tracking && written && saved.size > 0 && [...saved].every((file) => isRelease(file));
    rendering = new Map();
  });
  // What every release page shows of the others (their URLs, titles, dates, order, terms): when a
  // partial rebuild changed it (a release held back, deleted, added, renamed or moved), one full
  // rebuild follows, so that no page keeps a link to a release that is gone or a title it lost.
  let lastPublished: string | undefined;
  eleventyConfig.addWatchTarget(REBUILD_FILE);
  eleventyConfig.on("eleventy.after", () => {
    const now = published();
    if (partial && lastPublished !== undefined && now !== lastPublished) {
      mkdirSync(path.dirname(REBUILD_FILE), { recursive: true });
      writeFileSync(REBUILD_FILE, `${now}\n`);
    }
    lastPublished = now;
    written = true;
    saved = new Set();
    for (const [key, signature] of rendering) shown.set(key, signature);
  });

  // What a page shows of each release on it (a card: title, lead, date, dateline, language, image),
  // and everything else it holds, except a term's full list of releases: only its count is shown.
  const replacer = function (this: unknown, key: string, value: unknown) {
    if (key === "items" && typeof this === "object" && this !== null && "slug" in this && "kind" in this) return undefined;
    if (isItem(value)) {
      const r = value.data.release ?? {};
      return [value.url, r.title, r.lead, r.published, r.updated, r.dateline, r.lang, r.image];
    }
    return value;
  };

  return {
    pagesToRender(kind, pages) {
      // A one-off or non-incremental build renders everything and keeps nothing.
      if (!tracking) return pages;
      const keep: typeof pages = [];
      for (const page of pages) {
        const key = `${kind} ${page.url ?? page.base}`;
        const signature = createHash("sha1").update(JSON.stringify(page, replacer)).digest("base64");
        const before = shown.get(key);
        rendering.set(key, signature);
        // A saved release re-renders every page it is on: a feed carries its whole text.
        const holdsSaved = () => ((page as { items?: unknown[] }).items ?? []).some((item) => isItem(item) && saved.has(path.resolve(item.inputPath)));
        if (!partial || before !== signature || holdsSaved()) keep.push(page);
      }
      return keep;
    },
  };
}
