// Share cards drawn on a worker thread. On the build's own thread, satori's layout and the garbage
// of 100 KB SVGs competed with Eleventy's rendering in a heap of a gigabyte: at 5,000 releases the
// 96 cards of the last 30 days added about 3 s to the build with satori alone. On a thread of its
// own, with a heap of its own, the drawing overlaps rendering instead.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { cardTree, PNG_OPTIONS, SATORI_OPTIONS, type CardFont, type CardInput } from "./share-card.ts";

const require = createRequire(import.meta.url);
/**
 * Cards in hand on the worker at once. One: sharp rasterises with threads of its own, and on a
 * machine of two cores more cards at once only took time from the build's own thread (alternating
 * builds of 5,000 releases: 14.5 s with one, 14.8 s with three).
 */
const CONCURRENCY = 1;

// The worker keeps its own queue. Eleventy renders pages as one long chain of promises, in which this
// thread hears the worker's messages only at the end; a queue here, fed as cards finished, left the
// worker idle after its first few until rendering was done.
// Plain JavaScript given as source, so that the worker runs alike under the compiled package, tsx and
// vitest; it draws what cardPng draws, with the same satori and sharp, and the test compares the two.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const satori = require(workerData.satori).default;
const sharp = require(workerData.sharp);
const fonts = workerData.fonts.map((f) => ({ ...f, data: Buffer.from(f.data) }));
// The lowest priority for this thread alone (Linux names it in /proc/thread-self): the build's own
// thread and its garbage collector come first, and the cards take the time they leave.
try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  if (tid > 0 && tid !== process.pid) require("node:os").setPriority(tid, 19);
} catch {}
const queue = [];
let running = 0;
const next = async () => {
  if (running >= workerData.concurrency || queue.length === 0) return;
  running++;
  const { id, tree } = queue.shift();
  try {
    const svg = await satori(tree, { ...workerData.satoriOptions, fonts, loadAdditionalAsset: async () => "" });
    const png = await sharp(Buffer.from(svg)).png(workerData.pngOptions).toBuffer();
    const bytes = new Uint8Array(png);
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.stack) || e) });
  }
  running--;
  next();
};
parentPort.on("message", (job) => {
  queue.push(job);
  next();
});
`;

export interface CardDrawer {
  /** The card as a PNG, drawn on the worker thread. */
  draw(card: CardInput): Promise<Buffer>;
}

/** A drawer with one worker, started at the first card; it keeps the process alive only while it draws. */
export function cardDrawer(fonts: CardFont[]): CardDrawer {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(png: Buffer): void; reject(e: Error): void }>();

  const start = (): Worker => {
    const w = new Worker(WORKER, {
      eval: true,
      workerData: {
        satori: require.resolve("satori"),
        sharp: require.resolve("sharp"),
        fonts: fonts.map((f) => ({ name: f.name, data: new Uint8Array(f.data), weight: f.weight, style: f.style })),
        satoriOptions: SATORI_OPTIONS,
        pngOptions: PNG_OPTIONS,
        concurrency: CONCURRENCY,
      },
    });
    w.on("message", ({ id, bytes, error }: { id: number; bytes?: Uint8Array; error?: string }) => {
      const job = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) w.unref();
      if (!job) return;
      if (bytes) job.resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      else job.reject(new Error(error ?? "the card was not drawn"));
    });
    const fail = (e: Error) => {
      worker = undefined;
      for (const job of pending.values()) job.reject(e);
      pending.clear();
    };
    w.on("error", fail);
    w.on("exit", (code) => fail(new Error(`the share card worker stopped (exit code ${code})`)));
    w.unref();
    return w;
  };

  return {
    draw(card) {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const tree = cardTree(card, fonts);
      return new Promise<Buffer>((resolve, reject) => {
        if (pending.size === 0) w.ref();
        pending.set(id, { resolve, reject });
        w.postMessage({ id, tree });
      });
    },
  };
}
