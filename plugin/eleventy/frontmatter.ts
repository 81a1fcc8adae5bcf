// Release dates read in the site's zone: YAML's own timestamps would read `2025-12-16` as UTC midnight.
// Only releases: the site's other pages keep Eleventy's (or the site's own) YAML and date rules.
import { existsSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { parseDate } from "../model/dates.ts";
import type { ReleaseFrontMatter } from "../model/publishing.ts";
import { DateTime } from "luxon";
import type { ProblemLog } from "../model/errors.ts";
import type { ResolvedOptions } from "../model/options.ts";
import type { EleventyConfig } from "./config.ts";
import { OWN_KEYS, RELEASE_URL } from "../model/schema.ts";
import { currentYamlEngine, engineFilePath, type YamlEngine } from "./internals.ts";
import { RELEASE_LAYOUT } from "./layouts.ts";

/**
 * YAML without the timestamp type: a date stays the text the author wrote, so the plugin can tell
 * `2025-12-16T10:00:00+05:00` (an instant) from `2025-12-16T10:00` (wall-clock time in `timeZone`).
 */
// js-yaml exports its built-in types at run time; its type declarations omit them.
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const SCHEMA = yaml.CORE_SCHEMA.extend([merge]);

/** Where a release's `tags` wait: kept out of Eleventy's `tags`, they make no collection per topic. */
export const TOPICS = "newsroomTopics";

/**
 * What a release's own front matter says wins over the site's folder-wide data (a `layout` for every
 * page in `content/`), so the plugin fills the release's layout and URL in here, where only the
 * file's own keys are seen.
 */
function ownRelease(fm: Record<string, unknown>, layout: string): Record<string, unknown> {
  fm[OWN_KEYS] = Object.keys(fm);
  fm.layout ??= layout;
  if (!("permalink" in fm)) fm.permalink = RELEASE_URL;
  // Always set, so a `tags` from the site's folder data is never taken for the release's topics.
  fm[TOPICS] = fm.tags ?? null;
  delete fm.tags;
  return fm;
}

/** A release's front matter as the plugin reads it: its own YAML, its layout and URL filled in. */
export function parseReleaseFrontMatter(source: string, layout = RELEASE_LAYOUT): Record<string, unknown> {
  return ownRelease((yaml.load(source, { schema: SCHEMA }) as Record<string, unknown> | null) ?? {}, layout);
}

export function useZonedDates(
  eleventyConfig: EleventyConfig,
  options: ResolvedOptions,
  isRelease: (inputPath: unknown) => boolean,
  releaseLayout: string,
  log: ProblemLog,
  frontMatter: ReleaseFrontMatter,
): void {
  // Eleventy 3 hands front-matter engines the file's path; every file but a release goes to the
  // engine the site had (its own, or Eleventy's js-yaml with timestamps).
  const previous = currentYamlEngine(eleventyConfig);
  const fallback: YamlEngine = previous ?? ((source) => yaml.load(source));
  const readRelease = (source: string, file: string) => {
    const fm = parseReleaseFrontMatter(source, releaseLayout);
    frontMatter.set(path.resolve(file), fm);
    return fm;
  };
  // A release deleted under --serve no longer speaks for its translations.
  eleventyConfig.on("eleventy.before", () => {
    for (const file of frontMatter.keys()) if (!existsSync(file)) frontMatter.delete(file);
  });
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (source: string, engineOptions?: { filePath?: string }) =>
        isRelease(engineFilePath(engineOptions)) ? readRelease(source, engineFilePath(engineOptions)!) : fallback(source, engineOptions),
    },
  });

  // Eleventy's own `date` (page.date, collection order) of a release follows the same rule.
  eleventyConfig.addDateParsing(function (this: { page?: { inputPath?: string } }, value: unknown) {
    if (typeof value !== "string" || !isRelease(this?.page?.inputPath)) return undefined;
    const special = value.trim().toLowerCase();
    if (special === "last modified" || special === "created" || special === "git last modified" || special === "git created") {
      return undefined;
    }
    const parsed = parseDate(value, options.timeZone);
    if (!parsed) {
      // Noted rather than thrown, so one build reports every bad file; the build still fails.
      log.add({
        file: this?.page?.inputPath ?? "(unknown template)",
        field: "date",
        message: `is ${JSON.stringify(value)}, which is not a date`,
        fix: `write an ISO 8601 date such as date: 2025-12-16 or date: 2025-12-16T10:00:00+05:00 (without an offset it is read in ${options.timeZone})`,
      });
      return DateTime.fromMillis(0, { zone: options.timeZone });
    }
    return parsed;
  });
}
