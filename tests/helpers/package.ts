// The plugin as a user gets it: packed into a tarball and installed with npm into a site of its own.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./build.ts";

/** `npm pack`s the plugin into `dir`; returns the tarball's path. */
export function packPlugin(dir: string): string {
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }))[0];
  return path.join(dir, packed.filename);
}

/** Installs the tarball and the Eleventy this repository tests with into the site at `site`. */
export function installPlugin(site: string, tarball: string): void {
  const eleventyVersion = JSON.parse(readFileSync(path.join(ROOT, "node_modules/@11ty/eleventy/package.json"), "utf8")).version;
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, `@11ty/eleventy@${eleventyVersion}`], { cwd: site, stdio: "ignore" });
}

/** The code blocks of the README (or a page of `docs/`) marked `<!-- <kind>: <name> -->`, by name. */
export function readmeBlocks(kind: string, page = "README.md"): Record<string, string> {
  const readme = readFileSync(path.join(ROOT, page), "utf8");
  const files: Record<string, string> = {};
  for (const m of readme.matchAll(new RegExp(`<!-- ${kind}: (\\S+) -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``, "g"))) files[m[1]!] = `${m[2]}\n`;
  return files;
}
