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

/** Each release's fingerprint, made once a build; `hashes` gives each release file's hash. */
export function fingerprints(hashes: Map<string, string>): Fingerprint {
  const memo = new WeakMap<object, string>();
  return (item) => {
    let f = memo.get(item);
    if (f === undefined) memo.set(item, (f = sha256(JSON.stringify([item.url, hashes.get(item.inputPath) ?? item.inputPath, item.data.release ?? null])).slice(0, 32)));
    return f;
  };
}

/** Releases as their fingerprints; a term's every release left out (its page shows a count). */
function replacerOf(fingerprint: Fingerprint) {
  return function (this: unknown, key: string, value: unknown): unknown {
    if (key === "self") return undefined;
    if (key === "items" && typeof this === "object" && this !== null && "slug" in this && "kind" in this) return undefined;
    return isItem(value) ? fingerprint(value) : value;
  };
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

/** A release page's signature: its file, its record, and what it shows of others (term links without counts). */
export function releaseSignature(input: ReleasePageInputs, fingerprint: Fingerprint): string {
  const { nav, item } = input;
  const terms = nav ? [nav.people, nav.organisations, nav.places, nav.tags].map((refs) => refs.map((ref) => [ref.kind, ref.key, ref.name, ref.url])) : null;
  const shown = nav ? [nav.previous, nav.next, nav.related, terms, nav.breadcrumbs] : null;
  // The release itself by its fingerprint (its URL, file hash and record), stringified once a build.
  return sha256(JSON.stringify([input.key, input.fileHash, fingerprint(item), shown, input.alternates, input.ownCard], replacerOf(fingerprint)));
}

/** A generated page's signature (term, archive, feed …): its kind, what it holds, its translations. */
export function generatedSignature(key: string, kind: string, page: object, alternates: [string, string][] | null, fingerprint: Fingerprint): string {
  return sha256(JSON.stringify([key, kind, page, alternates], replacerOf(fingerprint)));
}
