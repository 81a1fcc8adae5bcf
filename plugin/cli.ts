#!/usr/bin/env node
// `newsroom check`: runs the site's own Eleventy config and reports every problem, writing nothing.
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { existsSync, realpathSync } from "node:fs";
import { NewsroomError, formatProblem } from "./errors.ts";

const USAGE = `usage: newsroom check [--config=eleventy.config.js] [--input=.]

Checks every release's front matter, the registries, shortcodes and dates with the site's own
Eleventy config, in memory; writes nothing. Exits 1 when anything is wrong.`;

const CONFIG_NAMES = [".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", "eleventy.config.ts", ".eleventy.ts"];

function findProblems(error: unknown): { problems: string[]; other?: string } {
  for (let e: any = error; e; e = e.originalError ?? e.cause) {
    if (e instanceof NewsroomError || e?.name === "NewsroomError") return { problems: (e as NewsroomError).problems.map(formatProblem) };
    if (typeof e?.message === "string" && e.message.startsWith("[newsroom]")) return { problems: [e.message.split("\n")[0]] };
  }
  return { problems: [], other: error instanceof Error ? error.message : String(error) };
}

export async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { config: { type: "string" }, input: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true });
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
  process.env.NEWSROOM_CHECK = "1";
  const { default: Eleventy } = await import("@11ty/eleventy");
  const elev = new Eleventy(values.input, undefined, { quietMode: true, configPath: path.resolve(configPath), runMode: "build" } as Record<string, unknown>);
  // Eleventy would print the same error again with its stack; the report below is the readable one.
  elev.disableLogger();
  try {
    const pages = await elev.toJSON();
    console.log(`newsroom check: ${pages.length} pages built in memory, no problems`);
    return 0;
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

// Run when this file is the program: through `node_modules/.bin/newsroom`, argv[1] is the link, so
// compare real paths, not the link's.
const program = process.argv[1] ? pathToFileURL(realpathSync(process.argv[1])).href : "";
if (import.meta.url === program) {
  check(process.argv.slice(2)).then((code) => process.exit(code));
}
