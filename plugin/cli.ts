#!/usr/bin/env node
// `newsroom check`: runs the site's own Eleventy config and reports every problem, writing nothing.
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { audit, CheckReport, uniquePhrase } from "./render/audit.ts";
import { CHECK_KEY } from "./eleventy/collections.ts";
import { MANIFEST, readManifest } from "./eleventy/manifest.ts";
import { NewsroomError, formatProblem } from "./model/errors.ts";

const USAGE = `usage: newsroom check [--config=eleventy.config.js] [--input=.] [--output=_site]

Checks every release's front matter, the registries, shortcodes and dates with the site's own
Eleventy config, in memory; writes nothing. Exits 1 when anything is wrong.

With --output, also reads the built folder before it is uploaded: any trace of a draft, embargoed
or scheduled release (title, URL, a phrase of its body; pages, feeds, sitemaps and the search
index), files in the plugin's folders that the last build did not write, and live markup.`;

const CONFIG_NAMES = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.ts"];

function findProblems(error: unknown): { problems: string[]; other?: string } {
  for (let e: any = error; e; e = e.originalError ?? e.cause) {
    if (e instanceof NewsroomError || e?.name === "NewsroomError") return { problems: (e as NewsroomError).problems.map(formatProblem) };
    if (typeof e?.message === "string" && e.message.startsWith("[newsroom]")) return { problems: [e.message.split("\n")[0]] };
  }
  return { problems: [], other: error instanceof Error ? error.message : String(error) };
}

export async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { config: { type: "string" }, input: { type: "string" }, output: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true });
  if (values.help || positionals[0] !== "check") {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const configPath = values.config ?? CONFIG_NAMES.find((name) => existsSync(name));
  if (configPath === undefined) {
    console.error(`newsroom check: no Eleventy config found (looked for ${CONFIG_NAMES.join(", ")}): pass --config=path`);
    return 2;
  }
  if (configPath.endsWith(".ts")) {
    try {
      const tsx = (await import("tsx/esm/api" as string)) as { register(): void };
      tsx.register();
    } catch {
      console.error(`newsroom check: ${configPath} is TypeScript: install tsx (npm install --save-dev tsx) so Node can load it`);
      return 2;
    }
  }
  // The build hears that it is a check through this report, and fills it in.
  const report = new CheckReport();
  // A check reads every release: none may be left to a build cache's earlier pages.
  process.env.NEWSROOM_BUILD_CACHE = "off";
  const { default: Eleventy } = await import("@11ty/eleventy");
  const elev = new Eleventy(values.input, undefined, {
    quietMode: true,
    configPath: path.resolve(configPath),
    runMode: "build",
    config: (c: { addGlobalData(name: string, value: unknown): void }) => c.addGlobalData(CHECK_KEY, report),
  } as Record<string, unknown>);
  // Eleventy would print the same error again with its stack; the report below is the readable one.
  elev.disableLogger();
  try {
    const pages = await elev.toJSON();
    console.log(`newsroom check: ${pages.length} pages built in memory, no problems`);
    return values.output === undefined ? 0 : checkOutput(values.output, report);
  } catch (error) {
    const { problems, other } = findProblems(error);
    if (other !== undefined) {
      console.error(`newsroom check: the build failed: ${other}`);
      return 1;
    }
    for (const line of problems) console.error(line);
    console.error(`newsroom check: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    return 1;
  }
}

/** Every file below a folder, relative to it with forward slashes. */
function filesIn(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

function checkOutput(output: string, report: CheckReport): number {
  if (!existsSync(output)) {
    console.error(`newsroom check: ${output} does not exist: build the site first, then check it before upload`);
    return 2;
  }
  for (const r of report.held) r.phrase = uniquePhrase(r.body ?? "", report.published);
  const manifest = readManifest(output);
  const files = filesIn(output).filter((f) => f !== MANIFEST).map((file) => ({ file, bytes: readFileSync(path.join(output, file)) }));
  const findings = audit(files, report.held, manifest && { files: new Set(manifest.files), folders: manifest.folders, ownFolders: report.ownFolders });
  if (!manifest) findings.push({ file: MANIFEST, message: "is missing: the folder was not built with this plugin's current version, so files it did not write cannot be told apart" });
  for (const f of findings) console.error(`[newsroom] ${path.join(output, f.file)}: ${f.message}`);
  if (findings.length > 0) {
    console.error(`newsroom check: ${findings.length} problem${findings.length === 1 ? "" : "s"} in ${output}: do not upload it`);
    return 1;
  }
  const held = report.held.length;
  console.log(`newsroom check: ${files.length} files in ${output}: no trace of ${held === 1 ? "the 1 held-back release" : `the ${held} held-back releases`}, no stray file, nothing live from content`);
  return 0;
}

// Run when this file is the program: through `node_modules/.bin/newsroom`, argv[1] is the link, so
// compare real paths, not the link's.
const program = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : "";
if (import.meta.url === program) {
  check(process.argv.slice(2)).then((code) => process.exit(code));
}
