// What Pagefind is given of a release page: the page's language and the element marked
// `data-pagefind-body`, in a document of their own. Pagefind indexes only that element, so the
// document is what the index is made of, and its digest says whether an index bundle must be made
// again: a release page whose neighbours or related releases changed still gives the same document.

/** Where the element opening at `at` ends: its tags counted, skipping comments and raw text (scripts,
 * styles), as a parser reads them; the page's end when it is not closed, which holds it whole. */
function elementEnd(html: string, at: number, tag: string): number {
  const re = new RegExp(`<!--[\\s\\S]*?(?:-->|$)|<(script|style|textarea)\\b[\\s\\S]*?(?:</\\1\\s*>|$)|<(/?)${tag}(?=[\\s/>])[^>]*>`, "gi");
  re.lastIndex = at;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[1] !== undefined || m[0].startsWith("<!--")) continue;
    depth += m[2] === "/" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/** The page's language and its indexed element; the page as it is when no element is marked. */
export function searchDocument(html: string): string {
  const at = html.search(/<[a-z][a-z0-9-]*\s[^>]*\bdata-pagefind-body\b/i);
  if (at < 0) return html;
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(at))![1]!.toLowerCase();
  const element = html.slice(at, elementEnd(html, at, tag));
  const lang = /<html\b[^>]*\blang="([^"<>]*)"/i.exec(html)?.[1] ?? "";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${element}</body></html>`;
}
