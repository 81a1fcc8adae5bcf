// The build cache on disk (`.cache/newsroom/build/`): one record of the last build (`state.json`)
// and a store of the files it wrote, found by the sha256 of their bytes. A build appends what it
// wrote to one pack file rather than one file per page: at 5,000 releases that is one write of
// 300 MB instead of 14,000 small files, 0.15 s against 3–4 s on this project's benchmark machine.
// A pack and the record are written to a temporary name and renamed, so a build stopped halfway
// leaves nothing half-written to trust; a record that does not read as one is no record, and a
// stored file is checked against its sha256 before it is put back.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync, writevSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Release } from "../model/releases.ts";
import type { Registries } from "../model/schema.ts";

export const BUILD_CACHE = ".cache/newsroom/build";
/** The cache's own layout; a cache of another format is not read. */
export const FORMAT = 4;
const STATE_FILE = path.join(BUILD_CACHE, "state.json");
const PACKS = path.join(BUILD_CACHE, "packs");

/** What the cache keeps of a release between builds. */
export interface ReleaseEntry {
  /** sha256 of the file. */
  hash: string;
  /** The file's size and mtime when hashed: a file that still has both is not read again. */
  size?: number;
  mtimeMs?: number;
  /** Its front matter as the plugin's YAML engine read it. */
  frontMatter: Record<string, unknown>;
  /** Its normalised record, where it is valid. */
  record?: Release;
  /** sha256 of its body as Eleventy rendered it (kept in the store), for feeds. */
  content?: string;
  /** Its related releases by input path, where it was published: the next build ranks again only where a change reaches. */
  related?: string[];
  /** Its fingerprint in the last build's signatures (of its URL, file hash and record), where it was published. */
  fingerprint?: string;
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
  /** Where each stored file lies: its sha256 → [pack, offset, length]. */
  stored: Record<string, Located>;
}

type Located = [pack: string, offset: number, length: number];

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
export const posix = (p: string) => p.split(path.sep).join("/");

/**
 * Writes a file of `.cache/` whole or not at all: a build stopped halfway leaves nothing half-written
 * to trust. The content is bytes, or a function that writes it to the open file, a part at a time.
 */
export function writeWhole(target: string, content: Buffer | string | ((fd: number) => void)): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const part = `${target}.${process.pid}.tmp`;
  if (typeof content === "function") {
    const fd = openSync(part, "w");
    try {
      content(fd);
    } finally {
      closeSync(fd);
    }
  } else writeFileSync(part, content);
  renameSync(part, target);
}

/**
 * The record is written a line at a time (JSON lines: a head, then one line per page, release and
 * stored file, then an end line that counts them) and read a line at a time: at 20,000 releases it
 * is 60 MB, and one JSON text of it cost a 120 MB string to write and another to read, the largest
 * part of a publish build's peak memory. A record without its end line was not written whole.
 */
type Line = ["page", string, PageEntry] | ["release", string, ReleaseEntry] | ["stored", string, Located] | ["end", number];

/**
 * The record last read, with where each entry's line starts: an entry the next record keeps as it
 * was (the object itself, under the same name) is written back as those bytes, not stringified
 * again (100,000 lines at 20,000 releases, of which a publish changes a few hundred). Offsets in a
 * map by name, not the line itself by object: 0.1 s less to read at 20,000 releases.
 */
let lastRead: { bytes: Buffer; state: State; at: Record<"page" | "release" | "stored", Map<string, number>> } | undefined;

/** The last build's record; undefined when missing, half-written, not JSON or of another format. */
export function readState(): State | undefined {
  try {
    const bytes = readFileSync(STATE_FILE);
    let start = bytes.indexOf(10);
    const head = JSON.parse(bytes.toString("utf8", 0, start)) as Omit<State, "pages" | "releases" | "stored">;
    if (head.format !== FORMAT || typeof head.key !== "string" || typeof head.cascades !== "object") return undefined;
    const s: State = { ...head, pages: {}, releases: {}, stored: {} };
    const at = { page: new Map<string, number>(), release: new Map<string, number>(), stored: new Map<string, number>() };
    let lines = 0;
    while (start >= 0 && start < bytes.length - 1) {
      const end = bytes.indexOf(10, start + 1);
      const line = JSON.parse(bytes.toString("utf8", start + 1, end < 0 ? bytes.length : end)) as Line;
      if (line[0] === "end") {
        if (line[1] !== lines) return undefined;
        lastRead = { bytes, state: s, at };
        return s;
      }
      lines++;
      if (end >= 0 && typeof line[2] === "object" && line[2] !== null) at[line[0]]?.set(line[1], start + 1);
      start = end;
      if (line[0] === "page") s.pages[line[1]] = line[2];
      else if (line[0] === "release") s.releases[line[1]] = withTexts(line[2]);
      else if (line[0] === "stored") s.stored[line[1]] = line[2];
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * The texts a release's front matter and its record share (its title, lead and dateline), written
 * once: in the record, with the front matter naming them under `same` and holding null in their
 * place, so that its keys keep their order. A fifth of the record at 20,000 releases, which every
 * publish reads. Strings only: a list or an object read once is not to be shared by the two.
 */
const SHARED_TEXTS = ["title", "lead", "dateline"] as const;
type Written = ReleaseEntry & { same?: string[] };

function withoutTexts(entry: ReleaseEntry): ReleaseEntry | Written {
  const { frontMatter, record } = entry;
  if (!record) return entry;
  const same = SHARED_TEXTS.filter((k) => typeof frontMatter[k] === "string" && frontMatter[k] === record[k]);
  if (same.length === 0) return entry;
  const fm = { ...frontMatter };
  for (const k of same) fm[k] = null;
  return { ...entry, frontMatter: fm, same };
}

function withTexts(entry: Written): ReleaseEntry {
  const { same, record, frontMatter } = entry;
  if (same === undefined) return entry;
  delete entry.same;
  // Not trusted further than the record read as a whole: a name that is not one of these, or a
  // text the record lacks, makes the entry no entry (the release is read again).
  for (const k of same) {
    const text = (record as Record<string, unknown> | undefined)?.[k];
    if (!(SHARED_TEXTS as readonly string[]).includes(k) || typeof text !== "string" || frontMatter?.[k] !== null) throw new Error("not a record");
    frontMatter[k] = text;
  }
  return entry;
}

export function writeState(state: State): void {
  writeWhole(STATE_FILE, (fd) => {
    const { pages, releases, stored, ...head } = state;
    const read = lastRead;
    const before = read && { page: read.state.pages, release: read.state.releases, stored: read.state.stored };
    let lines = 0;
    let parts: Buffer[] = [];
    let size = 0;
    // New lines gather as text; lines copied from the record read gather as one run of its bytes
    // while they follow each other there, as most do.
    let text = `${JSON.stringify(head)}\n`;
    let runFrom = -1;
    let runTo = -1;
    const endText = () => {
      if (text) parts.push(Buffer.from(text));
      text = "";
    };
    const endRun = () => {
      if (runFrom >= 0) parts.push(read!.bytes.subarray(runFrom, runTo));
      runFrom = -1;
    };
    const flush = () => {
      endText();
      endRun();
      // Written from the parts as they are, not copied into one buffer first.
      writevSync(fd, parts);
      parts = [];
      size = 0;
    };
    const put = (kind: "page" | "release" | "stored", name: string, entry: object) => {
      lines++;
      const from = before?.[kind][name] === entry ? read!.at[kind].get(name) : undefined;
      if (from !== undefined) {
        endText();
        const to = read!.bytes.indexOf(10, from) + 1;
        if (runFrom < 0 || runTo !== from) {
          endRun();
          runFrom = from;
        }
        runTo = to;
        size += to - from;
      } else {
        endRun();
        const line = `${JSON.stringify([kind, name, kind === "release" ? withoutTexts(entry as ReleaseEntry) : entry])}\n`;
        text += line;
        size += line.length;
      }
      if (size > 1 << 20) flush();
    };
    for (const [rel, page] of Object.entries(pages)) put("page", rel, page);
    for (const [inputPath, release] of Object.entries(releases)) put("release", inputPath, release);
    for (const [sha, where] of Object.entries(stored)) put("stored", sha, where);
    endRun();
    text += `${JSON.stringify(["end", lines])}\n`;
    flush();
  });
  // The bytes of the record read (60 MB at 20,000 releases) are not held past the build.
  lastRead = undefined;
}

/** Forgets the record: the next build reads every release. */
export function dropState(): void {
  rmSync(STATE_FILE, { force: true });
}

const packFile = (pack: string) => path.join(PACKS, `${pack}.pack`);
/** A new pack's name: its time, and a random part so that two builds (or two threads) never share one. */
const newPack = () => `${Date.now().toString(36)}-${randomBytes(4).toString("hex")}`;
/** Where in a pack of this build a file went: its sha256, offset and length. */
type Placed = [sha: string, offset: number, length: number];

/**
 * The store: the last build's packs to read from, and this build's pack to append to. Reads are
 * checked against the sha256 they are asked for (once each); a file missing, cut short or changed
 * reads as undefined, and the page it held is built again.
 */
export class Store {
  private readonly at: Map<string, Located>;
  private readonly added = new Map<string, Located>();
  private readonly verified = new Set<string>();
  private readonly readers = new Map<string, number>();
  private writer?: { pack: string; fd: number; offset: number };

  constructor(state: State | undefined) {
    this.at = new Map(Object.entries(state?.stored ?? {}));
  }

  /** Whether the last build's packs hold this file (not yet checked). */
  has(sha: string): boolean {
    return this.at.has(sha);
  }

  /** A file of the last build's packs, checked; undefined when missing or damaged. */
  read(sha: string): Buffer | undefined {
    const where = this.at.get(sha);
    if (!where) return undefined;
    const [pack, offset, length] = where;
    let fd = this.readers.get(pack);
    try {
      if (fd === undefined) this.readers.set(pack, (fd = openSync(packFile(pack), "r")));
      const bytes = Buffer.allocUnsafe(length);
      if (readSync(fd, bytes, 0, length, offset) !== length) return undefined;
      if (!this.verified.has(sha)) {
        if (sha256(bytes) !== sha) return undefined;
        this.verified.add(sha);
      }
      return bytes;
    } catch {
      return undefined;
    }
  }

  /** Copies a stored file into the output; false when the store no longer holds it whole. */
  putBack(output: string, rel: string, sha: string): boolean {
    const bytes = this.read(sha);
    if (!bytes) return false;
    const full = path.join(output, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, bytes);
    return true;
  }

  /** Stores a file this build wrote, unless the store holds it already; its sha256. */
  put(data: Buffer | string): string {
    // Encoded once: hashing a string and writing it would each encode 300 MB at 5,000 releases.
    const bytes = typeof data === "string" ? Buffer.from(data) : data;
    const sha = sha256(bytes);
    if (this.at.has(sha) || this.added.has(sha)) return sha;
    this.append(sha, bytes);
    return sha;
  }

  private append(sha: string, bytes: Buffer): void {
    if (!this.writer) {
      mkdirSync(PACKS, { recursive: true });
      const pack = newPack();
      this.writer = { pack, fd: openSync(`${packFile(pack)}.tmp`, "w"), offset: 0 };
    }
    const w = this.writer;
    const length = writeSync(w.fd, bytes);
    this.added.set(sha, [w.pack, w.offset, length]);
    w.offset += length;
  }

  /** Files another thread packed in this build (see `packInWorker`): stored unless the store has them already. */
  adopt(pack: string, located: Placed[]): void {
    for (const [sha, offset, length] of located) if (!this.at.has(sha) && !this.added.has(sha)) this.added.set(sha, [pack, offset, length]);
  }

  /** The files the last build's packs hold, by sha256: another thread packing pages leaves them out. */
  known(): string[] {
    return [...this.at.keys()];
  }

  /**
   * Closes this build's pack and says where each file the next build needs lies. Old packs whose
   * files are mostly gone (pages rebuilt since) are compacted: their live files move into this pack.
   */
  finish(live: Iterable<string>): Record<string, Located> {
    const wanted = [...new Set(live)];
    const liveBytes = new Map<string, number>();
    for (const sha of wanted) {
      const where = this.at.get(sha);
      if (where && !this.added.has(sha)) liveBytes.set(where[0], (liveBytes.get(where[0]) ?? 0) + where[2]);
    }
    for (const [pack, bytes] of liveBytes) {
      let size = 0;
      try {
        size = statSync(packFile(pack)).size;
      } catch {
        continue;
      }
      if (bytes * 2 >= size) continue;
      for (const sha of wanted) {
        if (this.at.get(sha)?.[0] !== pack || this.added.has(sha)) continue;
        const bytes = this.read(sha);
        if (bytes) this.append(sha, bytes);
      }
    }
    if (this.writer) {
      closeSync(this.writer.fd);
      renameSync(`${packFile(this.writer.pack)}.tmp`, packFile(this.writer.pack));
      this.writer = undefined;
    }
    const stored: Record<string, Located> = {};
    for (const sha of wanted) {
      const where = this.added.get(sha) ?? this.at.get(sha);
      if (where) stored[sha] = where;
    }
    return stored;
  }

  /** After the record is written: removes packs it no longer names, and what a stopped build left. */
  sweep(stored: Record<string, Located>): void {
    for (const fd of this.readers.values()) closeSync(fd);
    this.readers.clear();
    const named = new Set(Object.values(stored).map(([pack]) => `${pack}.pack`));
    for (const name of existsSync(PACKS) ? readdirSync(PACKS) : []) if (!named.has(name)) rmSync(path.join(PACKS, name), { force: true });
    // The one-file-per-page store of format 2.
    rmSync(path.join(BUILD_CACHE, "store"), { recursive: true, force: true });
  }

  /**
   * Files of the output found as the last build wrote them (pages by size and time, assets present),
   * when the build planned: the build writes only the pages it renders, so these need no second look.
   */
  readonly intact = new Set<string>();

  /** Whether a page can be put back: the output still holds it as written, or the store has it whole. */
  restorable(file: string, page: PageEntry, output: string): boolean {
    const ok = (rel: string, sha: string, size?: number, mtimeMs?: number) => {
      if (size !== undefined) {
        const s = statSync(path.join(output, rel), { throwIfNoEntry: false });
        if (s && s.size === size && s.mtimeMs === mtimeMs) {
          this.intact.add(rel);
          return true;
        }
      }
      return this.read(sha) !== undefined;
    };
    const present = (rel: string) => {
      // An asset many pages share (the site's share card) is looked for once.
      if (this.intact.has(rel)) return true;
      if (!existsSync(path.join(output, rel))) return false;
      this.intact.add(rel);
      return true;
    };
    return ok(file, page.sha, page.size, page.mtimeMs) && page.assets.every((a) => present(a.file) || ok(a.file, a.sha));
  }
}

/** A page a worker packed: its sha256, size, time and the asset URLs it names; null when it was not written. */
export type Packed = [sha: string, size: number, mtimeMs: number, assetUrls: string[]] | null;

/**
 * Reads, hashes and packs `files` of the output on a worker thread, into a pack of its own, while
 * the build's thread does the rest of the record: at 5,000 releases the record step was 0.85 s of
 * one thread while the second core sat idle. The pack is written to a temporary name and renamed;
 * the record names it only if the build gets that far, and a pack the record does not name is
 * removed by the next build. `scanner` makes the function that finds a page's asset URLs, the
 * same one the build's thread uses, passed as its source. Rejects when the worker fails; the
 * caller then packs those files itself.
 */
export function packInWorker(output: string, files: string[], known: string[], folder: string, scanner: () => (bytes: Buffer, folder: Buffer) => Set<string>): Promise<{ pack: string; packed: Packed[]; located: Placed[] }> {
  const pack = newPack();
  mkdirSync(PACKS, { recursive: true });
  // `__name`: the helper esbuild (tsx, vitest) wraps functions in to keep their names, which the
  // scanner's source may carry; a no-op here.
  const source = `
const __name = (f) => f;
const { workerData, parentPort } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const { createHash } = require("node:crypto");
const scan = (${String(scanner)})();
const { output, files, known, folder, target } = workerData;
const seen = new Set(known);
const folderBytes = Buffer.from(folder);
const fd = fs.openSync(target + ".tmp", "w");
let offset = 0;
const packed = [];
const located = [];
for (const rel of files) {
  const full = path.join(output, rel);
  const s = fs.statSync(full, { throwIfNoEntry: false });
  if (!s) { packed.push(null); continue; }
  const bytes = fs.readFileSync(full);
  const sha = createHash("sha256").update(bytes).digest("hex");
  if (!seen.has(sha)) {
    seen.add(sha);
    let written = 0;
    while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written, offset + written);
    located.push([sha, offset, bytes.length]);
    offset += bytes.length;
  }
  packed.push([sha, s.size, s.mtimeMs, [...scan(bytes, folderBytes)]]);
}
fs.closeSync(fd);
fs.renameSync(target + ".tmp", target);
parentPort.postMessage({ packed, located });
`;
  return new Promise((resolve, reject) => {
    // No loader of the build's own process (tsx, a test runner's) is passed on: the source is plain JavaScript.
    const worker = new Worker(source, { eval: true, execArgv: [], workerData: { output: path.resolve(output), files, known, folder, target: path.resolve(packFile(pack)) } });
    worker.once("message", ({ packed, located }: { packed: Packed[]; located: Placed[] }) => resolve({ pack, packed, located }));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the page-packing thread stopped (exit code ${code})`)));
  });
}
