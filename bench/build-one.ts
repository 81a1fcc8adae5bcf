// One measured build in a process of its own: `<newsroom|bare> <site> <out>`. bench/run.ts runs it
// compiled to plain JavaScript (bench/.compiled/), with the compiled plugin, as a site runs Eleventy;
// `node --import tsx bench/build-one.ts …` runs it on the plugin's TypeScript source, for profiles.
// Prints one JSON line: seconds, pages written, peak RSS.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import newsroom from "eleventy-plugin-newsroom";
import { bareConfig, NEWSROOM_OPTIONS, writeBareTemplates } from "./bare.ts";

const [mode, site, out] = process.argv.slice(2) as [string, string, string];

if (mode === "bare") writeBareTemplates(site);
// Caches (.cache/newsroom, eleventy-img's) live beside the generated site: each measure starts empty.
const root = path.dirname(path.resolve(site));
process.chdir(root);
// Relative folders, as a site's own config gives them.
const elev = new Eleventy(path.relative(root, path.resolve(site)) || ".", path.relative(root, path.resolve(out)), {
  quietMode: true,
  configPath: false as unknown as string,
  config(eleventyConfig: any) {
    if (mode === "bare") bareConfig(eleventyConfig);
    else
      eleventyConfig.addPlugin(newsroom, {
        ...NEWSROOM_OPTIONS,
        // `--no-search` in run.ts: the Eleventy build alone, without Pagefind's pass after it.
        search: process.env.NEWSROOM_BENCH_SEARCH !== "0",
        buildCache: true,
      });
  },
});
elev.disableLogger();
const t0 = performance.now();
const [, templates] = (await elev.write()) as [unknown, unknown[]];
const seconds = (performance.now() - t0) / 1000;
const maxRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(`${JSON.stringify({ mode, seconds: Number(seconds.toFixed(2)), pages: templates.length, maxRssMB })}\n`);
