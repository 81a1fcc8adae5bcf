// A release's shortcodes read before a template engine does, so that mistakes name their line.
import type { Problem } from "./errors.ts";
import { parseFigure } from "./numbers.ts";

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
