// Output for a CDN: a localised 404 page, and the _headers file written (or added to) after the build.
import path from "node:path";
import type { EleventyConfig } from "./config.ts";
import { ownPage, VIRTUAL, type Guest } from "./guest.ts";
import { NOT_FOUND_LAYOUT } from "./layouts.ts";
import type { AfterBuild } from "./after-build.ts";
import { MANIFEST } from "./manifest.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { headersFile, topLevel } from "../render/headers.ts";

export function addCdnOutput(eleventyConfig: EleventyConfig, options: ResolvedOptions, guest: Guest, isRelease: (inputPath: unknown) => boolean, after: AfterBuild): void {
  const notFound = options.files.notFound;
  if (notFound !== false) {
    eleventyConfig.addTemplate(`${VIRTUAL}not-found.11ty.js`, {
      data: ownPage({
        layout: NOT_FOUND_LAYOUT,
        newsroomNotFound: true,
        // Worked out after the site's own pages, so a 404 page of the site's own wins.
        eleventyImport: { collections: ["releases"] },
        permalink: () => {
          if (!guest.siteOwns(notFound)) return notFound;
          guest.yielded(`the site's own ${notFound} stays its 404 page`);
          return false;
        },
      }),
      render: () => "",
    });
  }

  if (!options.headers) return;
  // Kept across rebuilds under --serve, which render only some pages.
  const ours = new Set<string>();
  after.add(({ directories, runMode, results }) => {
    if (runMode === undefined || runMode === "build") ours.clear();
    const out = directories.output;
    for (const page of results ?? []) {
      if (typeof page.outputPath === "string" && (page.inputPath.includes(VIRTUAL) || isRelease(page.inputPath))) {
        ours.add(path.relative(out, page.outputPath).split(path.sep).join("/"));
      }
    }
    // The search index is written by its own handler, perhaps still; the manifest beside the site.
    if (options.search) ours.add(`${options.mount.slice(1)}pagefind/pagefind.js`);
    ours.add(MANIFEST);
    // `directories`, not the deprecated `dir`: only it follows --output.
    guest.writeOrMerge(out, "_headers", headersFile(topLevel(ours, options.mount), options.pathPrefix(), options.mount));
  });
}
