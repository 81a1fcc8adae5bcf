// The published package: compiled plugin, its types, layouts and CSS, and nothing of the example.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/build.ts";

const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
const packed = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
)[0] as { files: { path: string }[] };
const files = packed.files.map((f) => f.path);

describe("npm pack", () => {
  it("ships the compiled plugin with its types, layouts, stylesheet and cut-down fonts", () => {
    for (const f of ["dist/index.js", "dist/index.d.ts", "plugin/templates/newsroom.css", "plugin/templates/newsroom/base.njk", "plugin/templates/newsroom/release.njk", "plugin/templates/newsroom/list.njk", "plugin/templates/fonts/LICENSE-noto-serif.txt"]) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^plugin\/templates\/fonts\/.+\.woff2$/.test(f))).toHaveLength(3);
  });

  it("ships nothing of the example site, the tests or the TypeScript source", () => {
    const allowed = /^(dist\/.+\.(js|d\.ts)|plugin\/templates\/.+|package\.json|README\.md|LICENSE)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files.some((f) => /^(src|tests|_data|_includes)\//.test(f) || f === ".eleventy.ts")).toBe(false);
  });

  it("exports only what it ships, as ESM, with Eleventy ^3.1 as a peer", () => {
    expect(pkg.name).toBe("eleventy-plugin-newsroom");
    expect(pkg.type).toBe("module");
    expect(pkg.peerDependencies["@11ty/eleventy"]).toBe("^3.1");
    const entry = pkg.exports["."];
    expect(files).toContain(entry.types.replace(/^\.\//, ""));
    expect(files).toContain(entry.default.replace(/^\.\//, ""));
    expect(Object.keys(entry)[0]).toBe("types");
  });

  it("declares the public types NewsroomOptions and ReleaseData", () => {
    const dts = readFileSync(path.join(ROOT, "dist/index.d.ts"), "utf8");
    expect(dts).toMatch(/NewsroomOptions/);
    expect(dts).toMatch(/ReleaseData/);
  });
});
