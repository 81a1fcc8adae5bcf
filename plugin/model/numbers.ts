// Figures for a reader: locale-correct compact and full numbers, and units in the right plural form.

import { remember, rememberEach } from "./memo.ts";

export type Notation = "compact" | "full";

const formatter = rememberEach((locale: string, notation: string) =>
  notation === "compact"
    ? new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 })
    : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
);

const rules = remember(
  (locale: string) => locale,
  (locale) => new Intl.PluralRules(locale, { maximumFractionDigits: 2 }),
);

export interface FormattedNumber {
  /** What the reader sees, e.g. `1,4 тыс.` or `60 000`. */
  text: string;
  /**
   * The number the unit agrees with. A compact figure is read as the rounded whole it stands for:
   * `1,4 тыс.` is 1400, so Russian says "рабочих мест", as it would after "тысячи".
   */
  agreesWith: number;
}

export function formatNumber(value: number, locale: string, notation: Notation): FormattedNumber {
  const f = formatter(locale, notation);
  // Only a compact number needs its parts, to tell the scale it shows.
  if (notation !== "compact") return { text: f.format(value), agreesWith: value };
  const parts = f.formatToParts(value);
  const text = parts.map((p) => p.value).join("");
  if (!parts.some((p) => p.type === "compact")) return { text, agreesWith: value };
  const shown = Number(
    parts
      .filter((p) => p.type === "integer" || p.type === "decimal" || p.type === "fraction" || p.type === "minusSign")
      .map((p) => (p.type === "decimal" ? "." : p.type === "minusSign" ? "-" : p.value))
      .join(""),
  );
  const scale = shown === 0 ? 1 : 10 ** Math.round(Math.log10(Math.abs(value / shown)));
  return { text, agreesWith: Math.round(shown * scale) };
}

/** The plural categories a locale has, in CLDR's order. */
const categoriesOf = remember(
  (locale: string) => locale,
  (locale) => CATEGORY_ORDER.filter((c) => rules(locale).resolvedOptions().pluralCategories.includes(c)),
);

/** CLDR's order of plural categories; a unit lists its forms in this order, skipping those its locale lacks. */
const CATEGORY_ORDER: Intl.LDMLPluralRule[] = ["zero", "one", "two", "few", "many", "other"];

/**
 * Picks the form of a unit for a number. `forms` is `"рабочее место|рабочих места|рабочих мест"`:
 * one form for each plural category of the locale in CLDR order (Russian: one|few|many[|other];
 * English and Kazakh: one|other). When "other" is not given it takes the "few" form, which is what
 * Russian uses for fractions ("1,5 гектара"), and otherwise the last form given.
 */
export function pluralForm(forms: string, count: number, locale: string): string {
  const list = forms.split("|").map((s) => s.trim());
  if (list.length === 1) return list[0]!;
  const r = rules(locale);
  const categories = categoriesOf(locale);
  const byCategory = new Map<string, string>();
  categories.forEach((c, i) => {
    if (list[i] !== undefined) byCategory.set(c, list[i]!);
  });
  const category = r.select(count);
  return (
    byCategory.get(category) ??
    (category === "other" ? byCategory.get("few") : undefined) ??
    list[list.length - 1]!
  );
}

/** Reads a figure from a shortcode argument: a number, or digits with optional spaces and a decimal comma. */
export function parseFigure(value: unknown): number | undefined {
  // Past 2^53 a figure is no longer exact, and past 1e21 JavaScript prints it as 1e+21.
  const exact = (n: number) => (Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER ? n : undefined);
  if (typeof value === "number") return exact(value);
  if (typeof value !== "string") return undefined;
  const cleaned = value.trim().replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return exact(Number(cleaned));
}
