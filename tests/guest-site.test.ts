// The plugin as a guest: added to a blog shaped like Eleventy's official starter, with the lines
// docs/existing-site.md gives, it changes none of the blog's files, and its release, term page and feed render with the
// plugin's layouts. Also: the packed bin through npx, and CommonJS configs.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture, text } from "./helpers/build.ts";
import { installPlugin, packPlugin, readmeBlocks } from "./helpers/package.ts";
import { filesIn } from "./helpers/site.ts";
import { parseXml } from "./helpers/xml.ts";

let site: string;
let before: Map<string, Buffer>;
let after: Map<string, Buffer>;
let log: string;

const snapshot = (dir: string) => new Map(filesIn(dir).map((f) => [f, readFileSync(path.join(dir, f))]));

function build(cwd: string): string {
  const run = spawnSync(process.execPath, [path.join(site, "node_modules/@11ty/eleventy/cmd.cjs")], { cwd, encoding: "utf8", env: { ...process.env, ELEVENTY_RUN_MODE: "build" } });
  if (run.status !== 0) throw new Error(`the build failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** The README's release and registry, placed where the blog keeps content and data. */
function addRelease(root: string, input: string, data: string): void {
  const files = readmeBlocks("file");
  for (const [name, dest] of [
    ["releases/2025-12-16-turkestan-visit.md", path.join(root, input, "releases/2025-12-16-turkestan-visit.md")],
    ["_data/registry/people.json", path.join(root, data, "registry/people.json")],
  ] as const) {
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, files[name]!);
  }
}

beforeAll(() => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "newsroom-guest-"));
  site = path.join(tmp, "blog");
  cpSync(fixture("starter-blog"), site, { recursive: true });
  installPlugin(site, packPlugin(tmp));
  build(site);
  before = snapshot(path.join(site, "_site"));

  // docs/existing-site.md's import and addPlugin call, in the blog's config.
  const guest = readmeBlocks("guest", "docs/existing-site.md")["eleventy.config.js"]!;
  const importLine = guest.match(/^import newsroom .*$/m)![0];
  const addPlugin = guest.match(/^ {2}eleventyConfig\.addPlugin\(newsroom,[\s\S]*?\n {2}\}\);$/m)![0];
  const config = path.join(site, "eleventy.config.js");
  writeFileSync(config, readFileSync(config, "utf8").replace("// newsroom: import", importLine).replace("  // newsroom: addPlugin", addPlugin));
  addRelease(site, "content", "_data");
  rmSync(path.join(site, "_site"), { recursive: true });
  log = build(site);
  after = snapshot(path.join(site, "_site"));
}, 300_000);

const html = (file: string) => parse(after.get(file)!.toString("utf8"));

describe("the blog's own output", () => {
  it("is byte for byte what it was, but for the files that list every page", () => {
    const mayList = ["sitemap.xml", "tags/index.html"];
    const merged = ["_headers", "robots.txt"];
    for (const [file, bytes] of before) {
      expect(after.has(file), file).toBe(true);
      if (mayList.includes(file) || merged.includes(file)) continue;
      expect(after.get(file)!.equals(bytes), file).toBe(true);
    }
  });

  it("the sitemap and the tag index only gain lines: the release, and the one public collection", () => {
    for (const file of ["sitemap.xml", "tags/index.html"]) {
      const old = before.get(file)!.toString("utf8").split("\n");
      const now = after.get(file)!.toString("utf8").split("\n");
      const added = now.filter((line) => !old.includes(line));
      expect(now.filter((line) => old.includes(line)), file).toEqual(old);
      expect(added.length, file).toBe(1);
    }
    const tags = html("tags/index.html").querySelectorAll("main li a").map(text);
    expect(tags).toEqual(["another tag", "number 2", "releases"]);
    // No page per topic, and none of the plugin's internal lists, among the blog's tags.
    expect([...after.keys()].filter((f) => f.startsWith("tags/")).sort()).toEqual(["tags/another-tag/index.html", "tags/index.html", "tags/number-2/index.html", "tags/releases/index.html"]);
  });

  it("keeps the site's _headers and robots.txt as they were, with the plugin's lines after them", () => {
    for (const file of ["_headers", "robots.txt"]) {
      const now = after.get(file)!.toString("utf8");
      expect(now.startsWith(before.get(file)!.toString("utf8")), file).toBe(true);
      expect(now).toMatch(/# --- eleventy-plugin-newsroom: begin ---\n[\s\S]+# --- eleventy-plugin-newsroom: end ---\n$/);
    }
    const robots = after.get("robots.txt")!.toString("utf8");
    expect(robots).toContain("Sitemap: https://example.com/sitemap.xml\n");
    expect(robots).toContain("Sitemap: https://example.com/sitemap-newsroom.xml\n");
    // The plugin's caching rules cover its own folders only, never the blog's pages.
    const headers = after.get("_headers")!.toString("utf8");
    expect(headers).toContain("/newsroom/*\n  Cache-Control: public, max-age=31536000, immutable");
    expect(headers).not.toMatch(/^\/(blog|tags|css)/m);
  });

  it("says in one log line where it yielded", () => {
    // Besides the cost of the share cards it drew (a build's figure, like Eleventy's "Wrote 12 files").
    const lines = log.split("\n").filter((l) => l.startsWith("[newsroom]") && !l.includes("share cards:"));
    expect(lines).toHaveLength(1);
    for (const part of ["/sitemap.xml", "robots.txt", "/404.html", "home page"]) expect(lines[0]).toContain(part);
  });
});

describe("the plugin's own pages in the blog", () => {
  it("render the release with the plugin's layout, in its language, with structured data", () => {
    const page = html("ru/2025/12/turkestan-visit/index.html");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("ru");
    expect(text(page.querySelector("h1"))).toBe("Вице-министр посетил Туркестанскую область");
    expect(page.querySelector("article[data-pagefind-body]")).not.toBeNull();
    expect(page.querySelector('script[type="application/ld+json"]')).not.toBeNull();
    // Not the blog's folder-wide home layout.
    expect(page.querySelector('link[href="/css/index.css"]')).toBeNull();
    expect(page.querySelector("time")?.getAttribute("datetime")).toBe("2025-12-16T10:00:00+05:00");
  });

  it("render a term page and feeds that are feeds, not HTML", () => {
    const term = html("ru/tags/eksport/index.html");
    expect(term.querySelector("html")?.getAttribute("lang")).toBe("ru");
    expect(term.querySelector(".newsroom-card__title a")?.getAttribute("href")).toBe("/ru/2025/12/turkestan-visit/");
    const atom = parseXml(after.get("ru/feed.xml")!.toString("utf8")).feed;
    expect(atom.entry.map((e: any) => e.id)).toEqual(["https://example.com/ru/2025/12/turkestan-visit/"]);
    expect(after.get("sitemap-newsroom.xml")!.toString("utf8")).toMatch(/^<\?xml/);
    for (const file of [...after.keys()].filter((f) => /\.(css|js|xml|json|txt)$/.test(f) && !before.has(f))) {
      expect(after.get(file)!.toString("utf8").trimStart().toLowerCase().startsWith("<!doctype"), file).toBe(false);
    }
  });

  it("writes no home page, 404 or sitemap over the blog's", () => {
    expect(after.get("index.html")!.equals(before.get("index.html")!)).toBe(true);
    expect(after.get("404.html")!.equals(before.get("404.html")!)).toBe(true);
    expect(after.has("ru/index.html")).toBe(true);
  });
});

describe("newsroom check, installed", () => {
  const npx = (cwd: string) => spawnSync("npx", ["--no-install", "newsroom", "check"], { cwd, encoding: "utf8" });

  it("passes a clean site and fails a broken release, through node_modules/.bin", () => {
    const ok = npx(site);
    expect(ok.stdout + ok.stderr).toContain("no problems");
    expect(ok.status).toBe(0);
    const release = path.join(site, "content/releases/2025-12-16-turkestan-visit.md");
    const good = readFileSync(release, "utf8");
    try {
      writeFileSync(release, good.replace("\ntitle:", "\ntitel:"));
      const bad = npx(site);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('"title" is missing');
    } finally {
      writeFileSync(release, good);
    }
  });
});

describe("CommonJS configs", () => {
  // A project made by `npm init -y` is CommonJS; docs/existing-site.md shows a config for it, and one for older Node.
  for (const name of ["eleventy.config.cjs", "older-node/eleventy.config.cjs"]) {
    it(`builds with docs/existing-site.md's ${name}`, () => {
      const dir = path.join(site, "cjs", path.dirname(name));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "cjs-site", version: "1.0.0", type: "commonjs" }));
      writeFileSync(path.join(dir, "eleventy.config.cjs"), readmeBlocks("cjs", "docs/existing-site.md")[name]!);
      addRelease(dir, ".", "_data");
      execFileSync(process.execPath, [path.join(site, "node_modules/@11ty/eleventy/cmd.cjs"), "--quiet"], { cwd: dir, stdio: "ignore" });
      const page = parse(readFileSync(path.join(dir, "_site/ru/2025/12/turkestan-visit/index.html"), "utf8"));
      expect(text(page.querySelector("h1"))).toBe("Вице-министр посетил Туркестанскую область");
    });
  }
});
