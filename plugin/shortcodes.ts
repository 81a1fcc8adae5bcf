// The newsroom's shortcodes: `quote`, `stat` and `keyFigures`, the same in Markdown, Nunjucks and 11ty.js.
import { escapeHtml, safeUrl } from "./escape.ts";
import { fail, type Problem } from "./errors.ts";
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
/** One `stat` as it renders: its texts are escaped, so none holds a `<`. */
const STAT_HTML = new RegExp(
  `<span class="${STAT_CLASS}"><span class="${STAT_CLASS}__figure">[^<]*<data value="[^"<]*">[^<]*</data>[^<]*</span>(?: <span class="${STAT_CLASS}__label">[^<]*</span>)?</span>`,
  "g",
);

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
    // Liquid reads an unquoted `1e21` as 1 and a variable `e21`: every argument after it moves along.
    if ((unit === undefined || unit === null) && label !== undefined) {
      fail({ file, field: "stat", message: `value ${JSON.stringify(value)} is followed by an empty unit`, fix: 'write the figure in plain digits or in quotes, and each argument in quotes: {% stat "60000", "гектар|гектара|гектаров", "орошаемых земель" %}' });
    }
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
    // Only stats, each exactly as `stat` writes it: anything else (text, another tag) is refused
    // rather than left inside a stat's list item.
    const found = [...String(body ?? "").matchAll(STAT_HTML)].map((m) => m[0]);
    const rest = String(body ?? "").replace(STAT_HTML, "").trim();
    if (rest !== "" || found.length === 0) {
      fail({
        file,
        field: "keyFigures",
        message: rest !== "" ? `holds ${JSON.stringify(rest.slice(0, 40))}, which is not a stat` : "holds no stat",
        fix: "put only {% stat … %} shortcodes between {% keyFigures %} and {% endkeyFigures %}",
      });
    }
    const pieces = found;
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

const PAIRED = ["quote", "keyFigures", "newsroomQuote", "newsroomKeyFigures"];
const TAG = /\{%-?\s*(\w+)([\s\S]*?)-?%\}/g;

/** The arguments of a tag, split at commas outside quotes: `60000, "a, b"` → [`60000`, `"a, b"`]. */
function splitArguments(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let quote: string | undefined;
  for (const ch of text) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ",") {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

/**
 * The release's shortcodes read before a template engine does, so that a mistake is reported with
 * its file and line: an unclosed `{% keyFigures %}` (Liquid would say "tag undefined not closed"),
 * text between stats, a figure that is not plain digits (`1e21`, which Liquid splits in two).
 */
export function lintShortcodes(body: string, file: string, firstLine = 1): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (index: number) => body.slice(0, index).split("\n").length + firstLine - 1;
  const open: { name: string; line: number; end: number }[] = [];
  for (const m of body.matchAll(TAG)) {
    const [, name, args] = m as unknown as [string, string, string];
    const line = lineOf(m.index!);
    if (PAIRED.includes(name)) {
      if (/quote$/i.test(name) && !/^\s*(["']).*?\S.*?\1/.test(args)) {
        problems.push({ file, field: name, message: `on line ${line} names no speaker`, fix: 'name who said it: {% quote "Айдар Абилдабеков", "вице-министр торговли и интеграции" %}…{% endquote %}' });
      }
      const inside = open.at(-1);
      if (inside && /keyFigures$/i.test(inside.name)) {
        problems.push({ file, field: inside.name, message: `opened on line ${inside.line} holds a ${name} on line ${line}`, fix: `close it first: {% end${inside.name} %}` });
      }
      open.push({ name, line, end: m.index! + m[0].length });
    } else if (name.startsWith("end") && PAIRED.includes(name.slice(3))) {
      const opener = open.pop();
      if (!opener || opener.name !== name.slice(3)) {
        problems.push({ file, field: name.slice(3), message: `ends on line ${line} without a {% ${name.slice(3)} %} before it`, fix: `open it: {% ${name.slice(3)} … %}…{% ${name} %}` });
        if (opener) open.push(opener);
        continue;
      }
      if (/keyFigures$/i.test(opener.name)) {
        const between = body.slice(opener.end, m.index!).replace(TAG, "").trim();
        if (between !== "") {
          problems.push({ file, field: opener.name, message: `on line ${opener.line} holds ${JSON.stringify(between.slice(0, 40))}, which is not a stat`, fix: `put only {% stat … %} shortcodes between {% ${opener.name} %} and {% ${name} %}` });
        }
      }
    } else if (name === "stat" || name === "newsroomStat") {
      const all = splitArguments(args);
      const notation = all[4]?.replace(/^(["'])(.*)\1$/, "$2");
      if (all.length > 5) {
        problems.push({ file, field: name, message: `on line ${line} has ${all.length} arguments, more than its five`, fix: 'write {% stat value, "unit forms", "label", "qualifier", "compact or full" %}, each text in quotes' });
      } else if (notation !== undefined && notation !== "compact" && notation !== "full") {
        problems.push({ file, field: name, message: `on line ${line} has the notation ${all[4]}`, fix: 'write "compact" (60 тыс.) or "full" (60 000)' });
      }
      const first = all[0] ?? "";
      const quoted = /^(["']).*\1$/.test(first);
      const figure = quoted ? first.slice(1, -1) : first;
      if (first === "" || (!quoted && !/^-?\d+(\.\d+)?$/.test(first)) || parseFigure(figure) === undefined) {
        problems.push({
          file,
          field: name,
          message: `on line ${line} has the figure ${first === "" ? "missing" : first}, which is not a number in plain digits`,
          fix: 'write it in digits, at most 9007199254740991: {% stat 60000, "гектар|гектара|гектаров", "орошаемых земель" %}',
        });
      }
    }
  }
  for (const opener of open) {
    problems.push({ file, field: opener.name, message: `opened on line ${opener.line} is never closed`, fix: `end it with {% end${opener.name} %}` });
  }
  return problems;
}
