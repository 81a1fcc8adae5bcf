// Which files are releases, their normalised data on every page, drafts, and the `releases` collection.
import path from "node:path";
import type { EleventyConfig } from "./eleventy.ts";
import type { Problem } from "./errors.ts";
import type { ResolvedOptions } from "./options.ts";
import { normaliseRelease, sortReleases, type Release } from "./releases.ts";
import type { Slugger } from "./slug.ts";
import { RELEASE_LAYOUT } from "./layouts.ts";

/** Where a release's problems wait for the collection to report them together. */
const PROBLEMS = "newsroomProblems";

interface PageData {
  page?: { inputPath?: string; fileSlug?: string };
  layout?: unknown;
  permalink?: unknown;
  [key: string]: unknown;
}

export function addReleases(eleventyConfig: EleventyConfig, options: ResolvedOptions, slug: Slugger): void {
  // Read lazily: the input folder is final only once Eleventy has merged every config source.
  // Eleventy names files `./src/releases/x.md` but virtual templates by absolute path: compare absolute.
  let releasesDir: { input: string; value: string } | undefined;
  const isRelease = (inputPath: unknown): inputPath is string => {
    if (typeof inputPath !== "string" || !inputPath.endsWith(".md")) return false;
    // Read lazily: the input folder is final only once Eleventy has merged every config source.
    const input = eleventyConfig.directories.input;
    if (releasesDir?.input !== input) releasesDir = { input, value: path.resolve(input, options.releases) + path.sep };
    return path.resolve(inputPath).startsWith(releasesDir.value);
  };

  const normalise = (data: PageData) =>
    normaliseRelease(data, { inputPath: data.page!.inputPath!, fileSlug: data.page!.fileSlug ?? "" }, options, slug);

  const includeDrafts = () => options.drafts ?? process.env.ELEVENTY_RUN_MODE !== "build";

  // Preprocessors see each template's data before Eleventy computes its URL and before collections
  // exist: the one place to drop a draft from everything at once, and to give a release its
  // normalised data, layout and URL. (Computed data cannot do it: a computed `layout` or
  // `permalink` that reads the key it sets sees its own earlier value, not the front matter.)
  eleventyConfig.addPreprocessor("newsroom-releases", "*", (data) => {
    if (data.draft === true && !includeDrafts()) return false;
    const inputPath = data.page?.inputPath;
    if (!isRelease(inputPath)) return undefined;
    const { release, problems } = normalise(data);
    data[PROBLEMS] = problems;
    if (release) {
      data.release = release;
      data.layout ??= RELEASE_LAYOUT;
      data.permalink ??= release.url;
    }
    return undefined;
  });

  eleventyConfig.addCollection("releases", (api) => {
    const items = api.getAll().filter((item) => isRelease(item.inputPath));
    // Every problem of every release, reported in one error.
    return sortReleases(items, (item) => ({
      release: item.data.release as Release | undefined,
      problems: (item.data[PROBLEMS] as Problem[] | undefined) ?? [],
    }));
  });
}
