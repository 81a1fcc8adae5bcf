// The slice of Eleventy's configuration API the plugin uses, typed here because Eleventy ships no types.
import type { Release } from "../model/releases.ts";

export interface CollectionItem {
  inputPath: string;
  url: string;
  date: Date;
  fileSlug: string;
  data: Record<string, unknown> & { page: { inputPath: string; fileSlug: string; url: string }; release?: Release };
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}

export interface EleventyConfig {
  directories: { input: string; includes: string; data: string; layouts?: string; output: string };
  versionCheck(range: string): void;
  addPlugin(plugin: unknown, options?: unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addCollection(name: string, fn: (api: CollectionApi) => unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addShortcode(name: string, fn: (...args: any[]) => unknown): void;
  addPairedShortcode(name: string, fn: (...args: any[]) => unknown): void;
  getShortcode?(name: string): unknown;
  getPairedShortcode?(name: string): unknown;
  addTemplate(path: string, content: unknown, data?: Record<string, unknown>): void;
  addPreprocessor(name: string, extensions: string, fn: (data: Record<string, any>, content: string) => unknown): void;
  addDateParsing(fn: (value: unknown) => unknown): void;
  addDataExtension(extension: string, options: object): void;
  addTransform(name: string, fn: (this: { page: { url?: string; outputPath?: string | false } }, content: string) => unknown): void;
  dataExtensions?: Map<string, unknown>;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  frontMatterParsingOptions?: { engines?: Record<string, unknown> };
  passthroughCopies?: Record<string, { outputPath: string | true }>;
  layoutResolution?: boolean;
  amendLibrary(name: string, fn: (library: any) => void): void;
  on(event: string, fn: (...args: any[]) => unknown): void;
  addWatchTarget(target: string): void;
  /** Globs Eleventy leaves out; read when it first looks for templates. */
  ignores: Set<string>;
}
