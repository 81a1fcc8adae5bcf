// Typography per locale for a release's body: «ёлочки» with „лапки“ inside, no-break spaces after
// short words and before dashes, em dashes for spaced hyphens in Russian and Kazakh; curly quotes in
// English. Typograf leaves code, URLs, attributes and scripts as they are.
import TypografModule from "typograf";
import { remember } from "../model/memo.ts";

// Typograf's types describe a CommonJS module, while Node loads its ES build, whose default export
// is the class itself: take whichever this import gives.
type TypografClass = new (prefs: object) => { execute(text: string): string; disableRule(name: string): void };
const Typograf = ((TypografModule as unknown as { default?: TypografClass }).default ?? TypografModule) as unknown as TypografClass;

// Typograf has no Kazakh rules; the Russian ones (quotes, dashes, short words) fit Kazakh text.
const RULES: Record<string, string[]> = { ru: ["ru", "en-US"], kk: ["ru", "en-US"], en: ["en-US"] };

// Spacing around brackets would change names, codes and figures ("ТОО(2024)", "alert(1)"): off.
const OFF = ["common/space/beforeBracket", "common/space/bracket", "common/space/squareBracket"];

const typografFor = remember(
  (locale: string) => locale,
  (locale) => {
    const tp = new Typograf({ locale: RULES[locale] ?? ["en-US"], htmlEntity: { type: "default" } });
    for (const rule of OFF) tp.disableRule(rule);
    return tp;
  },
);

/** The HTML with its text set in the locale's typography; a locale without rules is left as it is. */
export function typeset(html: string, locale: string): string {
  if (!RULES[locale]) return html;
  // Markdown writes quotes in text as &quot;, on which Typograf pairs nested quotes wrongly; in text
  // (between tags, never in an attribute) a quote mark needs no escaping.
  const text = `>${html}<`.replace(/>([^<]*)</g, (_, t: string) => `>${t.replace(/&quot;/g, '"')}<`).slice(1, -1);
  return typografFor(locale).execute(text);
}
