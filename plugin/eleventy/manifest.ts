// The plugin's record of what it wrote (`.newsroom-manifest.json` in the output folder), so that a
// later build removes its own files that no longer belong: a release made a draft, embargoed or
// deleted leaves no page, term page or feed behind in a `_site` that is built into again.
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AfterBuild } from "./after-build.ts";
import type { EleventyConfig } from "./config.ts";
import { PREFIX } from "../model/errors.ts";
import { VIRTUAL } from "./guest.ts";

export const MANIFEST = ".newsroom-manifest.json";

export interface Manifest {
  /** Files the plugin wrote, relative to the output folder, with forward slashes, sorted. */
  files: string[];
  /** Folders the plugin owns whole (the search index). */
  folders: string[];
}

/** The output file of a site path: `/ru/` → `ru/index.html`, `/ru/feed.xml` → `ru/feed.xml`. */
export function fileOfUrl(url: string): string {
  const decoded = decodeURI(url).replace(/^\/+/, "");
  return decoded === "" || decoded.endsWith("/") ? `${decoded}index.html` : decoded;
}

export function readManifest(output: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(path.join(output, MANIFEST), "utf8")) as Manifest;
    return Array.isArray(m.files) && Array.isArray(m.folders) ? m : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a file and then each folder above it that it leaves empty, up to the output folder. */
function removeFile(output: string, file: string): void {
  const full = path.join(output, file);
  // Never outside the output folder, whatever a manifest says.
  if (!full.startsWith(path.resolve(output) + path.sep) || !existsSync(full)) return;
  rmSync(full, { force: true });
  for (let dir = path.dirname(full); dir.startsWith(path.resolve(output) + path.sep); dir = path.dirname(dir)) {
    if (readdirSync(dir).length > 0) break;
    rmdirSync(dir);
  }
}

/**
 * After each build that writes files: removes what the previous build's manifest lists and this
 * build no longer makes, then writes this build's manifest. `expected` gives every file of the
 * plugin's for this build, rendered or (on a partial rebuild under --serve) left as it was.
 */
export function addManifest(
  eleventyConfig: EleventyConfig,
  after: AfterBuild,
  isOwn: (inputPath: string) => boolean,
  expected: () => { files: Iterable<string>; folders: string[] },
): void {
  let urls: string[] = [];
  // Every page's URL, rendered or not, once Eleventy has worked them out.
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, { inputPath: string }> }) => {
    urls = Object.entries(urlToInputPath)
      .filter(([, entry]) => entry.inputPath.includes(VIRTUAL) || isOwn(entry.inputPath))
      .map(([url]) => url);
  });
  after.add(({ directories }) => {
    const output = path.resolve(directories.output);
    const current = expected();
    const files = new Set([...urls.map(fileOfUrl), ...current.files]);
    const previous = readManifest(output);
    const stale = (previous?.files ?? []).filter((f) => !files.has(f));
    for (const file of stale) removeFile(output, file);
    if (stale.length > 0) console.log(`${PREFIX} removed ${stale.length} file${stale.length === 1 ? "" : "s"} an earlier build wrote and this one does not`);
    const manifest: Manifest = { files: [...files].sort(), folders: current.folders };
    writeFileSync(path.join(output, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  });
}
