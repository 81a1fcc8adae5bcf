// A release body whose only tags are the plugin's shortcodes is rendered without Liquid, to the
// same page Liquid renders; any other body is still Liquid's.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { Liquid } from "liquidjs";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { BASE_OPTIONS, fixture, freshBuild, text } from "./helpers/build.ts";

type Page = { url: string; inputPath: string; content: string; rawInput?: string };

async function build(configure: (c: any) => void = () => {}): Promise<Map<string, Page>> {
  const dir = fixture("release-bodies");
  const elev = new Eleventy(dir, path.join(dir, "_site"), {
    quietMode: true,
    configPath: false as unknown as string,
    config: (c: any) => {
      freshBuild(c);
      c.addPlugin(newsroom, { ...BASE_OPTIONS, locales: ["ru", "kk"], now: "2025-12-16T12:00:00+05:00" });
      configure(c);
    },
  } as Record<string, unknown>);
  elev.disableLogger();
  const pages = (await elev.toJSON()) as Page[];
  return new Map(pages.filter((p) => typeof p.url === "string").map((p) => [p.url, p]));
}

let skipping: Map<string, Page>;
let throughLiquid: Map<string, Page>;
/** The release files Liquid parsed in each build. */
const parsed: string[][] = [];
const releases = () => [...skipping.values()].filter((p) => p.inputPath.includes("/releases/"));

beforeAll(async () => {
  // Every release body Liquid parses, as Eleventy's Liquid engine hands it over.
  const parse = Liquid.prototype.parse;
  let seen: string[] = [];
  Liquid.prototype.parse = function (this: Liquid, html: string, file?: string) {
    // (Its permalink, a plain URL here, is parsed too.)
    if (file?.includes("/releases/") && html.includes("{%")) seen.push(path.basename(file));
    return parse.call(this, html, file);
  };
  try {
    skipping = await build();
    parsed.push(seen.sort());
    seen = [];
    // Liquid options of the site's own (here the default, set explicitly) leave every body to Liquid.
    throughLiquid = await build((c) => c.setLiquidOptions({ trimTagLeft: false }));
    parsed.push(seen.sort());
  } finally {
    Liquid.prototype.parse = parse;
  }
}, 60_000);

describe("release bodies without Liquid", () => {
  it("render every page exactly as Liquid renders it", () => {
    expect(releases()).toHaveLength(4);
    expect([...skipping.keys()].sort()).toEqual([...throughLiquid.keys()].sort());
    for (const [url, page] of skipping) expect(page.content, url).toBe(throughLiquid.get(url)!.content);
  });

  it("skip Liquid only where every tag is the plugin's shortcode with literal arguments", () => {
    expect(parsed[0]).toEqual(["liquid.md", "trimmed.md"]);
    expect(parsed[1]).toEqual(["kazakh.md", "liquid.md", "literals.md", "trimmed.md"]);
  });


  it("give the reader the figures, quotes and locale Liquid would", () => {
    const page = (name: string) => parse(releases().find((p) => p.inputPath.endsWith(name))!.content);
    const ru = page("literals.md");
    expect(text(ru.querySelector(".newsroom-key-figures h2"))).toBe("Цифры визита");
    expect(ru.querySelectorAll(".newsroom-key-figures li")).toHaveLength(3);
    expect(ru.querySelector("blockquote")?.getAttribute("cite")).toBe("https://baq.kz/");
    expect(text(ru.querySelector("figcaption"))).toBe("— Айдар Абилдабеков, вице-министр");
    expect(text(ru.querySelector(".newsroom-release__body"))).toContain("and %} stray closers");
    expect(ru.querySelector("data[value=\"7\"]")?.textContent).toBe("7");
    const kk = page("kazakh.md");
    expect(text(kk.querySelector(".newsroom-key-figures h2"))).toBe("Негізгі сандар");
    expect(text(page("liquid.md").querySelector(".newsroom-release__body"))).toContain("Shown by Liquid.");
  });
});
