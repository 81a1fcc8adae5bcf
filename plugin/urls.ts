// Which locale a site path belongs to: the newsroom's pages say it in their first folder (/ru/, /kk/).
import type { ResolvedOptions } from "./options.ts";

/**
 * `/ru/2025/12/x/` → `ru`; under a mount, `/press/kk/` → `kk`; any other path → the default locale.
 * Read from the URL rather than set on every page as `page.lang`: a guest plugin leaves the site's
 * own pages' data alone (Eleventy's previous/next filters change course when `page.lang` is set).
 */
export function localeOfUrl(url: unknown, options: Pick<ResolvedOptions, "mount" | "locales" | "defaultLocale">): string {
  if (typeof url === "string" && url.startsWith(options.mount)) {
    const first = url.slice(options.mount.length).split("/")[0];
    if (first !== undefined && options.locales.includes(first)) return first;
  }
  return options.defaultLocale;
}
