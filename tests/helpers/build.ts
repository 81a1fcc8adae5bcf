// Builds a fixture site through Eleventy's programmatic API and hands back what a reader would get.
import path from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import { parse, type HTMLElement } from "node-html-parser";
import newsroom, { type NewsroomOptions } from "../../plugin/index.ts";
/**
 * Eleventy keeps compiled layouts and file contents in process-wide caches keyed by path, bound to
 * the first build's filters. The CLI builds once per process; tests build many sites in one, so each
 * build turns those caches off through Eleventy's public `setUseTemplateCache(false)`.
 */
export const freshBuild = (eleventyConfig: { setUseTemplateCache(on: boolean): void }) => eleventyConfig.setUseTemplateCache(false);

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const fixture = (name: string) => path.join(ROOT, "tests/fixtures", name);

export interface BuiltPage {
  url: string;
  inputPath: string;
  content: string;
}

export interface Built {
  pages: BuiltPage[];
  page(url: string): BuiltPage;
  html(url: string): HTMLElement;
}

export const BASE_OPTIONS: NewsroomOptions = {
  siteName: "Test Press Office",
  siteUrl: "https://press.example.kz",
  timeZone: "Asia/Almaty",
};

function wrap(pages: BuiltPage[]): Built {
  const page = (url: string) => {
    const found = pages.find((p) => p.url === url);
    if (!found) throw new Error(`no page at ${url}; built: ${pages.map((p) => p.url).join(", ")}`);
    return found;
  };
  return { pages, page, html: (url) => parse(page(url).content) };
}

/**
 * Builds `tests/fixtures/<name>` with the plugin's source and the given options. `configure` may add
 * more (virtual releases, a second plugin, …). Nothing is written to disk.
 */
export async function buildFixture(
  name: string,
  options: Partial<NewsroomOptions> = {},
  configure?: (eleventyConfig: any) => void,
): Promise<Built> {
  const dir = fixture(name);
  const elev = new Eleventy(dir, path.join(dir, "_site"), {
    quietMode: true,
    configPath: false as unknown as string,
    config(eleventyConfig: any) {
      freshBuild(eleventyConfig);
      eleventyConfig.addPlugin(newsroom, { ...BASE_OPTIONS, ...options });
      configure?.(eleventyConfig);
    },
  });
  // Failures are asserted on through the thrown error; Eleventy's own printout would only add noise.
  elev.disableLogger();
  const out = await elev.toJSON();
  return wrap(
    out
      .filter((p) => typeof p.url === "string")
      .map((p) => ({ url: p.url as string, inputPath: p.inputPath, content: p.content })),
  );
}

/** Builds the example site in the repository root with its own `.eleventy.ts`, as `npm run build` does. */
export async function buildExample(configure?: (eleventyConfig: any) => void): Promise<Built> {
  const elev = new Eleventy(ROOT, path.join(ROOT, "_site"), {
    quietMode: true,
    configPath: path.join(ROOT, ".eleventy.ts"),
    config: (eleventyConfig: any) => {
      freshBuild(eleventyConfig);
      configure?.(eleventyConfig);
    },
  });
  const out = await elev.toJSON();
  return wrap(
    out
      .filter((p) => typeof p.url === "string")
      .map((p) => ({ url: p.url as string, inputPath: p.inputPath, content: p.content })),
  );
}

/** The build's error message, with Eleventy's wrapping errors' causes joined in. */
export async function buildError(name: string, options: Partial<NewsroomOptions> = {}, configure?: (c: any) => void): Promise<string> {
  try {
    await buildFixture(name, options, configure);
  } catch (e) {
    const messages: string[] = [];
    for (let err: any = e; err; err = err.originalError ?? err.cause) messages.push(String(err.message));
    return messages.join("\n");
  }
  throw new Error(`the ${name} fixture built without an error`);
}

export const text = (el: HTMLElement | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

/**
 * A config callback adding `n` virtual releases, newest last, to a fixture: `releases/<prefix>001.md` …
 * Each gets its own hour, day and month of 2025, so their order is known.
 */
export function virtualReleases(n: number, prefix = "r", extra: Record<string, unknown> = {}) {
  return (eleventyConfig: any) => {
    for (let i = 1; i <= n; i++) {
      const day = String(1 + (i % 28)).padStart(2, "0");
      const month = String(1 + Math.floor(i / 28)).padStart(2, "0");
      eleventyConfig.addTemplate(`releases/${prefix}${String(i).padStart(3, "0")}.md`, `Release ${i}.`, {
        title: `${prefix === "r" ? "Release" : "Tagged"} ${i}`,
        date: `2025-${month}-${day}T${String(i % 24).padStart(2, "0")}:00`,
        lead: `Lead ${i}.`,
        ...extra,
      });
    }
  };
}
