// `newsroom check --output _site`: the built folder read as a crawler would, before it is uploaded.
// Pure: files in, findings out.
import { gunzipSync } from "node:zlib";

/** A release the build held back (draft, embargoed, scheduled): what would give it away. */
export interface HeldRelease {
  file: string;
  why: string;
  title: string;
  url: string;
  /** Its body as written. */
  body?: string;
  /** A run of words from its body that no published release has. */
  phrase?: string;
}

export interface Finding {
  file: string;
  message: string;
}

const TEXT = /\.(html?|xml|json|txt|js|css|webmanifest)$|(^|\/)_headers$|(^|\/)_redirects$/;

/** A file's text as a reader of it sees it: Pagefind's gzipped index decompressed. */
export function readable(file: string, bytes: Buffer): string | undefined {
  if (file.includes("pagefind/") && /\.pf_/.test(file)) {
    try {
      return gunzipSync(bytes).toString("utf8");
    } catch {
      return bytes.toString("utf8");
    }
  }
  return TEXT.test(file) ? bytes.toString("utf8") : undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
  e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : XML_ENTITIES[e.toLowerCase()]!,
);

/** Markup a browser or a feed reader would run: scripts (other than JSON-LD and the plugin's own), on* handlers, javascript: URLs. */
function liveMarkup(html: string): string[] {
  const found: string[] = [];
  const withoutKnown = html
    .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, "")
    .replace(/<script (?:defer )?src="[^"]*\/(pagefind\/pagefind-ui\.js|newsroom\/newsroom-search\.[0-9a-f]{10}\.js)"( defer)?><\/script>/g, "");
  const script = /<script\b[^>]*>/i.exec(withoutKnown);
  if (script) found.push(`a script element: ${script[0].slice(0, 60)}`);
  const handler = /<[a-z][^\s>/]*(?:\s[^>]*)?\son[a-z]+\s*=/i.exec(withoutKnown);
  if (handler) found.push(`an event handler: ${handler[0].slice(0, 60)}`);
  const js = /\s(?:href|src|action|formaction|cite|poster|data)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i.exec(withoutKnown);
  if (js) found.push(`a script URL: ${js[0].trim().slice(0, 60)}`);
  return found;
}

/** The text of RSS and Atom elements readers render as HTML, decoded from XML once. */
function feedTexts(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(title|description|subtitle|summary|category|content:encoded|content)\b[^>]*>([\s\S]*?)<\/\1>/g)) out.push(decodeXml(m[2]!));
  return out;
}

/**
 * Everything in a built folder that should not be there: any trace of a held-back release (its
 * title, URL or a phrase of its body), files in the plugin's folders that the build did not write,
 * and live markup in pages and feeds.
 */
export function audit(
  files: { file: string; bytes: Buffer }[],
  held: HeldRelease[],
  written: { files: Set<string>; folders: string[]; ownFolders: string[] } | undefined,
): Finding[] {
  const findings: Finding[] = [];
  for (const { file, bytes } of files) {
    const text = readable(file, bytes);
    if (text !== undefined) {
      for (const r of held) {
        for (const [what, needle] of [["title", r.title], ["URL", r.url], ["body", r.phrase]] as const) {
          if (needle && text.includes(needle)) findings.push({ file, message: `holds the ${what} of ${r.file}, which is ${r.why}` });
        }
      }
      if (/\.html?$/.test(file)) for (const m of liveMarkup(text)) findings.push({ file, message: `has ${m} from content` });
      if (/\.xml$/.test(file)) for (const t of feedTexts(text)) for (const m of liveMarkup(t)) findings.push({ file, message: `has ${m} in text readers render as HTML` });
    }
    if (written) {
      const inOwnFolder = written.ownFolders.some((f) => file.startsWith(f));
      const inIndex = written.folders.some((f) => file.startsWith(f));
      if (inOwnFolder && !inIndex && !written.files.has(file)) findings.push({ file, message: "was not written by this build (an earlier build's file?)" });
    }
  }
  return findings;
}

/** The first run of `size` words of `text` that appears in none of `others`: what identifies it. */
export function uniquePhrase(text: string, others: string[], size = 5): string | undefined {
  const words = text.replace(/\{%[\s\S]*?%\}/g, " ").replace(/\s+/g, " ").trim().split(" ");
  // Words of letters and digits only: they read the same in HTML, XML, JSON and the search index.
  const plain = (w: string) => /^[\p{L}\p{N}]+$/u.test(w);
  for (let i = 0; i + size <= words.length; i++) {
    const run = words.slice(i, i + size);
    if (!run.every(plain)) continue;
    const phrase = run.join(" ");
    if (phrase.length >= 20 && !others.some((o) => o.includes(phrase))) return phrase;
  }
  return undefined;
}

/**
 * What `newsroom check` hands the build through global data (`newsroomCheck`): the build then
 * validates held-back releases too, and reports each release here instead of leaving one out.
 */
export class CheckReport {
  readonly held: HeldRelease[] = [];
  readonly published: string[] = [];
  ownFolders: string[] = [];
  hold(release: HeldRelease): void {
    this.held.push(release);
  }
  publish(body: string): void {
    this.published.push(body);
  }
}
