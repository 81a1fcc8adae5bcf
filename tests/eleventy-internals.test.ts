// The Eleventy behaviours the plugin relies on beyond Eleventy's documentation, one test each, in
// the order of plugin/eleventy/internals.ts. A failure here means Eleventy changed under the plugin:
// read that file before anything else.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { describe, expect, it } from "vitest";
import newsroom from "../plugin/index.ts";
import { SharedData, virtualLayoutKey } from "../plugin/eleventy/internals.ts";
import { BASE_OPTIONS, freshBuild } from "./helpers/build.ts";

const WHY = "Eleventy no longer behaves as plugin/eleventy/internals.ts says";

/** A throwaway site: files by path, built in memory with the given config. */
async function build(files: Record<string, string>, config: (c: any) => void, dirs: { input?: string } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), "newsroom-internals-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const elev = new Eleventy(dirs.input ?? ".", "_site", { quietMode: true, configPath: false as unknown as string, config: (c: any) => (freshBuild(c), config(c)) });
    elev.disableLogger();
    return await elev.toJSON();
  } finally {
    process.chdir(cwd);
  }
}

describe("Eleventy 3.1 behaviour the plugin relies on", () => {
  it("1. a Nunjucks loader added on eleventy.engine.njk serves includes the site lacks", async () => {
    const pages = await build({ "page.njk": '{% include "newsroom/partials/pagination.njk" %}ok' }, (c) => c.addPlugin(newsroom, BASE_OPTIONS));
    expect(pages.find((p) => p.url === "/page/")?.content, WHY).toContain("ok");
  });

  it("2. a virtual layout outside the input folder is found by its project path", async () => {
    expect(virtualLayoutKey("./content/", "./_includes/", "x.njk")).toBe("_includes/x.njk");
    const pages = await build({ "content/page.md": "---\nlayout: wrap.njk\n---\nbody" }, (c) => {
      c.setIncludesDirectory("../_includes");
      c.addTemplate(virtualLayoutKey("./content/", "./_includes/", "wrap.njk"), "<main>{{ content | safe }}</main>");
      // The layout is taken for a page too; the plugin's preprocessor drops such pages.
      c.addPreprocessor("drop-layouts", "*", (data: any) => (String(data.page.inputPath).includes("_includes") ? false : undefined));
    }, { input: "content" });
    expect(pages.find((p) => p.url === "/page/")?.content, WHY).toContain("<main><p>body</p>");
  });

  it("3. front-matter engines are given the file's path", async () => {
    const seen: string[] = [];
    await build({ "a.md": "---\ntitle: A\n---\nA" }, (c) =>
      c.setFrontMatterParsingOptions({ engines: { yaml: (source: string, options: { filePath?: string }) => (seen.push(String(options?.filePath)), { title: source.length }) } }),
    );
    expect(seen, WHY).toContain("./a.md");
  });

  it("4. a page's URL is on its data before a config collection runs", async () => {
    const data: any[] = [];
    let seen: unknown[] = [];
    await build({ "about.njk": "---\npermalink: /about-us/\neleventyExcludeFromCollections: true\n---\nx", "list.njk": "---\npagination: { data: collections.probe, size: 1 }\n---\n{{ pagination.items }}" }, (c) => {
      c.addPreprocessor("note", "*", (d: any) => void data.push(d));
      c.addCollection("probe", () => ((seen = data.map((d) => d.page?.url)), ["x"]));
    });
    expect(seen, WHY).toContain("/about-us/");
  });

  it("5. the config lists passthrough copies by source", async () => {
    let copies: Record<string, unknown> = {};
    await build({ "public/robots.txt": "x" }, (c) => {
      c.addPassthroughCopy({ "./public/": "/" });
      copies = c.passthroughCopies;
    });
    expect(Object.keys(copies), WHY).toContain("./public/");
  });

  it("7. data objects of a class of their own reach every page as the same object", async () => {
    class Shared extends SharedData {}
    const shared = new Shared();
    const got: unknown[] = [];
    await build({ "a.njk": "a", "b.njk": "b" }, (c) => {
      c.addGlobalData("shared", shared);
      c.addCollection("probe", (api: any) => (api.getAll().forEach((item: any) => got.push(item.data.shared)), []));
    });
    expect(got.length).toBe(2);
    expect(got.every((g) => g === shared), WHY).toBe(true);
  });
  // 6. (a watched file of the plugin's makes an incremental build render everything) is checked
  // by tests/incremental-rebuild.test.ts, which needs a running watcher.
});
