// Which files are releases, their normalised data on every page, drafts, and the `releases` collection.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CollectionApi, CollectionItem, EleventyConfig } from "./config.ts";
import type { Problem, ProblemLog } from "../model/errors.ts";
import { readRegistries } from "../model/registries.ts";
import { resolveNow, type Now } from "../model/clock.ts";
import { DateTime } from "luxon";
import { checkPermalink, holdOfRelease, type ReleaseFrontMatter } from "../model/publishing.ts";
import { lintShortcodes } from "../model/shortcode-lint.ts";
import { assetFolder, searchIndexFolder } from "../model/urls.ts";
import type { CheckReport } from "../render/audit.ts";
import { buildIndex, unknownKeys } from "../model/taxonomy.ts";
import type { BuiltIndex as ModelIndex } from "../model/types.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { normaliseRelease, sortReleases, type Release } from "../model/releases.ts";
import type { Slugger } from "../model/slug.ts";
import { RELEASE_LAYOUT } from "./layouts.ts";
import { TOPICS } from "./frontmatter.ts";
import { RELEASE_URL } from "../model/schema.ts";
import type { Guest } from "./guest.ts";
import { trackChanges, type ChangeTracker } from "./incremental.ts";
import { SharedData } from "./internals.ts";
import type { BuildCache } from "./build-cache.ts";
import type { ReleaseBodies } from "./shortcodes.ts";
import { releaseFilesIn } from "./cache-key.ts";

/** The global data key through which `newsroom check` receives what a build would hold back. */
export const CHECK_KEY = "newsroomCheck";

interface PageData {
  page?: { inputPath?: string; fileSlug?: string };
  layout?: unknown;
  permalink?: unknown;
  [key: string]: unknown;
}

/** The index of this build, over Eleventy's collection items. */
export type BuiltIndex = ModelIndex<CollectionItem>;

export interface IndexAccess {
  /** Builds the index on first call in a build; for collection callbacks. */
  fromCollections(api: CollectionApi): BuiltIndex;
  /** The index built for this build, once collections have run; for filters at render time. */
  current(): BuiltIndex | undefined;
  /** Which generated pages a rebuild under --serve renders. */
  changes: ChangeTracker;
  /** The build's clock. */
  now(): Now;
  /** Calls back each time a build's index is built. */
  onBuilt(listener: (index: BuiltIndex) => void): void;
  /** Calls back for each release Eleventy reads and the build keeps, before its body renders. */
  onRead(listener: (inputPath: string, release: Release) => void): void;
}

/** The release body's shortcodes checked, with lines counted in the file (front matter included). */
function lintRelease(body: string, file: string): Problem[] {
  const problems = lintShortcodes(body, file);
  if (problems.length === 0) return problems;
  let firstLine = 1;
  try {
    const raw = readFileSync(file, "utf8");
    const at = raw.indexOf(body);
    if (at > 0) firstLine = raw.slice(0, at).split("\n").length;
  } catch {
    // A virtual release has no file: its body's lines are its own.
  }
  return lintShortcodes(body, file, firstLine);
}

/** Whether a template is a release: a Markdown file in the `releases` folder of the input folder. */
export function releaseMatcher(eleventyConfig: EleventyConfig, options: ResolvedOptions): (inputPath: unknown) => inputPath is string {
  // Eleventy names files `./src/releases/x.md` but virtual templates by absolute path: compare absolute.
  let releasesDir: { input: string; value: string } | undefined;
  return (inputPath: unknown): inputPath is string => {
    if (typeof inputPath !== "string" || !inputPath.endsWith(".md")) return false;
    // Read lazily: the input folder is final only once Eleventy has merged every config source.
    const input = eleventyConfig.directories.input;
    if (releasesDir?.input !== input) releasesDir = { input, value: path.resolve(input, options.releases) + path.sep };
    return path.resolve(inputPath).startsWith(releasesDir.value);
  };
}

interface ReleaseContext {
  eleventyConfig: EleventyConfig;
  options: ResolvedOptions;
  slug: Slugger;
  log: ProblemLog;
  isRelease: (inputPath: unknown) => inputPath is string;
  guest: Guest;
  frontMatter: ReleaseFrontMatter;
  cache: BuildCache;
  bodies: ReleaseBodies;
}

/** `newsroom check` passes a report as global data: the build then holds nothing back and tells it what it would have. */
const reportOf = (data: PageData) => {
  const r = data[CHECK_KEY] as CheckReport | undefined;
  return r && typeof r.hold === "function" ? r : undefined;
};

const WHY = { draft: "a draft", embargo: "under embargo", scheduled: "scheduled for later" } as const;

/**
 * The preprocessor that makes a release of each file in the releases folder: checked, with its
 * normalised data, layout and URL, or dropped when held back. Preprocessors see each template's
 * data before Eleventy computes its URL and before collections exist: the one place to drop a
 * release from everything at once. (Computed data cannot do it: a computed `layout` or `permalink`
 * that reads the key it sets sees its own earlier value, not the front matter.)
 */
function releasePreprocessor({ options, slug, log, isRelease, guest, frontMatter, cache, bodies }: ReleaseContext, clock: () => Now, onRead: (inputPath: string, release: Release) => void) {
  // Topics are the release's own `tags`, set aside when its front matter was read (see frontmatter.ts).
  const normalise = (data: PageData, now: DateTime) =>
    normaliseRelease(TOPICS in data ? { ...data, tags: data[TOPICS] ?? undefined } : data, { inputPath: data.page!.inputPath!, fileSlug: data.page!.fileSlug ?? "" }, options, slug, now);
  // The run mode from this build's own data, not the process-wide variable another build may have set.
  const includeDrafts = (data: PageData & { eleventy?: { env?: { runMode?: string } } }) =>
    reportOf(data) !== undefined || (options.drafts ?? (data.eleventy?.env?.runMode ?? process.env.ELEVENTY_RUN_MODE) !== "build");
  const ownFolders = [...new Set([...options.locales.map((l) => options.base(l)), assetFolder(options.mount), searchIndexFolder(options.mount)])].filter((b) => b !== "/").map((b) => b.slice(1));

  return (data: PageData, content: unknown): false | string | undefined => {
    const inputPath = data.page?.inputPath;
    // The site's own pages are only noted (which URLs the site writes), never changed.
    if (!isRelease(inputPath)) return guest.notePage(data);
    const drafts = includeDrafts(data);
    if (data.draft === true && !drafts) return false;
    const at = clock().at;
    const { release, problems } = normalise(data, at);
    const lint = lintRelease(String(content ?? ""), inputPath);
    log.add(...problems, ...lint, ...checkPermalink(data.permalink, inputPath, options));
    cache.observe(inputPath, data, release);
    if (release) {
      // Held back (a draft, embargoed, scheduled, or a translation of one of those): dropped before
      // anything can read it, so no page, list, count, feed, sitemap or search entry shows it.
      const report = reportOf(data);
      // A translation of a draft is shown where drafts are (under --serve) and reported by a check
      // as a production build would hold it back.
      const hold = holdOfRelease(release, data, frontMatter, at, drafts && !report, options);
      if (report) {
        report.ownFolders = ownFolders;
        if (hold !== undefined) report.hold({ file: inputPath, why: WHY[hold], title: release.title, url: release.url, body: String(content ?? "") });
        else report.publish(String(content ?? ""));
      } else if (hold !== undefined && (hold !== "draft" || !drafts)) return false;
    }
    // The release's own front matter may name a layout or permalink; the site's folder-wide data may not.
    // (A release given as data, not read from YAML, has no marker: an unset permalink means the same.)
    if (data.permalink === RELEASE_URL || data.permalink === undefined) data.permalink = release?.url ?? false;
    if (release) {
      data.release = release;
      onRead(inputPath, release);
      data.layout ??= RELEASE_LAYOUT;
      // A release's tags are its topics, indexed once by the plugin (topic pages, `releasesBy.tags`).
      // Left in `tags`, Eleventy would also make a collection of each topic, filtering and sorting
      // every page once per topic, and a site listing its collections would list every topic.
      // (Releases read from YAML have them set aside already; these came as data.)
      if (!(TOPICS in data)) data.tags = [];
      // Read through Liquid then Markdown, and valid: its shortcodes rendered here, and Markdown alone after.
      const page = data.page as { templateSyntax?: string };
      if (page.templateSyntax === "liquid,md" && problems.length === 0 && lint.length === 0 && data.permalink === release.url && typeof content === "string") {
        const body = bodies.render(content, { inputPath, url: release.url });
        if (body !== undefined) {
          data.templateEngineOverride = "md";
          return body;
        }
      }
    }
    return undefined;
  };
}

/** Two releases on one URL would overwrite each other: name both. */
function sharedUrls(items: CollectionItem[]): Problem[] {
  const problems: Problem[] = [];
  const byUrl = new Map<string, string>();
  for (const item of items) {
    if (item.data.release?.url === undefined || typeof item.url !== "string") continue;
    const other = byUrl.get(item.url);
    if (other !== undefined) problems.push({ file: item.inputPath, field: "slug", message: `gives the URL ${item.url}, which ${other} has too`, fix: "give one of the two releases its own slug: in front matter" });
    else byUrl.set(item.url, item.inputPath);
  }
  return problems;
}

/**
 * The build's index, made by whichever collection asks first: the releases in order, the
 * registries, and every term, archive and link. Every problem of the build stops it here, together.
 */
function indexBuilder({ eleventyConfig, options, slug, log, isRelease, cache }: ReleaseContext) {
  return (api: CollectionApi): BuiltIndex => {
    const all = api.getAll();
    // With the build cache, the releases whose pages are unchanged never were Eleventy's templates.
    const items = [...all.filter((item) => isRelease(item.inputPath)), ...cache.items()];
    cache.verify();
    const releases = sortReleases(items, (item) => item.data.release as Release | undefined);
    const dataDir = `./${path.relative(process.cwd(), eleventyConfig.directories.data).split(path.sep).join("/")}/`;
    // Global data is on every page; any page will do. In a publish the registries are the ones the
    // cache recorded, which its key says are unchanged and its plan worked out the index with: not
    // checked again entry by entry (and with every release from the cache, no page may be here).
    const { registries, problems } = cache.planned() || (all.length === 0 && cache.active())
      ? { registries: cache.registries(), problems: [] }
      : readRegistries((all[0]?.data as Record<string, unknown> | undefined)?.[options.registry], options.registry, dataDir);
    log.add(...problems, ...unknownKeys(releases, registries), ...sharedUrls(items));
    // Terms built from a broken registry would only add confusing problems of their own.
    log.throwIfAny();
    const built = cache.plannedIndex(releases, registries) ?? buildIndex(releases, registries, options, slug);
    log.add(...built.problems);
    log.throwIfAny();
    return Object.assign(built, { releases, registries, all });
  };
}

/** Registers releases and their collection, and hands other concerns access to the build's index. */
export function addReleases(
  eleventyConfig: EleventyConfig,
  options: ResolvedOptions,
  slug: Slugger,
  log: ProblemLog,
  isRelease: (inputPath: unknown) => inputPath is string,
  guest: Guest,
  frontMatter: ReleaseFrontMatter,
  cache: BuildCache,
  bodies: ReleaseBodies,
): IndexAccess {
  const context: ReleaseContext = { eleventyConfig, options, slug, log, isRelease, guest, frontMatter, cache, bodies };
  // One clock a build, read when it starts: embargoes, schedules, the news sitemap and the date
  // checks all ask this one instant. One index a build, shared by everything that reads it.
  let now: Now | undefined;
  let index: BuiltIndex | undefined;
  eleventyConfig.on("eleventy.before", () => {
    now = resolveNow(options.now, process.env, options.timeZone, DateTime.now());
    index = undefined;
    log.clear();
  });
  const clock = (): Now => (now ??= resolveNow(options.now, process.env, options.timeZone, DateTime.now()));
  const readers: ((inputPath: string, release: Release) => void)[] = [];
  eleventyConfig.addPreprocessor("newsroom-releases", "*", releasePreprocessor(context, clock, (inputPath, release) => readers.forEach((read) => read(inputPath, release))));
  const build = indexBuilder(context);
  const built: ((index: BuiltIndex) => void)[] = [];
  const getIndex = (api: CollectionApi): BuiltIndex => {
    if (index) return index;
    index = build(api);
    for (const listener of built) listener(index);
    return index;
  };

  // The one collection the plugin adds to the site's; everything else it generates from the index.
  eleventyConfig.addCollection("releases", (api) => getIndex(api).releases);
  // What release pages show of each other: the order, URLs, titles and dates of the published
  // releases (previous and next), and their terms (which decide the related releases).
  const published = () => {
    if (!index) return undefined;
    const shown = index.releases.map((item) => {
      const r = item.data.release!;
      return [item.url, r.title, r.published, r.lang, r.translationKey, r.tags, r.people, r.organisations, r.places];
    });
    return createHash("sha1").update(JSON.stringify(shown)).digest("base64");
  };
  const releaseFiles = () => releaseFilesIn(path.resolve(eleventyConfig.directories.input, options.releases));
  const changes = trackChanges(eleventyConfig, isRelease, published, releaseFiles, () => new Set(frontMatter.keys()));

  // A release's neighbours, related releases, term links and breadcrumbs: `{% set nav = page.inputPath | newsroomNav %}`.
  eleventyConfig.addFilter("newsroomNav", (inputPath: unknown) => index?.nav.get(String(inputPath)));
  return { fromCollections: getIndex, current: () => index, changes, now: clock, onBuilt: (listener) => void built.push(listener), onRead: (listener) => void readers.push(listener) };
}

/**
 * `newsroom.releasesBy.people["abildabekov"]`: each kind of term's releases, newest first, for the
 * site's own templates. Global data rather than collections, which a site may list as its tags.
 * A class, so Eleventy hands every page the same object instead of a copy.
 */
export class ReleasesBy extends SharedData {
  readonly #index: IndexAccess;
  constructor(index: IndexAccess) {
    super();
    this.#index = index;
  }
  get tags() {
    return this.#index.current()?.byKind.tags ?? {};
  }
  get people() {
    return this.#index.current()?.byKind.people ?? {};
  }
  get organisations() {
    return this.#index.current()?.byKind.organisations ?? {};
  }
  get places() {
    return this.#index.current()?.byKind.places ?? {};
  }
  get years() {
    return this.#index.current()?.byYear ?? {};
  }
}
