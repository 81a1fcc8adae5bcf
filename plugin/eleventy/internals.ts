// Every place the plugin leans on Eleventy or Nunjucks behaviour that their documentation does not
// promise, in one file. Each was checked against Eleventy 3.1.8 (and its Nunjucks 3.2.4), and
// tests/eleventy-internals.test.ts fails, naming this file, if one of them changes.
import path from "node:path";
import type { EleventyConfig } from "./config.ts";

/**
 * 1. Partials from the plugin's folder. Nunjucks `{% include %}` cannot see virtual templates, so the
 * plugin adds a file loader of its own to Eleventy's Nunjucks environment, searched after the
 * site's includes (its file of the same name wins). The `eleventy.engine.njk` event hands over the
 * environment; a loader added late needs the cache Nunjucks gives loaders at construction.
 */
export function addFallbackNunjucksLoader(eleventyConfig: EleventyConfig, dir: string): void {
  eleventyConfig.on("eleventy.engine.njk", ({ nunjucks, environment }: { nunjucks: any; environment: any }) => {
    const loader = new nunjucks.FileSystemLoader(dir);
    loader.cache = {};
    environment.loaders.push(loader);
  });
}

/**
 * 2. Where Eleventy looks a layout up among virtual templates: its path relative to the input
 * folder, or, for a layouts folder outside the input (`includes: "../_includes"`), relative to the
 * project (TemplateLayoutPathResolver). Such a virtual layout is also taken for a page, which the
 * plugin's preprocessor drops (a `permalink: false` in the layout would reach every page using it).
 */
export function virtualLayoutKey(input: string, layoutsDir: string, name: string): string {
  const inside = path.posix.relative(input, layoutsDir);
  return path.posix.join(inside.startsWith("..") ? path.posix.normalize(layoutsDir) : inside, name);
}

/**
 * 3. Front-matter engines are called with the file's path (`options.filePath`, added in Eleventy
 * 3.0): the plugin reads releases' YAML its own way and hands every other file to the engine the
 * site had, read off the config's parsing options.
 */
export type YamlEngine = (source: string, options?: { filePath?: string }) => unknown;
export function currentYamlEngine(eleventyConfig: EleventyConfig): YamlEngine | undefined {
  return eleventyConfig.frontMatterParsingOptions?.engines?.yaml as YamlEngine | undefined;
}
export function engineFilePath(options: { filePath?: string } | undefined): string | undefined {
  return options?.filePath;
}

/**
 * 4. A template's data object holds its `page.url` once Eleventy has worked it out, and templates
 * that paginate over nothing have theirs before any collection made with `addCollection` runs: the
 * plugin asks which URLs the site writes only from pages ordered after its `releases` collection.
 */
export function urlOfPage(data: { page?: { url?: unknown } }): unknown {
  return data.page?.url;
}

/** 5. The site's passthrough copies, as the config holds them: source → output folder (or true). */
export function passthroughCopiesOf(eleventyConfig: EleventyConfig): Record<string, { outputPath: string | true }> {
  return eleventyConfig.passthroughCopies ?? {};
}

/**
 * 6. Under `--watch --incremental`, a watched file that is no template, layout or data file of
 * Eleventy's makes it render every template (TemplateContent.isFileRelevantToThisTemplate): the
 * plugin writes one to ask for a full rebuild.
 */
export const REBUILD_FILE = ".cache/newsroom/published-releases.txt";

/**
 * 7. Objects of a class of their own in global or template data are handed to every page by
 * reference; plain objects are copied into each. Registries, the releases-by lists and the pages a
 * generated template paginates over are such objects.
 */
export class SharedData {}

/**
 * 8. The build cache's plan runs in `eleventy.config`, when the directories are final and before
 * Eleventy looks for templates. By then Eleventy has merged the config: the `ignores` Set is still
 * the one the plugin holds (it is read when templates are looked for), but `virtualTemplates` was
 * copied, so a late `addTemplate` would not reach the build. This adds one where Eleventy reads
 * them, under the key `addTemplate` would use (a path relative to the input folder).
 */
export function addTemplateLate(templateConfig: unknown, inputPath: string, content: string): string {
  const merged = (templateConfig as { getConfig(): { virtualTemplates: Record<string, unknown> } }).getConfig();
  const key = inputPath.split("\\").join("/").replace(/^\.\//, "");
  merged.virtualTemplates[key] = { inputPath: key, data: undefined, content };
  return key;
}

/** Takes back a template added late: under --serve the merged config lives from pass to pass. */
export function removeTemplateLate(templateConfig: unknown, key: string): void {
  delete (templateConfig as { getConfig(): { virtualTemplates: Record<string, unknown> } }).getConfig().virtualTemplates[key];
}
