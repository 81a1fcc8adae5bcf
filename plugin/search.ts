// Search: a Pagefind index written after Eleventy, and a search page in each locale.
import path from "node:path";
import type { EleventyConfig } from "./eleventy.ts";
import { SEARCH_LAYOUT } from "./layouts.ts";
import type { ResolvedOptions } from "./options.ts";

/** Release URLs end in /yyyy/mm/slug/, with or without a locale folder in front. */
const RELEASE_PAGES = "**/[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html";

export function addSearch(eleventyConfig: EleventyConfig, options: ResolvedOptions, script: { url: string }): void {
  if (!options.search) return;
  for (const locale of options.locales) {
    eleventyConfig.addTemplate(`newsroom-virtual/search-${locale}.11ty.js`, {
      data: { layout: SEARCH_LAYOUT, permalink: `${options.base(locale)}search/`, eleventyExcludeFromCollections: true, newsroomSearchScript: script.url },
      render: () => "",
    });
  }

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode }: { directories: { output: string }; outputMode?: string }) => {
    if (outputMode !== undefined && outputMode !== "fs") return;
    // Loaded only when a site is written: Pagefind starts a native binary.
    const pagefind = await import("pagefind");
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(errors.join("; "));
      // Only release pages hold content to find (their article is the `data-pagefind-body`); reading
      // just them spares Pagefind every list, term and archive page of a large archive. (Handing pages
      // to Pagefind one by one as Eleventy writes them was measured too: 2.5 times slower than this.)
      const added = await index.addDirectory({ path: directories.output, glob: RELEASE_PAGES });
      if (added.errors.length > 0) throw new Error(added.errors.join("; "));
      const written = await index.writeFiles({ outputPath: path.join(directories.output, "pagefind") });
      if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    } catch (e) {
      throw new Error(`[newsroom] the search index could not be built: ${(e as Error).message}. Set search: false to build without it.`);
    } finally {
      await pagefind.close();
    }
  });
}
