// The feeds as Eleventy pages: one virtual template per format, paginated over the index's feeds.
import type { BuildCache } from "./build-cache.ts";
import type { IndexAccess } from "./collections.ts";
import type { EleventyConfig } from "./config.ts";
import { indexPages, VIRTUAL } from "./guest.ts";
import { fileOfUrl } from "./manifest.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { entryOf, FEED_FILES, feedsOf, RENDER, type Feed, type FeedFormat } from "../render/feeds.ts";
import { feedUrl, searchIndexFolder } from "../model/urls.ts";

/**
 * The build's feeds, made once for its index: the three formats' pages and the manifest all read
 * them, and each feed's change signature is worked out once, not once per format.
 */
const feedsByIndex = new WeakMap<object, Feed[]>();
function feedsOfBuild(built: NonNullable<ReturnType<IndexAccess["current"]>>, options: ResolvedOptions): Feed[] {
  let feeds = feedsByIndex.get(built);
  if (!feeds) feedsByIndex.set(built, (feeds = feedsOf(built, options)));
  return feeds;
}

/** Every attribute Eleventy's HTML base plugin rewrites (posthtml-urls' list), on any element. */
const URL_ATTRIBUTE = /\s(?:href|ping|src|srcset|cite|formaction|action|content|data|poster)\s*=/i;

export function addFeeds(eleventyConfig: EleventyConfig, options: ResolvedOptions, index: IndexAccess, cache: BuildCache): void {
  if (!options.feeds) return;
  const toRender = new WeakMap<object, Feed[]>();
  const feeds = () => {
    const built = index.current()!;
    let pages = toRender.get(built);
    if (!pages) {
      const changed = index.changes.pagesToRender("feed", feedsOfBuild(built, options));
      const files = (feed: Feed) => feed.formats.map((format) => fileOfUrl(feedUrl(feed.base, format)));
      toRender.set(built, (pages = cache.pagesToRender("feed", changed, files)));
    }
    return pages;
  };

  // A release sits in several feeds; make its absolute-URL content once per build.
  let absoluteContent = new Map<string, Promise<string>>();
  eleventyConfig.on("eleventy.before", () => {
    absoluteContent = new Map();
  });

  for (const format of Object.keys(FEED_FILES) as FeedFormat[]) {
    eleventyConfig.addTemplate(`${VIRTUAL}feed-${format}.11ty.js`, {
      data: indexPages("feed", () => feeds().filter((feed) => feed.formats.includes(format)), { permalink: (data: { feed: Feed }) => feedUrl(data.feed.base, format) }),
      async render(this: { transformWithHtmlBase(html: string, base: string, pageUrl: string): Promise<string> }, data: { feed: Feed }) {
        const entries = await Promise.all(
          data.feed.items.map(async (item) => {
            let html = absoluteContent.get(item.inputPath);
            if (!html) {
              const body = String((item as unknown as { content: string }).content ?? "");
              // Eleventy's HTML base plugin makes every URL in the body absolute, as feed readers need
              // (adding Eleventy's pathPrefix itself). A body with no attribute that can hold a URL
              // has nothing to change, and is not parsed: most releases, 0.12 s at 5,000.
              html = URL_ATTRIBUTE.test(body) ? this.transformWithHtmlBase(body, `${options.siteUrl}/`, item.url) : Promise.resolve(body);
              absoluteContent.set(item.inputPath, html);
            }
            return entryOf(item, await html, options, index.current()?.registries);
          }),
        );
        return RENDER[format](data.feed, entries, options);
      },
    });
  }
}

/**
 * Every file of the plugin's pages that a rebuild under --serve may leave unrendered (term, index
 * and archive pages, feeds), and the search folder: what the manifest keeps besides what Eleventy
 * lists as written.
 */
export function ownedFiles(index: IndexAccess, options: ResolvedOptions): { files: string[]; folders: string[] } {
  const built = index.current();
  const files: string[] = [];
  if (built) {
    for (const page of [...built.termPages, ...built.termIndexes, ...built.archivePages]) files.push(fileOfUrl(page.url));
    if (options.feeds) for (const feed of feedsOfBuild(built, options)) for (const format of feed.formats) files.push(fileOfUrl(feedUrl(feed.base, format)));
  }
  return { files, folders: options.search ? [searchIndexFolder(options.mount).slice(1)] : [] };
}
