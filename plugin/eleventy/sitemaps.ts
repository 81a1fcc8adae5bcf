// Sitemaps and robots.txt as Eleventy pages, yielding to the site's own where it has them.
import type { IndexAccess } from "./collections.ts";
import type { CollectionItem, EleventyConfig } from "./config.ts";
import { indexPages, ownPage, VIRTUAL, type Guest } from "./guest.ts";
import type { AfterBuild } from "./after-build.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { renderRobots, renderSitemap, sitemapFiles, sitemapLines, type SitemapFile } from "../render/sitemaps.ts";

export function addSitemaps(eleventyConfig: EleventyConfig, options: ResolvedOptions, index: IndexAccess, guest: Guest, after: AfterBuild): void {
  // Worked out once a build, when the first of the plugin's sitemap pages asks: after the site's
  // own pages, so that a sitemap of the site's own keeps its URL and the plugin's moves aside.
  let files: SitemapFile[] | undefined;
  eleventyConfig.on("eleventy.before", () => {
    files = undefined;
  });
  const sitemaps = (): SitemapFile[] => {
    if (files) return files;
    const built = index.current()!;
    // The build's one clock: Google News reads only the last two days before it.
    const now = index.now().at;
    let url = options.files.sitemap;
    let others: CollectionItem[] = [];
    if (url !== false && guest.siteOwns(url)) {
      const moved = url.replace(/(\.xml)?$/, "-newsroom.xml");
      guest.yielded(`the site's own ${url} stays; the newsroom's sitemap is ${moved}`);
      url = moved;
    } else {
      // The whole site's sitemap: the site's own pages too, as it has none of its own.
      const releasePaths = new Set(built.releases.map((r) => r.inputPath));
      others = built.all.filter((item) => !releasePaths.has(item.inputPath));
    }
    // The plugin's home page, unless it yielded to the site's.
    const home = options.files.home !== false && !guest.siteOwns(options.files.home) ? options.files.home : false;
    return (files = sitemapFiles(built, others, options, now, url, home));
  };

  eleventyConfig.addTemplate(`${VIRTUAL}sitemaps.11ty.js`, {
    data: indexPages("sitemap", sitemaps, { permalink: (data: { sitemap: SitemapFile }) => data.sitemap.url }),
    render: (data: { sitemap: SitemapFile }) => renderSitemap(data.sitemap, options),
  });

  if (!options.files.robots) return;
  // robots.txt works only at the host's root: the plugin writes it there, or adds its lines to the
  // site's own. (Under Eleventy's pathPrefix the output's root is not the host's: see the README.)
  let merge = false;
  eleventyConfig.addTemplate(`${VIRTUAL}robots.11ty.js`, {
    data: ownPage({
      eleventyImport: { collections: ["releases"] },
      permalink: () => {
        merge = guest.siteOwns(ROBOTS);
        if (merge) guest.yielded("its Sitemap lines are added to the site's own robots.txt");
        return merge ? false : ROBOTS;
      },
    }),
    render: () => renderRobots(sitemaps(), options),
  });
  after.add(({ directories }) => {
    if (!merge) return;
    guest.writeOrMerge(directories.output, "robots.txt", sitemapLines(sitemaps(), options).join("\n"));
  });
}

const ROBOTS = "/robots.txt";
