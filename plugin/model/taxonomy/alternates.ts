// Pass five of the term index: the same page in other languages. Only first pages are alternates.
import type { Problem } from "../errors.ts";
import type { ResolvedOptions } from "../options.ts";
import { searchUrl } from "../urls.ts";
import type { ArchivePage, Entry, TermIndexPage, TermPage } from "./types.ts";

/** alternateKey → locale → URL; two releases of one locale claiming one translationKey is a problem. */
export function buildAlternates<T extends Entry>(
  entries: T[],
  pages: { termPages: TermPage<T>[]; archivePages: ArchivePage<T>[]; termIndexes: TermIndexPage<T>[] },
  options: ResolvedOptions,
): { alternates: Map<string, Map<string, string>>; problems: Problem[] } {
  const alternates = new Map<string, Map<string, string>>();
  const problems: Problem[] = [];
  const alternate = (key: string | undefined, locale: string, url: string, file?: string) => {
    if (!key) return;
    let byLocale = alternates.get(key);
    if (!byLocale) alternates.set(key, (byLocale = new Map()));
    const taken = byLocale.get(locale);
    if (taken !== undefined && file !== undefined) {
      problems.push({ file, field: "translationKey", message: `"${key.replace(/^release:/, "")}" is already the key of ${taken} in locale "${locale}"`, fix: "give each language one release per translationKey" });
      return;
    }
    byLocale.set(locale, url);
  };
  for (const locale of options.locales) {
    alternate("home", locale, options.base(locale));
    if (options.search) alternate("search", locale, searchUrl(options.base(locale)));
  }
  for (const item of entries) alternate(item.data.release!.alternateKey, item.data.release!.lang, item.url, item.inputPath);
  for (const page of [...pages.termPages, ...pages.archivePages]) if (page.pager.pageNumber === 0) alternate(page.alternateKey, page.locale, page.url);
  for (const page of pages.termIndexes) alternate(page.alternateKey, page.locale, page.url);
  return { alternates, problems };
}
