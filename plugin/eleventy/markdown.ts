// The site's own markdown-it, as Eleventy builds it: quotes render their text with it, and a
// release's body is set in its language's typography; the site's other Markdown is left alone.
import MarkdownIt from "markdown-it";
import type { EleventyConfig } from "./config.ts";
import { typeset } from "../render/typography.ts";

export function useSiteMarkdown(eleventyConfig: EleventyConfig): { render(source: string): string } {
  let markdown: { render(source: string): string } = new MarkdownIt();
  eleventyConfig.amendLibrary("md", (library) => {
    markdown = library;
    // Eleventy hands markdown-it the page's data as its env: a release's carries `release.lang`.
    const render = library.render.bind(library);
    library.render = (source: string, env?: { release?: { lang?: string } }) => {
      const html = render(source, env);
      return env?.release?.lang ? typeset(html, env.release.lang) : html;
    };
  });
  return { render: (source) => markdown.render(source) };
}
