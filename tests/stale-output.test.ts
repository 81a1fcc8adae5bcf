// A build into an output folder that holds an earlier build: the plugin removes its own files that
// no longer belong, so a release made a draft leaves nothing behind, search index included.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { beforeAll, describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { MANIFEST } from "../plugin/eleventy/manifest.ts";
import { BASE_OPTIONS, fixture, freshBuild } from "./helpers/build.ts";
import { tracesOf } from "./helpers/traces.ts";

let site: string;
const out = () => path.join(site, "_site");
const SECRET = ["Секретный релиз", "narwhalquartz", "/ru/2025/12/secret/", "tayna"];

async function build(): Promise<void> {
  const elev = new Eleventy(site, out(), { quietMode: true, configPath: false as unknown as string, config: (c: any) => {
      // Each build here stands for a new `npx @11ty/eleventy`, with nothing kept from the last.
      freshBuild(c);
      c.addPlugin(newsroom, { ...BASE_OPTIONS, drafts: false });
    },
  } as Record<string, unknown>);
  elev.disableLogger();
  await elev.write();
}

beforeAll(async () => {
  site = path.join(mkdtempSync(path.join(os.tmpdir(), "newsroom-stale-")), "site");
  cpSync(fixture("stale-output"), site, { recursive: true });
  await build();
}, 120_000);

describe("an output folder built into again", () => {
  it("first holds the release everywhere: page, term page, feeds, sitemap, search index", () => {
    const found = tracesOf(out(), SECRET);
    for (const where of ["ru/2025/12/secret/index.html", "ru/tags/tayna/index.html", "ru/feed.xml", "sitemap.xml"]) expect(found).toContain(where);
    expect(found.some((f) => f.startsWith("pagefind/"))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out(), MANIFEST), "utf8")).files).toContain("ru/2025/12/secret/index.html");
  });

  it("keeps no trace of it once it is a draft", async () => {
    const file = path.join(site, "releases/secret.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("\ntags:", "\ndraft: true\ntags:"));
    await build();
    expect(tracesOf(out(), SECRET)).toEqual([]);
    expect(existsSync(path.join(out(), "ru/2025/12/secret"))).toBe(false);
    expect(existsSync(path.join(out(), "ru/tags/tayna"))).toBe(false);
    // The release that stays is still there, and so is the site's own file the plugin never made.
    expect(existsSync(path.join(out(), "ru/2025/12/public/index.html"))).toBe(true);
  });

  it("never removes a file it did not write", async () => {
    writeFileSync(path.join(out(), "ru", "site-own.html"), "<p>the site's own</p>");
    await build();
    expect(existsSync(path.join(out(), "ru", "site-own.html"))).toBe(true);
  });
});
