// The newsroom's shortcodes: `quote`, `stat` and `keyFigures`, the same in Markdown, Nunjucks and 11ty.js.
import { escapeHtml, safeUrl } from "./escape.ts";
import { fail } from "./errors.ts";
import { formatNumber, parseFigure, pluralForm, type Notation } from "./numbers.ts";
import type { ResolvedOptions } from "./options.ts";
import { localeOfUrl } from "./urls.ts";
import type { EleventyConfig } from "./eleventy.ts";
import type { Guest } from "./guest.ts";

/** What Eleventy binds `this` to in a shortcode, in every template language. */
export interface ShortcodeThis {
  page?: { inputPath?: string; url?: unknown };
}

export interface ShortcodeContext {
  options: ResolvedOptions;
  /** Renders Markdown with the site's own markdown-it, so a quote reads like the text around it. */
  renderMarkdown: (source: string) => string;
}

const STAT_CLASS = "newsroom-stat";

export function createShortcodes({ options, renderMarkdown }: ShortcodeContext) {
  const fileOf = (self: ShortcodeThis | undefined) => self?.page?.inputPath ?? "(unknown template)";
  const localeOf = (self: ShortcodeThis | undefined) => {
    const lang = localeOfUrl(self?.page?.url, options);
    return options.dictionaries[lang] ? lang : options.defaultLocale;
  };

  /** `{% quote "Speaker", "Role", "https://cite.example" %}Text{% endquote %}` */
  function quote(this: ShortcodeThis | undefined, body: string, speaker?: unknown, role?: unknown, cite?: unknown): string {
    const file = fileOf(this);
    if (typeof speaker !== "string" || speaker.trim() === "") {
      fail({
        file,
        field: "quote",
        message: "has no speaker",
        fix: 'name who said it: {% quote "Айдар Абилдабеков", "вице-министр торговли и интеграции" %}…{% endquote %}',
      });
    }
    if (String(body ?? "").trim() === "") {
      fail({ file, field: "quote", message: `by ${speaker} has no text`, fix: "put the words between {% quote … %} and {% endquote %}" });
    }
    let citeAttr = "";
    if (cite !== undefined && cite !== null && String(cite).trim() !== "") {
      const url = safeUrl(String(cite).trim());
      if (url === undefined) {
        fail({ file, field: "quote", message: `cite URL ${JSON.stringify(cite)} is not an http(s) address`, fix: "give the page the quote comes from, e.g. https://baq.kz/…" });
      }
      citeAttr = ` cite="${escapeHtml(url)}"`;
    }
    const roleText = typeof role === "string" && role.trim() !== "" ? `, ${escapeHtml(role.trim())}` : "";
    // No blank line may reach Markdown, or it would end the HTML block and re-parse the rest.
    const text = renderMarkdown(String(body).trim()).trim().replace(/\n\s*\n/g, "\n");
    return (
      `<figure class="newsroom-quote"><blockquote${citeAttr}>${text}</blockquote>` +
      `<figcaption>— <cite>${escapeHtml(speaker.trim())}</cite>${roleText}</figcaption></figure>`
    );
  }

  /** `{% stat 1400, "рабочее место|рабочих места|рабочих мест", "постоянных", "более", "full" %}` */
  function stat(this: ShortcodeThis | undefined, value: unknown, unit?: unknown, label?: unknown, qualifier?: unknown, notation?: unknown): string {
    const file = fileOf(this);
    const figure = parseFigure(value);
    if (figure === undefined) {
      fail({
        file,
        field: "stat",
        message: `value ${JSON.stringify(value)} is not a number`,
        fix: 'write the figure in digits, without units: {% stat 60000, "гектар|гектара|гектаров", "орошаемых земель" %}',
      });
    }
    const how = (notation === undefined || notation === null || notation === "" ? options.statNotation : notation) as Notation;
    if (how !== "compact" && how !== "full") {
      fail({ file, field: "stat", message: `notation ${JSON.stringify(notation)} is unknown`, fix: 'write "compact" (60 тыс.) or "full" (60 000)' });
    }
    const locale = localeOf(this);
    const shown = formatNumber(figure, locale, how);
    const unitText = typeof unit === "string" && unit.trim() !== "" ? ` ${escapeHtml(pluralForm(unit, shown.agreesWith, locale))}` : "";
    const before = typeof qualifier === "string" && qualifier.trim() !== "" ? `${escapeHtml(qualifier.trim())} ` : "";
    const labelHtml =
      typeof label === "string" && label.trim() !== "" ? ` <span class="${STAT_CLASS}__label">${escapeHtml(label.trim())}</span>` : "";
    return (
      `<span class="${STAT_CLASS}"><span class="${STAT_CLASS}__figure">${before}` +
      `<data value="${figure}">${escapeHtml(shown.text)}</data>${unitText}</span>${labelHtml}</span>`
    );
  }

  /** `{% keyFigures %}{% stat … %}{% stat … %}{% endkeyFigures %}`: a box of a release's main numbers. */
  function keyFigures(this: ShortcodeThis | undefined, body: string, title?: unknown): string {
    const file = fileOf(this);
    // Each stat starts with the same opening tag, so the body splits into one item per stat.
    const pieces = String(body ?? "")
      .split(new RegExp(`(?=<span class="${STAT_CLASS}">)`))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const stray = pieces.find((p) => !p.startsWith(`<span class="${STAT_CLASS}">`));
    if (stray !== undefined || pieces.length === 0) {
      fail({
        file,
        field: "keyFigures",
        message: stray !== undefined ? `holds ${JSON.stringify(stray.slice(0, 40))}, which is not a stat` : "holds no stat",
        fix: "put only {% stat … %} shortcodes between {% keyFigures %} and {% endkeyFigures %}",
      });
    }
    const heading =
      typeof title === "string" && title.trim() !== "" ? title.trim() : options.dictionaries[localeOf(this)]!.strings.keyFigures;
    return (
      `<section class="newsroom-key-figures"><h2 class="newsroom-key-figures__title">${escapeHtml(heading)}</h2>` +
      `<ul class="newsroom-key-figures__list">${pieces.map((p) => `<li>${p}</li>`).join("")}</ul></section>`
    );
  }

  return { quote, stat, keyFigures };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: "\u00a0" };
function decode(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Reads back the quotes `quote` wrote into a page's HTML, for structured data. It parses only the
 * markup built above, so the two stay side by side in this file.
 */
export function extractQuotes(html: string): { text: string; speaker: string; role?: string; cite?: string }[] {
  const out: { text: string; speaker: string; role?: string; cite?: string }[] = [];
  const re = /<figure class="newsroom-quote"><blockquote(?: cite="([^"]*)")?>([\s\S]*?)<\/blockquote><figcaption>— <cite>([\s\S]*?)<\/cite>(?:, ([\s\S]*?))?<\/figcaption><\/figure>/g;
  for (const m of html.matchAll(re)) {
    const text = decode(m[2]!.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
    out.push({ text, speaker: decode(m[3]!), role: m[4] ? decode(m[4]) : undefined, cite: m[1] ? decode(m[1]) : undefined });
  }
  return out;
}

/**
 * `quote`, `stat` and `keyFigures`, and the same as `newsroomQuote`, `newsroomStat` and
 * `newsroomKeyFigures`. A site that has a shortcode of one of the short names keeps its own: a
 * plugin's shortcode would silently replace it. Its releases then use the prefixed name.
 */
export function addShortcodes(eleventyConfig: EleventyConfig, shortcodes: ReturnType<typeof createShortcodes>, guest: Guest): void {
  const taken = (name: string) => eleventyConfig.getShortcode?.(name) !== undefined || eleventyConfig.getPairedShortcode?.(name) !== undefined;
  const all = [
    ["quote", "newsroomQuote", shortcodes.quote, true],
    ["stat", "newsroomStat", shortcodes.stat, false],
    ["keyFigures", "newsroomKeyFigures", shortcodes.keyFigures, true],
  ] as const;
  for (const [short, prefixed, fn, paired] of all) {
    const add = (name: string) => (paired ? eleventyConfig.addPairedShortcode(name, fn) : eleventyConfig.addShortcode(name, fn));
    if (taken(short)) guest.yielded(`the site's own "${short}" shortcode stays; releases use "${prefixed}"`);
    else add(short);
    add(prefixed);
  }
}
