// Registry files read once and shared by every page, instead of copied into each.
import path from "node:path";
import { SharedData } from "./internals.ts";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * One registry file's entries. Eleventy deep-copies plain objects of global data into every page's
 * data but passes other objects by reference, so a registry held in this class is not copied twenty
 * thousand times over (a tenth of a large build's time, and much of its memory). Its entries are
 * frozen, because every page now shares them.
 */
export class RegistryData extends SharedData {
  constructor(entries: Record<string, unknown>) {
    super();
    Object.assign(this, deepFreeze(entries));
  }
}

export function freezeRegistryFiles(eleventyConfig: { addDataExtension(ext: string, o: object): void; dataExtensions?: Map<string, unknown>; directories: { data: string } }, dataKey: string): void {
  // A site's own JSON parser wins; it only costs time.
  if (eleventyConfig.dataExtensions?.has("json")) return;
  eleventyConfig.addDataExtension("json", {
    parser: (content: string, filePath: string) => {
      const data = JSON.parse(content) as unknown;
      const dir = path.resolve(eleventyConfig.directories.data, dataKey) + path.sep;
      const isRegistry = path.resolve(filePath).startsWith(dir) && data !== null && typeof data === "object" && !Array.isArray(data);
      return isRegistry ? new RegistryData(data as Record<string, unknown>) : data;
    },
  });
}
