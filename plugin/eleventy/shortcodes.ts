// The shortcodes registered with Eleventy, under their short names where the site has none of its own.
import type { EleventyConfig } from "./config.ts";
import type { Guest } from "./guest.ts";
import type { createShortcodes, ShortcodeThis } from "../render/shortcodes.ts";

/**
 * `quote`, `stat` and `keyFigures`, and the same as `newsroomQuote`, `newsroomStat` and
 * `newsroomKeyFigures`. A site that has a shortcode of one of the short names keeps its own: a
 * plugin's shortcode would silently replace it. Its releases then use the prefixed name.
 */
export function addShortcodes(eleventyConfig: EleventyConfig, shortcodes: ReturnType<typeof createShortcodes>, guest: Guest, bodies: ReleaseBodies): void {
  const taken = (name: string) => eleventyConfig.getShortcode?.(name) !== undefined || eleventyConfig.getPairedShortcode?.(name) !== undefined;
  const all = [
    ["quote", "newsroomQuote", shortcodes.quote, true],
    ["stat", "newsroomStat", shortcodes.stat, false],
    ["keyFigures", "newsroomKeyFigures", shortcodes.keyFigures, true],
  ] as const;
  for (const [short, prefixed, fn, paired] of all) {
    const add = (name: string) => bodies.adding(() => (paired ? eleventyConfig.addPairedShortcode(name, fn) : eleventyConfig.addShortcode(name, fn)));
    if (taken(short)) guest.yielded(`the site's own "${short}" shortcode stays; releases use "${prefixed}"`);
    else add(short);
    add(prefixed);
  }
}

/**
 * Release bodies rendered without Liquid. Eleventy reads a Markdown file through Liquid first, for
 * its shortcodes; Liquid's reading of 5,000 bodies cost 0.4 s of the build and 0.7 GB of garbage.
 * A body whose only tags are the plugin's own shortcodes, with arguments in quotes or plain digits,
 * is rendered here, calling the shortcodes exactly as Liquid would, and goes to Markdown alone. Any
 * other body (another tag or `{{ }}`, whitespace control, an argument Liquid would have to work out,
 * a site whose Liquid is set up otherwise) is left to Liquid, as before.
 */
export interface ReleaseBodies {
  /** The body with its shortcodes rendered, as Liquid renders it; undefined where Liquid must. */
  render(body: string, page: { inputPath: string; url: string }): string | undefined;
  /** Notes the callbacks Eleventy stores for the plugin's shortcodes, when they are added. */
  adding(add: () => void): void;
}

interface LiquidConfig {
  liquid?: { shortcodes: Record<string, unknown>; pairedShortcodes: Record<string, unknown>; tags: Record<string, unknown>; options: Record<string, unknown>; parameterParsing?: string };
  libraryOverrides?: Record<string, unknown>;
  libraryAmendments?: Record<string, unknown[]>;
}

type Shortcode = (this: ShortcodeThis, ...args: unknown[]) => unknown;
type Node = string | { fn: Shortcode; args: (string | number)[]; children?: Node[] };

const TAG = /\{%([\s\S]*?)%\}/g;
const NAMED = /^\s*([A-Za-z_]\w*)(?:[ \t]+([^\n]*?))?\s*$/;
// Eleventy's own reading of shortcode arguments (legacy mode), cut to literals: commas, spaces and
// tabs between; a string in quotes with no backslash; digits with at most one decimal point.
const ARGUMENT = /[, \t]*(?:"([^"\\\n]*)"|'([^'\\\n]*)'|([0-9]+(?:\.[0-9]+)?)(?![0-9.]))/y;
const SEPARATORS = /^[, \t]*$/;

export function createReleaseBodies(eleventyConfig: EleventyConfig): ReleaseBodies {
  const config = eleventyConfig as unknown as LiquidConfig;
  const ours = new Set<unknown>();
  // Eleventy's Liquid set-up as its config keeps it; anything else (another version's) is not read.
  const liquidOf = () => {
    const liquid = config.liquid;
    return liquid && typeof liquid.shortcodes === "object" && typeof liquid.pairedShortcodes === "object" && typeof liquid.tags === "object" ? liquid : undefined;
  };
  const stored = () => {
    const liquid = liquidOf();
    return liquid ? [...Object.values(liquid.shortcodes), ...Object.values(liquid.pairedShortcodes)] : [];
  };

  /** The plugin's shortcodes Liquid would call, by name; undefined when this site's Liquid is its own. */
  const tableOf = (): Map<string, { fn: Shortcode; paired: boolean }> | undefined => {
    const liquid = liquidOf();
    if (!liquid || (liquid.parameterParsing ?? "legacy") !== "legacy" || config.libraryOverrides?.liquid || (config.libraryAmendments?.liquid?.length ?? 0) > 0) return undefined;
    if (Object.keys(liquid.options ?? {}).some((k) => /trim|greedy|delimiter/i.test(k))) return undefined;
    const names = new Map<string, { fn: Shortcode; paired: boolean }>();
    for (const [kinds, paired] of [[liquid.shortcodes, false], [liquid.pairedShortcodes, true]] as const) {
      for (const [name, fn] of Object.entries(kinds)) {
        const elsewhere = name in liquid.tags || name in (paired ? liquid.shortcodes : liquid.pairedShortcodes);
        if (ours.has(fn) && !elsewhere) names.set(name, { fn: fn as Shortcode, paired });
      }
    }
    return names;
  };

  // Worked out once a build, not once a release: the config does not change during one.
  let table: ReturnType<typeof tableOf> | null = null;
  eleventyConfig.on("eleventy.before", () => {
    table = null;
  });

  return {
    adding(add) {
      const before = new Set(stored());
      add();
      for (const fn of stored()) if (!before.has(fn)) ours.add(fn);
    },
    render(body, page) {
      if (body.includes("{{")) return undefined;
      const names = table === null ? (table = tableOf()) : table;
      if (!names) return undefined;
      const root: Node[] = [];
      const open: { name: string; fn: Shortcode; args: (string | number)[]; children: Node[] }[] = [];
      const into = () => open.at(-1)?.children ?? root;
      let at = 0;
      for (const m of body.matchAll(TAG)) {
        into().push(body.slice(at, m.index));
        at = m.index! + m[0].length;
        const tag = NAMED.exec(m[1]!);
        if (!tag || m[1]!.startsWith("-") || m[1]!.endsWith("-")) return undefined;
        const [, name, rest = ""] = tag as unknown as [string, string, string | undefined];
        const closes = name.startsWith("end") ? open.at(-1) : undefined;
        if (closes && closes.name === name.slice(3)) {
          if (rest !== "") return undefined;
          open.pop();
          into().push(closes);
          continue;
        }
        const shortcode = names.get(name);
        const args = shortcode ? argumentsOf(rest) : undefined;
        if (!shortcode || !args) return undefined;
        if (shortcode.paired) open.push({ name, fn: shortcode.fn, args, children: [] });
        else into().push({ fn: shortcode.fn, args });
      }
      const tail = body.slice(at);
      if (open.length > 0 || tail.includes("{%")) return undefined;
      root.push(tail);
      const self: ShortcodeThis = { page };
      // A paired shortcode gets its rendered body first, as Liquid hands it.
      const out = (nodes: Node[]): string =>
        nodes.map((n) => (typeof n === "string" ? n : String(n.fn.call(self, ...(n.children ? [out(n.children)] : []), ...n.args)))).join("");
      try {
        return out(root);
      } catch {
        // Liquid reads it again and reports the mistake as it always has.
        return undefined;
      }
    },
  };
}

/** Literal arguments as Liquid reads them (numbers as numbers); undefined for anything else. */
function argumentsOf(text: string): (string | number)[] | undefined {
  const args: (string | number)[] = [];
  ARGUMENT.lastIndex = 0;
  let end = 0;
  for (let m = ARGUMENT.exec(text); m; m = ARGUMENT.exec(text)) {
    args.push(m[3] !== undefined ? Number(m[3]) : (m[1] ?? m[2])!);
    end = ARGUMENT.lastIndex;
  }
  return SEPARATORS.test(text.slice(end)) ? args : undefined;
}
