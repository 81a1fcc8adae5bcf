// Eleventy 3 ships no type declarations; the plugin only needs these names from it.
declare module "@11ty/eleventy" {
  export const HtmlBasePlugin: unknown;
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>, config?: unknown);
    toJSON(): Promise<{ url: string | false; inputPath: string; outputPath: string | false; content: string; rawInput?: string }[]>;
    write(): Promise<unknown>;
    disableLogger(): void;
  }
}

// The RSS plugin ships no types; the newsroom uses its RFC 822 date filter.
declare module "@11ty/eleventy-plugin-rss" {
  export function dateToRfc822(value: string | Date, timeZone?: string): string;
}

// eleventy-img 6 ships no types: the part the plugin uses.
declare module "@11ty/eleventy-img" {
  interface ImageMeta {
    url: string;
    outputPath: string;
    width: number;
    height: number;
    format: string;
  }
  type Metadata = Record<string, ImageMeta[]>;
  function Image(src: string, options: Record<string, unknown>): Promise<Metadata>;
  namespace Image {
    function generateHTML(metadata: Metadata, attributes: Record<string, string>): string;
  }
  export default Image;
}
