// Signatures of pages for the build cache: a page whose signature is unchanged shows the same things
// and is not rendered again. What a page shows of another release is summed up once a build as its
// fingerprint: its URL, its whole record and its file's hash (a feed carries its text).
import { createHash } from "node:crypto";
import type { Release } from "./releases.ts";
import type { ReleaseNav } from "./taxonomy/types.ts";

const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");

interface ItemLike {
  inputPath: string;
  url: string;
  data: { release?: Release };
}

const isItem = (value: unknown): value is ItemLike => typeof value === "object" && value !== null && "inputPath" in value && "data" in value;

export type Fingerprint = (item: ItemLike) => string;

/**
 * Each release's fingerprint, made once a build; `hashes` gives each release file's hash. Remembered
 * by the release's record, which the build cache's restored items share with the plan's, and
 * `known` gives those the last build made for records it kept: an unchanged release is not
 * stringified and hashed again.
 */
export function fingerprints(hashes: Map<string, string>, known: Iterable<[Release, { url: string; inputPath: string; fingerprint: string }]> = []): Fingerprint {
  const memo = new WeakMap<object, { url: string; inputPath: string; fingerprint: string }>(known);
  // By item too: a list page asks for twenty at a time, and an item is one object to reach, where
  // its record is three.
  const byItem = new WeakMap<ItemLike, string>();
  return (item) => {
    let fingerprint = byItem.get(item);
    if (fingerprint !== undefined) return fingerprint;
    const owner = item.data.release ?? item;
    const seen = memo.get(owner);
    if (seen && seen.url === item.url && seen.inputPath === item.inputPath) fingerprint = seen.fingerprint;
    else {
      fingerprint = sha256(JSON.stringify([item.url, hashes.get(item.inputPath) ?? item.inputPath, item.data.release ?? null])).slice(0, 32);
      memo.set(owner, { url: item.url, inputPath: item.inputPath, fingerprint });
    }
    byItem.set(item, fingerprint);
    return fingerprint;
  };
}

/**
 * What a page holds as JSON text, with each release as its fingerprint and a term's every release
 * left out (its page shows a count). Objects are written once a build and reused: every page of a
 * list shares its pager's URLs and its term, and at 20,000 releases the pages of the main list alone
 * held a million of them. Written by hand rather than through a JSON.stringify replacer, which calls
 * back for every value.
 */
function encoder(fingerprint: Fingerprint): (value: unknown) => string {
  // A Map, not a WeakMap: it lives one build, and a WeakMap's entries are ephemerons the garbage
  // collector works through one by one (a publish writes one for each of 1,400 term pages' parts).
  const written = new Map<object, string>();
  // Keys are few (url, title, items …) and written on every page: each as JSON once.
  const keys = new Map<string, string>();
  const keyText = (k: string) => {
    let text = keys.get(k);
    if (text === undefined) keys.set(k, (text = `${JSON.stringify(k)}:`));
    return text;
  };
  const encode = (value: unknown): string => {
    if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
    let text = written.get(value);
    if (text !== undefined) return text;
    if (isItem(value)) text = `"${fingerprint(value)}"`;
    else if (typeof (value as { toJSON?: unknown }).toJSON === "function") text = encode((value as { toJSON(): unknown }).toJSON());
    else if (Array.isArray(value)) {
      text = "[";
      for (let i = 0; i < value.length; i++) text += (i > 0 ? "," : "") + encode(value[i]);
      text += "]";
    } else {
      const record = value as Record<string, unknown>;
      const isTerm = "slug" in record && "kind" in record;
      text = "{";
      let first = true;
      for (const k of Object.keys(record)) {
        const v = record[k];
        if (v === undefined || typeof v === "function" || typeof v === "symbol" || k === "self" || (k === "items" && isTerm)) continue;
        text += (first ? "" : ",") + keyText(k) + encode(v);
        first = false;
      }
      text += "}";
    }
    // A long part stands in its page's text as its own hash: the pages of one list share their
    // term and their list of page URLs, and each page would otherwise hash them again (a region of
    // a thousand pages, a thousand times). `#` starts no JSON value, so the two cannot be confused.
    if (text.length > LONG) text = `#${sha256(text).slice(0, 32)}`;
    written.set(value, text);
    return text;
  };
  return encode;
}
/** How long, in characters, a part's text may be before the signature writes its hash instead. */
const LONG = 256;
/**
 * What a build writes once and signs many pages with: the encoder of generated pages, and each term
 * link as a release page's signature writes it (without its count). One per fingerprint, which is
 * made once a build.
 */
interface BuildTexts {
  encode: (value: unknown) => string;
  ref: (r: ReleaseNav["people"][number]) => string;
}
const buildTexts = new WeakMap<Fingerprint, BuildTexts>();
function textsOf(fingerprint: Fingerprint): BuildTexts {
  let texts = buildTexts.get(fingerprint);
  if (!texts) {
    const refs = new WeakMap<object, string>();
    const ref = (r: ReleaseNav["people"][number]) => {
      let text = refs.get(r);
      if (text === undefined) refs.set(r, (text = JSON.stringify([r.kind, r.key, r.name, r.url])));
      return text;
    };
    buildTexts.set(fingerprint, (texts = { encode: encoder(fingerprint), ref }));
  }
  return texts;
}

export interface ReleasePageInputs {
  /** The cache's key: everything besides the releases. */
  key: string;
  /** The release file's hash. */
  fileHash: string;
  item: ItemLike;
  nav: ReleaseNav | undefined;
  /** Its translations' URLs by locale. */
  alternates: [string, string][];
  /** Whether its share card is its own at this build's instant. */
  ownCard: boolean;
}

/**
 * A release page's signature: its file, its record, and what it shows of others (term links without
 * counts). The JSON text of [key, file hash, fingerprint, shown, alternates, own card], written by
 * hand so that each term link, shared by every release that names it, is written once a build.
 */
export function releaseSignature(input: ReleasePageInputs, fingerprint: Fingerprint): string {
  const { nav, item } = input;
  const { ref } = textsOf(fingerprint);
  const fp = (other: ItemLike | undefined) => (other ? `"${fingerprint(other)}"` : "null");
  let shown = "null";
  if (nav) {
    const terms = [nav.people, nav.organisations, nav.places, nav.tags].map((list) => `[${list.map(ref).join(",")}]`).join(",");
    const crumbs = JSON.stringify(nav.breadcrumbs.map((c) => [c.name, c.url ?? null]));
    shown = `[${fp(nav.previous)},${fp(nav.next)},[${nav.related.map(fp).join(",")}],[${terms}],${crumbs}]`;
  }
  return sha256(`[${JSON.stringify(input.key)},${JSON.stringify(input.fileHash)},${fp(item)},${shown},${JSON.stringify(input.alternates)},${input.ownCard}]`);
}

/** A generated page's signature (term, archive, feed …): its kind, what it holds, its translations. */
export function generatedSignature(key: string, kind: string, page: object, alternates: [string, string][] | null, fingerprint: Fingerprint): string {
  const { encode } = textsOf(fingerprint);
  return sha256(`[${JSON.stringify(key)},${JSON.stringify(kind)},${encode(page)},${encode(alternates)}]`);
}
