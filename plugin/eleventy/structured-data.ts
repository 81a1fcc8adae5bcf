// The `newsroomJsonLd` filter: a page's structured data, from the build's index.
import type { IndexAccess } from "./collections.ts";
import type { EleventyConfig } from "./config.ts";
import type { ResolvedOptions } from "../model/options.ts";
import type { QuoteData } from "../render/shortcodes.ts";
import type { ShareCard, ShareCards } from "./share-cards.ts";
import { absolute, homeGraph, releaseGraph, serializeJsonLd } from "../render/structured-data.ts";

/**
 * The quotes each page's `quote` shortcodes rendered in this build, for its JSON-LD. Eleventy renders
 * every page's content before any layout, so a release's quotes are all here when its layout asks.
 */
export function createQuoteLog(eleventyConfig: EleventyConfig) {
  let byPage = new Map<string, QuoteData[]>();
  eleventyConfig.on("eleventy.before", () => {
    byPage = new Map();
  });
  return {
    record(inputPath: string, quote: QuoteData): void {
      const list = byPage.get(inputPath) ?? [];
      // A page whose content is rendered again (a feed, a second pass) tells the same quote twice.
      if (!list.some((q) => JSON.stringify(q) === JSON.stringify(quote))) list.push(quote);
      byPage.set(inputPath, list);
    },
    of: (inputPath: string): QuoteData[] => byPage.get(inputPath) ?? [],
  };
}

export function addStructuredData(
  eleventyConfig: EleventyConfig,
  options: ResolvedOptions,
  index: IndexAccess,
  quotes: ReturnType<typeof createQuoteLog>,
  cropsOf: (inputPath: string) => { url: string; width: number; height: number }[],
  cards: ShareCards,
): void {
  const homes = new Map(options.locales.map((l) => [options.base(l), l]));
  const home = options.files.home;
  if (home !== false && !homes.has(home)) homes.set(home, options.defaultLocale);
  // `{{ content | newsroomJsonLd | safe }}` in the base layout: the page's graph, or "" when it has none.
  eleventyConfig.addFilter("newsroomJsonLd", function (this: { page?: { inputPath?: string; url?: string } }, content: unknown) {
    const page = this?.page;
    const built = index.current();
    const nav = page?.inputPath ? built?.nav.get(page.inputPath) : undefined;
    if (nav && built) {
      const release = nav.self.data.release!;
      return serializeJsonLd(
        releaseGraph({
          release,
          url: absolute(options, page!.url ?? nav.self.url),
          people: nav.people,
          organisations: nav.organisations,
          places: nav.places,
          breadcrumbs: nav.breadcrumbs,
          quotes: quotes.of(page!.inputPath!),
          crops: cropsOf(page!.inputPath!),
          card: ownCard(cards.of(page!.inputPath, page!.url, release.lang)),
          translations: Object.fromEntries(
            [...(built.alternates.get(release.alternateKey) ?? new Map<string, string>())].map(([l, u]) => [l, absolute(options, u)]),
          ),
          registries: built.registries,
          options,
        }),
      );
    }
    if (page?.url && homes.has(page.url)) {
      const locale = homes.get(page.url)!;
      return serializeJsonLd(homeGraph(options, locale, absolute(options, page.url)));
    }
    return "";
  });
}

/** Only a release's own card stands for the article; the site-wide card does not. */
function ownCard(card: ShareCard | undefined): ShareCard | undefined {
  return card && !card.site ? card : undefined;
}
