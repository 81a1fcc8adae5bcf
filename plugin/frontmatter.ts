// Front-matter dates read in the site's zone: YAML's own timestamps would read `2025-12-16` as UTC midnight.
import yaml from "js-yaml";
import { parseDate } from "./dates.ts";
import { DateTime } from "luxon";
import type { ProblemLog } from "./errors.ts";
import type { ResolvedOptions } from "./options.ts";
import type { EleventyConfig } from "./eleventy.ts";

/**
 * YAML without the timestamp type: a date stays the text the author wrote, so the plugin can tell
 * `2025-12-16T10:00:00+05:00` (an instant) from `2025-12-16T10:00` (wall-clock time in `timeZone`).
 */
// js-yaml exports its built-in types at run time; its type declarations omit them.
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const SCHEMA = yaml.CORE_SCHEMA.extend([merge]);

export function useZonedDates(eleventyConfig: EleventyConfig, options: ResolvedOptions, log: ProblemLog): void {
  eleventyConfig.setFrontMatterParsingOptions({
    engines: { yaml: (source: string) => yaml.load(source, { schema: SCHEMA }) as object },
  });

  // Eleventy's own `date` (page.date, collection order) follows the same rule.
  eleventyConfig.addDateParsing(function (this: { page?: { inputPath?: string } }, value: unknown) {
    if (typeof value !== "string") return undefined;
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
