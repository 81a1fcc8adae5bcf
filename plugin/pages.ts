// Pages the plugin generates: lists of releases, the front page, term pages and archives.
import type { EleventyConfig, CollectionItem } from "./eleventy.ts";
import { ARCHIVE_LAYOUT, LIST_LAYOUT, TERM_LAYOUT, TERMS_LAYOUT } from "./layouts.ts";
import type { ResolvedOptions } from "./options.ts";
import type { Release } from "./releases.ts";

const inLocale = (locale: string) => (items: CollectionItem[]) =>
  items.filter((item) => (item.data.release as Release | undefined)?.lang === locale);

export function addListPages(eleventyConfig: EleventyConfig, options: ResolvedOptions): void {
  for (const locale of options.locales) {
    eleventyConfig.addTemplate(`newsroom-virtual/list-${locale}.11ty.js`, {
      data: {
        layout: LIST_LAYOUT,
        newsroomLocale: locale,
        eleventyExcludeFromCollections: true,
        pagination: { data: "collections.releases", size: options.perPage, alias: "releases", before: inLocale(locale), generatePageOnEmptyData: true },
        permalink: (data: { pagination: { pageNumber: number } }) =>
          data.pagination.pageNumber === 0 ? options.base(locale) : `${options.base(locale)}page/${data.pagination.pageNumber + 1}/`,
      },
      render: () => "",
    });
  }

  // The front page shows the default locale's newest releases; its canonical URL is that locale's list.
  if (options.defaultLocaleAtRoot) return;
  eleventyConfig.addTemplate("newsroom-virtual/front-page.11ty.js", {
    data: {
      layout: LIST_LAYOUT,
      newsroomLocale: options.defaultLocale,
      newsroomCanonical: options.base(options.defaultLocale),
      eleventyExcludeFromCollections: true,
      pagination: { data: "collections.releases", size: options.perPage, alias: "releases", before: inLocale(options.defaultLocale), generatePageOnEmptyData: true },
      permalink: (data: { pagination: { pageNumber: number } }) => (data.pagination.pageNumber === 0 ? "/" : false),
    },
    render: () => "",
  });
}

/** Term pages, the index of each kind of term, and the archives: one virtual template each, over the index. */
export function addIndexPages(eleventyConfig: EleventyConfig): void {
  const generated = [
    ["terms", "newsroomTermPages", "termPage", TERM_LAYOUT],
    ["term-indexes", "newsroomTermIndexes", "termIndex", TERMS_LAYOUT],
    ["archives", "newsroomArchivePages", "archivePage", ARCHIVE_LAYOUT],
  ] as const;
  for (const [name, collection, alias, layout] of generated) {
    eleventyConfig.addTemplate(`newsroom-virtual/${name}.11ty.js`, {
      data: {
        layout,
        eleventyExcludeFromCollections: true,
        pagination: { data: `collections.${collection}`, size: 1, alias },
        permalink: (data: Record<string, { url: string }>) => data[alias]!.url,
      },
      render: () => "",
    });
  }
}
