// The newsroom's shortcodes: `quote`, `stat` and `keyFigures`, the same in Markdown, Nunjucks and 11ty.js.
import { escapeHtml, safeUrl } from "./escape.ts";
import { fail } from "../model/errors.ts";
import { formatNumber, parseFigure, pluralForm, type Notation } from "../model/numbers.ts";
import type { ResolvedOptions } from "../model/options.ts";
import { localeFor } from "../model/urls.ts";

/** What Eleventy binds `this` to in a shortcode, in every template language. */
export interface ShortcodeThis {
  page?: { inputPath?: string; url?: unknown };
}

/** A quote as structured data reads it (schema.org `Quotation`). */
export interface QuoteData {
  text: string;
  speaker: string;
  role?: string;
  cite?: string;
}

export interface ShortcodeContext {
  options: ResolvedOptions;
  /** Renders Markdown with the site's own markdown-it, so a quote reads like the text around it. */
  renderMarkdown: (source: string) => string;
  /** Hears each quote of a page as data, for its JSON-LD: no reading it back out of the HTML. */
  onQuote?: (inputPath: string, quote: QuoteData) => void;
  /** Hears each figure of a page as printed, for its share card. */
  onStat?: (inputPath: string, figure: { value: string; label: string }) => void;
}

const STAT_CLASS = "newsroom-stat";
/** One `stat` as it renders: its texts are escaped, so none holds a `<`. */
const STAT_HTML = new RegExp(
  `<span class="${STAT_CLASS}"><span class="${STAT_CLASS}__figure">[^<]*<data value="[^"<]*">[^<]*</data>[^<]*</span>(?: <span class="${STAT_CLASS}__label">[^<]*</span>)?</span>`,
  "g",
);

/** What every shortcode reads: the options, and the page it is on. */
interface Helpers extends ShortcodeContext {
  fileOf(self: ShortcodeThis | undefined): string;
  localeOf(self: ShortcodeThis | undefined): string;
}

/** `{% quote "Speaker", "Role", "https://cite.example" %}Text{% endquote %}` */
function quoteShortcode(ctx: Helpers) {
  const { fileOf, renderMarkdown, onQuote } = ctx;
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
    onQuote?.(file, {
      text: plainText(text),
      speaker: speaker.trim(),
      ...(typeof role === "string" && role.trim() !== "" ? { role: role.trim() } : {}),
      ...(citeAttr ? { cite: String(cite).trim() } : {}),
    });
    return (
      `<figure class="newsroom-quote"><blockquote${citeAttr}>${text}</blockquote>` +
      `<figcaption>— <cite>${escapeHtml(speaker.trim())}</cite>${roleText}</figcaption></figure>`
    );
  }
  return quote;
}

/** `{% stat 1400, "рабочее место|рабочих места|рабочих мест", "постоянных", "более", "full" %}` */
function statShortcode(ctx: Helpers) {
  const { options, fileOf, localeOf, onStat } = ctx;
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
    onStat?.(file, {
      value: `${before}${shown.text}`,
      label: [unitText.trim() ? pluralForm(String(unit), shown.agreesWith, locale) : "", typeof label === "string" ? label.trim() : ""].filter(Boolean).join(" "),
    });
    const labelHtml =
      typeof label === "string" && label.trim() !== "" ? ` <span class="${STAT_CLASS}__label">${escapeHtml(label.trim())}</span>` : "";
    return (
      `<span class="${STAT_CLASS}"><span class="${STAT_CLASS}__figure">${before}` +
      `<data value="${figure}">${escapeHtml(shown.text)}</data>${unitText}</span>${labelHtml}</span>`
    );
  }
  return stat;
}

/** `{% keyFigures %}{% stat … %}{% stat … %}{% endkeyFigures %}`: a box of a release's main numbers. */
function keyFiguresShortcode(ctx: Helpers) {
  const { options, fileOf, localeOf } = ctx;
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
  return keyFigures;
}

/** The three shortcodes, bound to the site's options and Markdown. */
export function createShortcodes(context: ShortcodeContext) {
  const { options } = context;
  const helpers: Helpers = {
    ...context,
    fileOf: (self) => self?.page?.inputPath ?? "(unknown template)",
    localeOf: (self) => localeFor(self?.page?.url, undefined, options),
  };
  return { quote: quoteShortcode(helpers), stat: statShortcode(helpers), keyFigures: keyFiguresShortcode(helpers) };
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

/** The words of rendered Markdown, for structured data: tags dropped, entities read. */
function plainText(html: string): string {
  return decode(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();
}
