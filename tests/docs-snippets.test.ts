// Every code snippet of docs/ does what the page says: option fragments are accepted, registry
// files validate, the template loop renders, the shown HTML and error are what the plugin writes.
// (The README's files and docs/existing-site.md's configs are run by the install and guest tests.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../plugin/model/options.ts";
import { registrySchemas } from "../plugin/model/schema.ts";
import { createShortcodes } from "../plugin/render/shortcodes.ts";
import { buildError, buildExample, ROOT } from "./helpers/build.ts";

/** The code blocks of a page, with their language. */
function blocks(page: string): { lang: string; code: string }[] {
  const text = readFileSync(path.join(ROOT, page), "utf8");
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)\n```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}
const docs = ["cdn", "discovery", "front-matter", "languages", "layouts", "options", "publishing-safety", "scale", "taxonomies"].map((p) => `docs/${p}.md`);

describe("the snippets of docs/", () => {
  it("every option fragment is accepted by the plugin", () => {
    const fragments = docs.flatMap((p) => blocks(p)).filter((b) => b.lang === "js" && b.code.includes("addPlugin(newsroom"));
    expect(fragments.length).toBeGreaterThan(0);
    for (const { code } of fragments) {
      const options = code.match(/addPlugin\(newsroom, \{ …, ([\s\S]*) \}\);/)![1]!;
      const value = new Function(`return { siteName: "P", siteUrl: "https://p.kz", ${options} };`)();
      expect(() => resolveOptions(value), code).not.toThrow();
    }
  });

  it("every registry file is valid", () => {
    const json = blocks("docs/taxonomies.md").filter((b) => b.lang === "json");
    expect(json.length).toBe(1);
    const files = json[0]!.code.split(/^\/\/ _data\/registry\/(\w+)\.json\n/m).slice(1);
    expect(files.length).toBe(6);
    for (let i = 0; i < files.length; i += 2) {
      const name = files[i] as keyof typeof registrySchemas;
      expect(registrySchemas[name].safeParse(JSON.parse(files[i + 1]!)).success, name).toBe(true);
    }
  });

  it("the template loop over newsroom.releasesBy lists the person's releases", async () => {
    const loop = blocks("docs/taxonomies.md").find((b) => b.lang === "njk")!.code;
    const site = await buildExample((c) => c.addTemplate("snippet.njk", loop, { permalink: "/snippet/", eleventyImport: { collections: ["releases"] } }));
    expect(site.page("/snippet/").content).toContain('<a href="/ru/2025/12/turkestan-visit/">');
  });

  it("the quote's HTML is what the shortcode writes", () => {
    const shown = blocks("docs/layouts.md").find((b) => b.lang === "html")!.code.replace(/\n/g, "");
    const options = resolveOptions({ siteName: "P", siteUrl: "https://p.kz" });
    const { quote } = createShortcodes({ options, renderMarkdown: (s) => `<p>${s}</p>` });
    expect(quote.call({ page: { inputPath: "x.md", url: "/ru/x/" } }, "text", "speaker", "role", "https://cite.kz/")).toBe(shown.replace("…", "https://cite.kz/"));
  });

  it("the error shown is the one the build gives", async () => {
    const shown = blocks("docs/publishing-safety.md").find((b) => b.lang === "" && b.code.startsWith("[newsroom]"))!.code;
    const message = await buildError("pagination", {}, (c) => c.addTemplate("releases/visit.md", "Body.", { title: "Visit", date: "16.12.2025", lead: "Lead." }));
    // A virtual release is named by its absolute path; a file by its path from the project.
    expect(message.replace(ROOT, "./")).toContain(shown.replace("./src/releases/visit.md", "./tests/fixtures/pagination/releases/visit.md"));
  });
});
