// Typography per locale for a release's body: «ёлочки» with „лапки“ inside, no-break spaces after
// short words and before dashes, em dashes for spaced hyphens in Russian and Kazakh; curly quotes in
// English. Typograf leaves code, URLs, attributes and scripts as they are.
import TypografModule from "typograf";
import { remember } from "../model/memo.ts";

// Typograf's types describe a CommonJS module, while Node loads its ES build, whose default export
// is the class itself: take whichever this import gives.
type TypografClass = new (prefs: object) => { execute(text: string): string; disableRule(name: string): void; enableRule(names: string[]): void };
const Typograf = ((TypografModule as unknown as { default?: TypografClass }).default ?? TypografModule) as unknown as TypografClass;

// Typograf has no Kazakh rules; the Russian ones (quotes, dashes, short words) fit Kazakh text.
const RULES: Record<string, string[]> = { ru: ["ru", "en-US"], kk: ["ru", "en-US"], en: ["en-US"] };

/**
 * Only the rules a press release needs: quotes, dashes, no-break spaces after short words and
 * numbers. All of Typograf's 107 took 2.1 ms a release body (20,000 releases: 40 s); these take
 * 0.6 ms, and leave names, codes and brackets alone ("ТОО(2024)", "alert(1)").
 */
const ONLY = [
  "common/punctuation/quote",
  "common/punctuation/quoteLink",
  "ru/dash/main",
  "en-US/dash/main",
  "common/nbsp/afterShortWord",
  "common/nbsp/afterNumber",
  "ru/nbsp/year",
  "ru/nbsp/mln",
  "ru/nbsp/initials",
];

const typografFor = remember(
  (locale: string) => locale,
  (locale) => {
    const tp = new Typograf({ locale: RULES[locale] ?? ["en-US"], htmlEntity: { type: "default" } });
    tp.disableRule("*");
    tp.enableRule(ONLY);
    return tp;
  },
);

/** The HTML with its text set in the locale's typography; a locale without rules is left as it is. */
export function typeset(html: string, locale: string): string {
  if (!RULES[locale]) return html;
  // Markdown writes quotes in text as &quot;, on which Typograf pairs nested quotes wrongly; in text
  // (between tags, never in an attribute) a quote mark needs no escaping.
  const text = html.includes("&quot;") ? `>${html}<`.replace(/>([^<]*&quot;[^<]*)</g, (_, t: string) => `>${t.replace(/&quot;/g, '"')}<`).slice(1, -1) : html;
  return typografFor(locale).execute(text);
}
