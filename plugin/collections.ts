// Which files are releases, their normalised data on every page, drafts, and the `releases` collection.
import path from "node:path";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./eleventy.ts";
import { NewsroomError, type Problem, type ProblemLog } from "./errors.ts";
import { readRegistries } from "./registries.ts";
import { resolveNow } from "./clock.ts";
import { parseDate } from "./dates.ts";
import { FIXES } from "./schema.ts";
import type { DateTime } from "luxon";
import { buildIndex, unknownKeys, type NewsroomIndex } from "./taxonomy.ts";
import type { Registries } from "./schema.ts";
import type { ResolvedOptions } from "./options.ts";
import { normaliseRelease, sortReleases, type Release } from "./releases.ts";
import type { Slugger } from "./slug.ts";
import { RELEASE_LAYOUT } from "./layouts.ts";
import { trackChanges, type ChangeTracker } from "./incremental.ts";

/** Where a release's problems wait for the collection to report them together. */
const PROBLEMS = "newsroomProblems";

interface PageData {
  page?: { inputPath?: string; fileSlug?: string };
  layout?: unknown;
  permalink?: unknown;
  [key: string]: unknown;
}

export type BuiltIndex = NewsroomIndex<CollectionItem> & { releases: CollectionItem[]; registries: Registries };

export interface IndexAccess {
  /** Builds the index on first call in a build; for collection callbacks. */
  fromCollections(api: CollectionApi): BuiltIndex;
  /** The index built for this build, once collections have run; for filters at render time. */
  current(): BuiltIndex | undefined;
  /** Which generated pages a rebuild under --serve renders. */
  changes: ChangeTracker;
}

/** Registers releases and their collections, and hands other concerns access to the build's index. */
export function addReleases(eleventyConfig: EleventyConfig, options: ResolvedOptions, slug: Slugger, log: ProblemLog): IndexAccess {
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

  // `newsroom check` validates drafts and embargoed releases too; it writes nothing, so nothing leaks.
  const checking = () => process.env.NEWSROOM_CHECK === "1";
  // The run mode from this build's own data, not the process-wide variable another build may have set.
  const includeDrafts = (data: { eleventy?: { env?: { runMode?: string } } }) =>
    checking() || (options.drafts ?? (data.eleventy?.env?.runMode ?? process.env.ELEVENTY_RUN_MODE) !== "build");
  // The clock embargoes are judged by: never the machine's unless an option or the environment says so.
  let now: { value: DateTime | undefined } | undefined;
  eleventyConfig.on("eleventy.before", () => {
    now = undefined;
    log.clear();
  });
  const clock = () => (now ??= { value: resolveNow(options.now, process.env, options.timeZone, () => undefined) }).value;

  // Preprocessors see each template's data before Eleventy computes its URL and before collections
  // exist: the one place to drop a draft from everything at once, and to give a release its
  // normalised data, layout and URL. (Computed data cannot do it: a computed `layout` or
  // `permalink` that reads the key it sets sees its own earlier value, not the front matter.)
  eleventyConfig.addPreprocessor("newsroom-releases", "*", (data) => {
    if (data.draft === true && !includeDrafts(data)) return false;
    const inputPath = data.page?.inputPath;
    if (data.embargo !== undefined && data.embargo !== null) {
      // An embargoed page is dropped before anything can read it: no page, list, count, feed or sitemap entry.
      const until = parseDate(data.embargo, options.timeZone);
      const at = clock();
      if (!until) {
        log.add({ file: String(inputPath), field: "embargo", message: `is ${JSON.stringify(data.embargo)}, which is not a date`, fix: FIXES.embargo! });
        return false;
      }
      // `newsroom check` validates it like any release; only a real build asks the clock.
      if (!checking()) {
        if (!at) {
          log.add({
            file: String(inputPath),
            field: "embargo",
            message: "needs the build's clock, and none was given",
            fix: 'set the now option (now: "clock" for the machine\'s clock) or NEWSROOM_NOW=clock in the environment that builds the site',
          });
          return false;
        }
        if (at < until) return false;
      }
    }
    if (!isRelease(inputPath)) return undefined;
    const { release, problems } = normalise(data);
    data[PROBLEMS] = problems;
    if (release) {
      data.release = release;
      data.layout ??= RELEASE_LAYOUT;
      data.permalink ??= release.url;
      // A release's tags are its topics, indexed once by the plugin (topic pages, `releasesByTag`).
      // Left in `tags`, Eleventy would also make a collection of each topic, filtering and sorting
      // every page once per topic: a tenth of a build with 200 topics, and again on every rebuild.
      data.tags = [];
    }
    return undefined;
  });

  // The index is built once per build, by whichever collection asks first, and shared by all of them.
  let index: BuiltIndex | undefined;
  eleventyConfig.on("eleventy.before", () => {
    index = undefined;
  });
  const getIndex = (api: CollectionApi): BuiltIndex => {
    if (index) return index;
    const all = api.getAll();
    const items = all.filter((item) => isRelease(item.inputPath));
    const problems: Problem[] = [...log.list()];
    const releases = sortReleases(items, (item) => {
      const found = (item.data[PROBLEMS] as Problem[] | undefined) ?? [];
      problems.push(...found.filter((p) => !log.has(p.file, p.field)));
      return { release: item.data.release as Release | undefined, problems: [] };
    });
    const dataDir = `./${path.relative(process.cwd(), eleventyConfig.directories.data).split(path.sep).join("/")}/`;
    const { registries, problems: registryProblems } = readRegistries(
      // Global data is on every page; any page will do.
      (all[0]?.data as Record<string, unknown> | undefined)?.[options.registry],
      options.registry,
      dataDir,
    );
    problems.push(...registryProblems, ...unknownKeys(releases, registries));
    // Two releases on one URL would overwrite each other: name both.
    const byUrl = new Map<string, string>();
    for (const item of items) {
      const url = item.data.release?.url !== undefined ? item.url : undefined;
      if (typeof url !== "string") continue;
      const other = byUrl.get(url);
      if (other !== undefined) {
        problems.push({ file: item.inputPath, field: "slug", message: `gives the URL ${url}, which ${other} has too`, fix: "give one of the two releases its own slug: in front matter" });
      } else byUrl.set(url, item.inputPath);
    }
    // Terms built from a broken registry would only add confusing problems of their own.
    if (problems.length > 0) throw new NewsroomError(problems);
    const built = buildIndex(releases, registries, options, slug);
    problems.push(...built.problems);
    // Every problem of every release and registry, reported in one error.
    if (problems.length > 0) throw new NewsroomError(problems);
    index = Object.assign(built, { releases, registries });
    return index;
  };

  eleventyConfig.addCollection("releases", (api) => getIndex(api).releases);
  eleventyConfig.addCollection("releasesByTag", (api) => getIndex(api).byKind.tags);
  eleventyConfig.addCollection("releasesByPerson", (api) => getIndex(api).byKind.people);
  eleventyConfig.addCollection("releasesByOrganisation", (api) => getIndex(api).byKind.organisations);
  eleventyConfig.addCollection("releasesByPlace", (api) => getIndex(api).byKind.places);
  eleventyConfig.addCollection("releasesByYear", (api) => getIndex(api).byYear);
  // For the plugin's own generated pages.
  const changes = trackChanges(eleventyConfig, isRelease);
  eleventyConfig.addCollection("newsroomTermPages", (api) => changes.pagesToRender("term", getIndex(api).termPages));
  eleventyConfig.addCollection("newsroomTermIndexes", (api) => changes.pagesToRender("terms", getIndex(api).termIndexes));
  eleventyConfig.addCollection("newsroomArchivePages", (api) => changes.pagesToRender("archive", getIndex(api).archivePages));

  // A release's neighbours, related releases, term links and breadcrumbs: `{% set nav = page.inputPath | newsroomNav %}`.
  eleventyConfig.addFilter("newsroomNav", (inputPath: unknown) => index?.nav.get(String(inputPath)));
  return { fromCollections: getIndex, current: () => index, changes };
}
