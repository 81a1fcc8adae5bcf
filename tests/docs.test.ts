// The documentation says what the code does: its tables list exactly the options, layouts,
// filters and shortcodes the plugin has, its links lead somewhere, and the README stays short.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { LAYOUTS } from "../plugin/eleventy/layouts.ts";
import { DEFAULTS, OPTION_KEYS } from "../plugin/model/options.ts";
import { ROOT } from "./helpers/build.ts";

const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
/** The first column of a Markdown table's rows, where it is code: `newsroomDate(locale?)` → newsroomDate. */
const firstColumn = (markdown: string, heading: string) => {
  const from = markdown.indexOf(heading);
  const table = markdown.slice(from).split("\n\n").find((block) => block.trimStart().startsWith("|"))!;
  return table
    .split("\n")
    .slice(2)
    .map((row) => /^\| `([^`(]+)/.exec(row)?.[1])
    .filter((name): name is string => name !== undefined);
};

/** What the plugin registers, read off a stand-in for Eleventy's config that records every call. */
function registered(): { filters: string[]; shortcodes: string[] } {
  const filters: string[] = [];
  const shortcodes: string[] = [];
  const config = new Proxy(
    {
      directories: { input: ".", includes: "_includes", data: "_data", output: "_site" },
      dataExtensions: new Map(),
      addFilter: (name: string) => filters.push(name),
      addShortcode: (name: string) => shortcodes.push(name),
      addPairedShortcode: (name: string) => shortcodes.push(name),
    } as Record<string, unknown>,
    { get: (target, key: string) => (key in target ? target[key] : () => undefined) },
  );
  newsroom(config as never, { siteName: "P", siteUrl: "https://p.kz" });
  return { filters, shortcodes };
}

describe("the documentation", () => {
  it("lists every option, and only those", () => {
    expect(firstColumn(read("docs/options.md"), "| option |").sort()).toEqual([...OPTION_KEYS].sort());
  });

  it("every option but the two required ones has its default in DEFAULTS", () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual(OPTION_KEYS.filter((k) => k !== "siteName" && k !== "siteUrl").sort());
  });

  it("lists every layout, and only those", () => {
    expect(firstColumn(read("docs/layouts.md"), "| layout |").sort()).toEqual([...LAYOUTS].sort());
  });

  it("lists every filter and shortcode the plugin registers", () => {
    const { filters, shortcodes } = registered();
    expect(firstColumn(read("docs/layouts.md"), "| filter |").sort()).toEqual([...new Set(filters)].sort());
    const docs = read("docs/layouts.md");
    for (const name of shortcodes) expect(docs, name).toContain(`\`${name}\``);
  });

  it("links only to files that exist", () => {
    const pages = ["README.md", ...readdirSync(path.join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
    for (const page of pages) {
      for (const m of read(page).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^https?:/.test(target)) continue;
        const file = path.join(ROOT, path.dirname(page), target);
        expect(existsSync(file) && statSync(file).isFile(), `${page} → ${target}`).toBe(true);
      }
    }
  });

  it("keeps the README a quick start, under 12 KB", () => {
    expect(Buffer.byteLength(read("README.md"))).toBeLessThan(12 * 1024);
  });
});
