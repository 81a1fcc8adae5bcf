// The build cache on disk (`.cache/newsroom/build/`): one record of the last build (`state.json`)
// and a store of the files it wrote, each under the sha256 of its bytes. Everything is written to
// a temporary name and renamed, so a build stopped halfway leaves nothing half-written to trust;
// a record that does not read as one is no record, and a stored file is checked against its name
// before it is put back.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Release } from "../model/releases.ts";
import type { Registries } from "../model/schema.ts";

export const BUILD_CACHE = ".cache/newsroom/build";
/** The cache's own layout; a cache of another format is not read. */
export const FORMAT = 2;
const STATE_FILE = path.join(BUILD_CACHE, "state.json");

/** What the cache keeps of a release between builds. */
export interface ReleaseEntry {
  /** sha256 of the file. */
  hash: string;
  /** Its front matter as the plugin's YAML engine read it. */
  frontMatter: Record<string, unknown>;
  /** Its normalised record, where it is valid. */
  record?: Release;
  /** sha256 of its body as Eleventy rendered it (kept in the store), for feeds. */
  content?: string;
}

/** A file the build wrote, with the signature it was written under. */
export interface PageEntry {
  signature: string;
  /** sha256 of the page, its name in the store. */
  sha: string;
  size: number;
  mtimeMs: number;
  /** Files the page refers to that the plugin made for it (photos, share cards), relative to the output. */
  assets: { file: string; sha: string }[];
}

export interface State {
  format: number;
  key: string;
  releases: Record<string, ReleaseEntry>;
  /** What each folder's data files give every release in it, for fields a release can carry. */
  cascades: Record<string, Record<string, unknown> | null>;
  registries: Registries;
  /** By output file, relative to the output folder. */
  pages: Record<string, PageEntry>;
}

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
export const posix = (p: string) => p.split(path.sep).join("/");
export const storePath = (sha: string) => path.join(BUILD_CACHE, "store", sha.slice(0, 2), sha);

/** Writes a file whole or not at all. */
function writeWhole(target: string, bytes: Buffer | string): void {
  const part = `${target}.${process.pid}.tmp`;
  writeFileSync(part, bytes);
  renameSync(part, target);
}

/** The last build's record; undefined when missing, half-written, not JSON or of another format. */
export function readState(): State | undefined {
  try {
    const s = JSON.parse(readFileSync(STATE_FILE, "utf8")) as State;
    if (s.format !== FORMAT || typeof s.key !== "string" || typeof s.releases !== "object" || typeof s.pages !== "object" || typeof s.cascades !== "object") return undefined;
    return s;
  } catch {
    return undefined;
  }
}

export function writeState(state: State): void {
  mkdirSync(BUILD_CACHE, { recursive: true });
  writeWhole(STATE_FILE, JSON.stringify(state));
}

/** Forgets the record: the next build reads every release. */
export function dropState(): void {
  rmSync(STATE_FILE, { force: true });
}

/** A writer into the store that skips what `known` (the last record) says it holds already. */
export function storeWriter(known: State | undefined): (bytes: Buffer | string) => string {
  const stored = new Set<string>();
  for (const page of Object.values(known?.pages ?? {})) {
    stored.add(page.sha);
    for (const a of page.assets) stored.add(a.sha);
  }
  const madeDirs = new Set<string>();
  return (bytes) => {
    const sha = sha256(bytes);
    if (stored.has(sha)) return sha;
    const target = storePath(sha);
    if (!existsSync(target)) {
      const dir = path.dirname(target);
      if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true });
      madeDirs.add(dir);
      writeWhole(target, bytes);
    }
    stored.add(sha);
    return sha;
  };
}

/** Reads a stored file, checked against its name; undefined when it is missing or damaged. */
export function readStored(sha: string): Buffer | undefined {
  const file = storePath(sha);
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  return sha256(bytes) === sha ? bytes : undefined;
}

/** Copies a stored file into the output. */
export function putBack(output: string, rel: string, sha: string): void {
  const full = path.join(output, rel);
  mkdirSync(path.dirname(full), { recursive: true });
  copyFileSync(storePath(sha), full);
}

/** Whether a page can be put back: the output still holds it as written, or the store has it whole. */
export function restorable(file: string, page: PageEntry, output: string): boolean {
  const ok = (rel: string, sha: string, size?: number, mtimeMs?: number) => {
    const target = path.join(output, rel);
    if (size !== undefined && existsSync(target)) {
      const s = statSync(target);
      if (s.size === size && s.mtimeMs === mtimeMs) return true;
    }
    return readStored(sha) !== undefined;
  };
  return ok(file, page.sha, page.size, page.mtimeMs) && page.assets.every((a) => existsSync(path.join(output, a.file)) || ok(a.file, a.sha));
}
