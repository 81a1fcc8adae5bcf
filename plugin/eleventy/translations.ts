// Translations: which page is which in another language, for hreflang links and the language switcher.
import type { IndexAccess } from "./collections.ts";
import type { EleventyConfig } from "./config.ts";
import type { ResolvedOptions } from "../model/options.ts";

export interface Language {
  locale: string;
  /** The language's name for itself. */
  name: string;
  /** The same page in that language, or that language's home page when there is none. */
  url: string;
  /** Whether `url` is this page's own translation (and so an hreflang alternate). */
  exists: boolean;
}

function languagesOf(alternates: Map<string, string> | undefined, options: ResolvedOptions): Language[] {
  return options.locales.map((locale) => {
    const url = alternates?.get(locale);
    return { locale, name: options.dictionaries[locale]!.strings.languageName, url: url ?? options.base(locale), exists: url !== undefined };
  });
}

export function addTranslations(eleventyConfig: EleventyConfig, options: ResolvedOptions, index: IndexAccess): void {
  // `{% set languages = key | newsroomLanguages %}`: every locale, with this page's translation where one exists.
  eleventyConfig.addFilter("newsroomLanguages", (key: unknown) =>
    languagesOf(typeof key === "string" && key !== "" ? index.current()?.alternates.get(key) : undefined, options),
  );
}
