// The shortcodes registered with Eleventy, under their short names where the site has none of its own.
import type { EleventyConfig } from "./config.ts";
import type { Guest } from "./guest.ts";
import type { createShortcodes } from "../render/shortcodes.ts";

/**
 * `quote`, `stat` and `keyFigures`, and the same as `newsroomQuote`, `newsroomStat` and
 * `newsroomKeyFigures`. A site that has a shortcode of one of the short names keeps its own: a
 * plugin's shortcode would silently replace it. Its releases then use the prefixed name.
 */
export function addShortcodes(eleventyConfig: EleventyConfig, shortcodes: ReturnType<typeof createShortcodes>, guest: Guest): void {
  const taken = (name: string) => eleventyConfig.getShortcode?.(name) !== undefined || eleventyConfig.getPairedShortcode?.(name) !== undefined;
  const all = [
    ["quote", "newsroomQuote", shortcodes.quote, true],
    ["stat", "newsroomStat", shortcodes.stat, false],
    ["keyFigures", "newsroomKeyFigures", shortcodes.keyFigures, true],
  ] as const;
  for (const [short, prefixed, fn, paired] of all) {
    const add = (name: string) => (paired ? eleventyConfig.addPairedShortcode(name, fn) : eleventyConfig.addShortcode(name, fn));
    if (taken(short)) guest.yielded(`the site's own "${short}" shortcode stays; releases use "${prefixed}"`);
    else add(short);
    add(prefixed);
  }
}
