// The plugin's layers: a model of plain data and pure functions, renderers from model data to
// strings, and the Eleventy adapter. Neither of the first two may reach into the adapter or Eleventy.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";

const filesOf = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(`${dir}/${e.name}`) : e.name.endsWith(".ts") ? [`${dir}/${e.name}`] : []));
const importsOf = (file: string) => [...readFileSync(path.join(ROOT, file), "utf8").matchAll(/^import[^;]*?from "([^"]+)";/gms)].map((m) => m[1]!);

describe("the layers", () => {
  it("the model imports only the model, and nothing of Eleventy", () => {
    const bad = filesOf("plugin/model").flatMap((f) => importsOf(f).filter((i) => /\/(render|eleventy)\/|^@11ty\/eleventy$/.test(i)).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it("the renderers import the model and each other, never the adapter or Eleventy", () => {
    const bad = filesOf("plugin/render").flatMap((f) => importsOf(f).filter((i) => /\/eleventy\/|^@11ty\/eleventy$/.test(i)).map((i) => `${f} → ${i}`));
    expect(bad).toEqual([]);
  });

  it("the checker itself sees an import", () => {
    expect(importsOf("plugin/eleventy/collections.ts")).toContain("../model/releases.ts");
  });
});
