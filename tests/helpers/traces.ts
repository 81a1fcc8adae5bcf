// Where a built site could still show a release: every text file, and the search index decompressed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { filesIn } from "./site.ts";

/** Each file of a built folder as text: Pagefind's gzipped index files decompressed. */
export function readableFiles(dir: string): { file: string; text: string }[] {
  return filesIn(dir).map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    let text: string;
    try {
      text = /^pagefind\/.*\.pf_/.test(file) || file.includes("/pagefind/") ? gunzipSync(bytes).toString("utf8") : bytes.toString("utf8");
    } catch {
      text = bytes.toString("utf8");
    }
    return { file, text };
  });
}

/** The files of a built folder that name any of `needles`. */
export function tracesOf(dir: string, needles: string[]): string[] {
  return readableFiles(dir)
    .filter(({ text }) => needles.some((n) => text.includes(n)))
    .map(({ file }) => file);
}
