// Search: a Pagefind index of the releases, and a search page in each locale.
import { rmSync } from "node:fs";
import path from "node:path";
import type { AfterBuild } from "./after-build.ts";
import type { EleventyConfig } from "./config.ts";
import { PREFIX } from "../model/errors.ts";
import { SEARCH_LAYOUT } from "./layouts.ts";
import { ownPage, VIRTUAL } from "./guest.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { RELEASE_PAGES_GLOB, searchIndexFolder, searchUrl } from "../model/urls.ts";


type Pagefind = typeof import("pagefind");

function failed(e: unknown): Error {
  return new Error(`${PREFIX} the search index could not be built: ${(e as Error).message ?? e}. Set search: false to build without it.`);
}

function check(result: { errors: string[] }): void {
  if (result.errors.length > 0) throw new Error(result.errors.join("; "));
}

export function addSearch(eleventyConfig: EleventyConfig, options: ResolvedOptions, script: { url: string }, after: AfterBuild): void {
  if (!options.search) return;
  for (const locale of options.locales) {
    eleventyConfig.addTemplate(`${VIRTUAL}search-${locale}.11ty.js`, {
      data: ownPage({ layout: SEARCH_LAYOUT, permalink: searchUrl(options.base(locale)), newsroomSearchScript: script.url, newsroomSearchIndex: searchIndexFolder(options.mount) }),
      render: () => "",
    });
  }

  // Pagefind reads the written release pages after Eleventy, several at a time. (Handing it each page
  // while Eleventy renders was measured too: its service indexes one page at a time, and at 5,000
  // releases on two cores the index was done 18 s after Eleventy instead of 10.)
  let pagefind: Pagefind | undefined;
  after.add(async ({ directories, runMode }) => {
    const site = directories.output;
    const outputPath = path.join(site, searchIndexFolder(options.mount));
    if (runMode !== undefined && runMode !== "build") return reindexInBackground(site, outputPath);
    try {
      await writeIndex(site, outputPath);
    } catch (e) {
      throw failed(e);
    }
  });

  async function writeIndex(site: string, outputPath: string): Promise<void> {
    // Loaded only when a site is written: Pagefind starts a native binary.
    pagefind ??= await import("pagefind");
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(errors.join("; "));
      // Only release pages hold content to find (their article is the `data-pagefind-body`); reading
      // just them spares Pagefind every list, term and archive page of a large archive.
      check(await index.addDirectory({ path: path.join(site, options.mount), glob: RELEASE_PAGES_GLOB }));
      // A fresh folder: fragments of an earlier index would still hold pages this build removed.
      rmSync(outputPath, { recursive: true, force: true });
      check(await index.writeFiles({ outputPath }));
    } finally {
      await pagefind.close();
    }
  }

  // Under --serve and --watch a rebuild renders only what changed, so the index is made again from
  // the written site; in the background, so that the rebuild and the browser's reload wait for
  // Eleventy alone. One run at a time; a save during a run asks for one more.
  let running: Promise<void> | undefined;
  let again = false;
  function reindexInBackground(site: string, outputPath: string): void {
    if (running) {
      again = true;
      return;
    }
    const start = performance.now();
    running = (async () => {
      try {
        await writeIndex(site, outputPath);
        console.log(`${PREFIX} search index updated in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      } catch (e) {
        console.error(failed(e).message);
      }
    })().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        reindexInBackground(site, outputPath);
      }
    });
  }
}
